// The survey snapshot pages inside the signed-in layout, for App to take in.
import { sectionRoutes } from '../../components/pageRoutes.tsx';

export const snapshotRoutes = sectionRoutes('snapshots', 'report.read', [
  ['', () => import('./SnapshotsPage.tsx')],
  ['compare', () => import('./ComparePage.tsx')],
]);
