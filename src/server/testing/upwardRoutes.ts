import type { RouteSpec } from './routes.ts';

/** As routes.ts's OUTSIDE_REGIONS (a value import would make the two modules a cycle). */
const OUTSIDE_REGIONS = ['110101', '420100', '420000'];

/**
 * Reports passed up between deployments (src/server/upward): the listing succeeds for whoever
 * reads reports; returning and registering need a child deployment's package and the
 * deployment's region (src/cli/upward.test.ts), so only their refusals are checked here.
 */
export const UPWARD_ROUTE_CALLS: Record<string, RouteSpec> = {
  'GET /api/deployments/packages': {
    call: () => ({ path: '/api/deployments/packages?period=2025' }),
    outside: () =>
      OUTSIDE_REGIONS.map((code) => ({
        path: `/api/deployments/packages?region=${code}&period=2025`,
        status: 404 as const,
      })),
  },
  'POST /api/deployments/packages/return': {
    outside: () =>
      OUTSIDE_REGIONS.map((region) => ({
        path: '/api/deployments/packages/return',
        body: { region, period: '2025', reason: '越权退回' },
        status: 404 as const,
      })),
  },
  // Not scoped to a region: the deployment's own key and its registered children, for its administrator.
  'GET /api/deployments/trusted': { call: () => ({ path: '/api/deployments/trusted' }) },
  'POST /api/deployments/trusted': {
    outside: () =>
      OUTSIDE_REGIONS.map((region) => ({
        path: '/api/deployments/trusted',
        body: { region, publicKey: '-----BEGIN PUBLIC KEY-----' },
        status: 404 as const,
      })),
  },
};
