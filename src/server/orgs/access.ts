import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/** Who may call each org route (the authorization matrix reads this). */
export const ORG_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/enterprises/{id}/restructuring': needs('ledger.read', 'enterprise.restructuring_read'),
  'PUT /api/enterprises/{id}/restructuring': needs('ledger.write', 'enterprise.restructuring'),
  'GET /api/prompts': needs('prompt.read', 'prompt.read'),
};
