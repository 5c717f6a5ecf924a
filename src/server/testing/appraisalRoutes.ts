import type { RouteSpec } from './routes.ts';

/**
 * The requests the authorization matrix makes to the appraisal settings (who may call them is
 * published by their declarations; the org routes' scope is checked by the areas' own tests).
 */
export const APPRAISAL_ROUTE_CALLS: Record<string, RouteSpec> = {
  'GET /api/settings/appraisal-rules': { call: () => ({ path: '/api/settings/appraisal-rules' }) },
  'PUT /api/settings/appraisal-rules': {
    call: () => ({ path: '/api/settings/appraisal-rules', body: { rectificationMonths: 12, followUpMonths: 3 } }),
  },
};
