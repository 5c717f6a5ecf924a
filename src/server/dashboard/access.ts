import type { RouteSpec } from '../testing/routes.ts';

/** Who may call the dashboard (the authorization matrix reads this): any region of the actor's subtree, none outside. */
export const DASHBOARD_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/dashboard': {
    access: { kind: 'permission', permission: 'dashboard.read', action: 'dashboard.read' },
    call: () => ({ path: '/api/dashboard?region=420506' }),
    outside: () =>
      ['110101', '420100', '420000'].map((region) => ({
        path: `/api/dashboard?region=${region}`,
        status: 404 as const,
      })),
  },
};
