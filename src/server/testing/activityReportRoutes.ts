// The requests the authorization matrix makes to 组织生活情况, 作用发挥情况 and 培训情况: one a permitted
// actor of 420500 makes, and the same aimed outside the region (404 as if absent).
import type { RouteSpec } from './routes.ts';

const OUTSIDE = ['110101', '420100', '420000'];

const report = (path: string): RouteSpec => ({
  call: () => ({ path: `${path}?year=2025&region=420500` }),
  outside: () => OUTSIDE.map((region) => ({ path: `${path}?year=2025&region=${region}`, status: 404 as const })),
});

export const ACTIVITY_REPORT_ROUTE_CALLS: Record<string, RouteSpec> = {
  ...Object.fromEntries(
    ['orglife', 'achievements', 'training'].flatMap((name) => [
      [`GET /api/reports/${name}`, report(`/api/reports/${name}`)],
      [`GET /api/reports/${name}.xlsx`, report(`/api/reports/${name}.xlsx`)],
    ]),
  ),
  // The training-hour requirements: a permitted actor changes their own region's.
  'PUT /api/settings/training': {
    call: () => ({ path: '/api/settings/training', body: { member: 32, officer: 56, instructor: 24 } }),
  },
};
