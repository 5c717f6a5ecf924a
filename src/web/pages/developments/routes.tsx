// The member development pages inside the signed-in layout (App takes them in).
import { sectionRoutes } from '../../components/pageRoutes.tsx';

export const developmentRoutes = sectionRoutes('developments', 'member.read', [
  ['', () => import('./DevelopmentsPage.tsx')],
  ['orgs/:orgId', () => import('./DevelopmentBoardPage.tsx')],
  [':id', () => import('./DevelopmentPage.tsx')],
]);
