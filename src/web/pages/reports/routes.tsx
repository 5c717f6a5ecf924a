// The reports pages inside the signed-in layout (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const ReportsHub = lazy(() => import('./ReportsHub.tsx'));
const QuarterlyPage = lazy(() => import('./QuarterlyPage.tsx'));
const AnnualPage = lazy(() => import('./AnnualPage.tsx'));
const LaggingPage = lazy(() => import('./LaggingPage.tsx'));

export const reportRoutes = (
  <Route path="reports">
    <Route index element={<RequirePermission permission="report.read" page={<ReportsHub />} />} />
    <Route path="quarterly" element={<RequirePermission permission="report.read" page={<QuarterlyPage />} />} />
    <Route path="annual" element={<RequirePermission permission="report.read" page={<AnnualPage />} />} />
    <Route path="lagging" element={<RequirePermission permission="report.read" page={<LaggingPage />} />} />
  </Route>
);
