import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/**
 * Who may call each development route (the authorization matrix reads this). Success and
 * scope are checked by developments.test.ts, which sets up the orgs and records they need.
 */
export const DEVELOPMENT_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/orgs/{id}/developments': needs('member.read', 'development.board'),
  'GET /api/developments/overdue': needs('member.read', 'development.overdue'),
  'GET /api/developments/early': needs('member.read', 'development.early'),
  'GET /api/developments/{id}': needs('member.read', 'development.read'),
  'POST /api/developments': needs('member.write', 'development.create'),
  'PATCH /api/developments/{id}': needs('member.write', 'development.update'),
  'POST /api/developments/{id}/close': needs('member.write', 'development.close'),
};
