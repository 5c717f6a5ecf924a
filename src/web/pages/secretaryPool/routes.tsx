// The secretary pool and honours pages inside the signed-in layout (App takes them in).
import { lazy } from 'react';
import { Route } from 'react-router';
import { RequirePermission } from '../../components/guards.tsx';

const PoolListPage = lazy(() => import('./PoolListPage.tsx'));
const PoolSecretaryPage = lazy(() => import('./PoolSecretaryPage.tsx'));
const HonoursPage = lazy(() => import('../honours/HonoursPage.tsx'));

export const recognitionRoutes = [
  <Route key="pool" path="secretary-pool">
    <Route index element={<RequirePermission permission="pool.read" page={<PoolListPage />} />} />
    <Route path=":id" element={<RequirePermission permission="pool.read" page={<PoolSecretaryPage />} />} />
  </Route>,
  <Route
    key="honours"
    path="honours"
    element={<RequirePermission permission="honour.read" page={<HonoursPage />} />}
  />,
];
