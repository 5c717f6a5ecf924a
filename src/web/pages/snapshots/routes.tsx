// The survey snapshot pages inside the signed-in layout, for App to take in.
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const SnapshotsPage = lazy(() => import('./SnapshotsPage.tsx'));
const ComparePage = lazy(() => import('./ComparePage.tsx'));

export const snapshotRoutes = (
  <Route path="snapshots">
    <Route index element={<RequirePermission permission="report.read" page={<SnapshotsPage />} />} />
    <Route path="compare" element={<RequirePermission permission="report.read" page={<ComparePage />} />} />
  </Route>
);
