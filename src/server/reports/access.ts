import type { RouteSpec } from '../testing/routes.ts';

const OUTSIDE = ['110101', '420100', '420000'];

const report = (action: string, path: string): RouteSpec => ({
  access: { kind: 'permission', permission: 'report.read', action },
  call: () => ({ path: `${path}&region=420500` }),
  outside: () => OUTSIDE.map((region) => ({ path: `${path}&region=${region}`, status: 404 as const })),
});

/** Who may call each report route (the authorization matrix reads this). */
export const REPORT_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/reports/quarterly': report('report.quarterly', '/api/reports/quarterly?quarter=2026Q1'),
  'GET /api/reports/quarterly.xlsx': report('report.quarterly_export', '/api/reports/quarterly.xlsx?quarter=2026Q1'),
  'GET /api/reports/annual': report('report.annual', '/api/reports/annual?year=2025'),
  'GET /api/reports/annual.xlsx': report('report.annual_export', '/api/reports/annual.xlsx?year=2025'),
  'GET /api/reports/lagging': report('report.lagging', '/api/reports/lagging?date=2026-03-31'),
  'GET /api/reports/lagging.xlsx': report('report.lagging_export', '/api/reports/lagging.xlsx?date=2026-03-31'),
};
