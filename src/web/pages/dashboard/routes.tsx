// The dashboard's own pages inside the signed-in layout, for App to take in (the dashboard
// itself keeps its route at /dashboard): the as-of list a past date's figures open.
import { pageRoutes } from '../../components/pageRoutes.tsx';

export const dashboardRoutes = pageRoutes([['stats/enterprises', () => import('./AsOfListPage.tsx'), 'ledger.read']]);
