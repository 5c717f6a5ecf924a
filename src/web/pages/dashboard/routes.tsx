// The dashboard's own pages inside the signed-in layout, for App to take in (the dashboard
// itself keeps its route at /dashboard): the as-of list a past date's figures open.
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const AsOfListPage = lazy(() => import('./AsOfListPage.tsx'));

export const dashboardRoutes = (
  <Route path="stats/enterprises" element={<RequirePermission permission="ledger.read" page={<AsOfListPage />} />} />
);
