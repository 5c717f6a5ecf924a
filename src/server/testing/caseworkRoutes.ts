import type { RouteSpec } from './routes.ts';

const OUTSIDE = ['110101', '420100', '420000'];

/**
 * The requests the authorization matrix makes to the casework routes that take a region or a
 * body (who may call them is published by their declarations).
 */
export const CASEWORK_ROUTE_CALLS: Record<string, RouteSpec> = {
  'PUT /api/settings/instructor': {
    call: () => ({ path: '/api/settings/instructor', body: { contactsPerWeek: 1, requestSilentDays: 30 } }),
  },
  'GET /api/reports/instructors': {
    call: () => ({ path: '/api/reports/instructors?region=420500&from=2026-01-01&to=2026-06-30' }),
    outside: () =>
      OUTSIDE.map((region) => ({
        path: `/api/reports/instructors?region=${region}&from=2026-01-01&to=2026-06-30`,
        status: 403 as const,
      })),
  },
  'GET /api/reports/instructors/export': {
    outside: () =>
      OUTSIDE.map((region) => ({
        path: `/api/reports/instructors/export?region=${region}&from=2026-01-01&to=2026-06-30`,
        status: 403 as const,
      })),
  },
};
