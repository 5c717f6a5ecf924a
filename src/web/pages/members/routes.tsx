// The party members pages inside the signed-in layout: the list, a member, their card, transfers (App takes them in).
import { sectionRoutes } from '../../components/pageRoutes.tsx';

export const memberRoutes = sectionRoutes('members', 'member.read', [
  ['', () => import('./MemberListPage.tsx')],
  ['transfers', () => import('./TransfersPage.tsx')],
  ['lost-contacts', () => import('../lostContact/LostContactListPage.tsx')],
  [':id', () => import('./MemberPage.tsx')],
  [':id/card', () => import('./MemberCardPage.tsx')],
]);
