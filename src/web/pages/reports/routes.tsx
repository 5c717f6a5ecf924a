// The reports pages inside the signed-in layout (App takes them in).
import { sectionRoutes } from '../../components/pageRoutes.tsx';

export const reportRoutes = sectionRoutes('reports', 'report.read', [
  ['', () => import('./ReportsHub.tsx')],
  ['quarterly', () => import('./QuarterlyPage.tsx')],
  ['annual', () => import('./AnnualPage.tsx')],
  ['lagging', () => import('./LaggingPage.tsx')],
  ['nb27', () => import('./Nb27Page.tsx')],
  ['nb30', () => import('./Nb30Page.tsx')],
  ['nb43', () => import('./Nb43Page.tsx')],
  ['orglife', () => import('./OrglifePage.tsx')],
  ['achievements', () => import('./AchievementsPage.tsx')],
  ['deployments', () => import('./DeploymentsPage.tsx')],
]);
