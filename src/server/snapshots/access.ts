import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/** Who may call each snapshot route (the authorization matrix reads this). */
export const SNAPSHOT_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/snapshots': needs('report.read', 'snapshot.list'),
  'POST /api/snapshots': {
    ...needs('snapshot.write', 'snapshot.create'),
    call: () => ({ path: '/api/snapshots', body: { date: '2025-12-31', region: '420506' } }),
    outside: () =>
      ['110101', '420100', '420000'].map((region) => ({
        path: '/api/snapshots',
        body: { date: '2025-12-31', region },
        status: 404 as const,
      })),
  },
  'GET /api/snapshots/compare': needs('report.read', 'snapshot.compare'),
  'GET /api/snapshots/compare/enterprises': needs('report.read', 'snapshot.compare'),
};
