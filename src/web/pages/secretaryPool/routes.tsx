// The secretary pool and honours pages inside the signed-in layout (App takes them in).
import { pageRoutes, sectionRoutes } from '../../components/pageRoutes.tsx';

export const recognitionRoutes = [
  sectionRoutes('secretary-pool', 'pool.read', [
    ['', () => import('./PoolListPage.tsx')],
    [':id', () => import('./PoolSecretaryPage.tsx')],
  ]),
  ...pageRoutes([['honours', () => import('../honours/HonoursPage.tsx'), 'honour.read']]),
];
