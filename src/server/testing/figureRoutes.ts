// The requests the authorization matrix makes to the figure routes (statistics, reports,
// snapshots): one a permitted actor of 420500 makes successfully, and those aimed outside
// the region. Who may call each route is in its declaration (x-access in the API document).
import type { RouteSpec } from './routes.ts';

const OUTSIDE = ['110101', '420100', '420000'];

/** A figure of the actor's region, and the same asked of regions outside it (404 as if absent). */
const figure = (path: string, outside = OUTSIDE.slice(0, 2)): RouteSpec => ({
  call: () => ({ path }),
  outside: () =>
    outside.map((region) => ({
      path: `${path}${path.includes('?') ? '&' : '?'}region=${region}`,
      status: 404 as const,
    })),
});

const report = (path: string): RouteSpec => ({
  call: () => ({ path: `${path}&region=420500` }),
  outside: () => OUTSIDE.map((region) => ({ path: `${path}&region=${region}`, status: 404 as const })),
});

export const FIGURE_ROUTE_CALLS: Record<string, RouteSpec> = {
  'GET /api/stats/coverage': figure('/api/stats/coverage'),
  'GET /api/stats/trend': figure('/api/stats/trend?quarters=2'),
  'GET /api/stats/enterprises': figure('/api/stats/enterprises'),
  'GET /api/reports/quarterly': report('/api/reports/quarterly?quarter=2026Q1'),
  'GET /api/reports/quarterly.xlsx': report('/api/reports/quarterly.xlsx?quarter=2026Q1'),
  'GET /api/reports/annual': report('/api/reports/annual?year=2025'),
  'GET /api/reports/annual.xlsx': report('/api/reports/annual.xlsx?year=2025'),
  'GET /api/reports/nb27': report('/api/reports/nb27?year=2025'),
  'GET /api/reports/nb27.xlsx': report('/api/reports/nb27.xlsx?year=2025'),
  'GET /api/reports/nb30': report('/api/reports/nb30?year=2025'),
  'GET /api/reports/nb30.xlsx': report('/api/reports/nb30.xlsx?year=2025'),
  'GET /api/reports/nb43': report('/api/reports/nb43?year=2025'),
  'GET /api/reports/nb43.xlsx': report('/api/reports/nb43.xlsx?year=2025'),
  'GET /api/lost-contacts': report('/api/lost-contacts?state=all'),
  'GET /api/reports/lagging': report('/api/reports/lagging?date=2026-03-31'),
  'GET /api/reports/lagging.xlsx': report('/api/reports/lagging.xlsx?date=2026-03-31'),
  'POST /api/snapshots': {
    call: () => ({ path: '/api/snapshots', body: { date: '2025-12-31', region: '420506' } }),
    outside: () =>
      OUTSIDE.map((region) => ({
        path: '/api/snapshots',
        body: { date: '2025-12-31', region },
        status: 404 as const,
      })),
  },
};
