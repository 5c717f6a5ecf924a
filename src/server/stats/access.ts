import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string, call?: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
  ...(call
    ? {
        call: () => ({ path: call }),
        outside: () => [
          { path: `${call}${call.includes('?') ? '&' : '?'}region=110101`, status: 404 as const },
          { path: `${call}${call.includes('?') ? '&' : '?'}region=420100`, status: 404 as const },
        ],
      }
    : {}),
});

/** Who may call each statistics route (the authorization matrix reads this). */
export const STATS_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/stats/coverage': needs('dashboard.read', 'stats.coverage', '/api/stats/coverage'),
  'GET /api/stats/trend': needs('dashboard.read', 'stats.trend', '/api/stats/trend?quarters=2'),
  'GET /api/stats/enterprises': needs('ledger.read', 'stats.enterprises', '/api/stats/enterprises'),
  'GET /api/settings/coverage': needs('dashboard.read', 'settings.coverage.read'),
  'PUT /api/settings/coverage': needs('settings.write', 'settings.coverage'),
};
