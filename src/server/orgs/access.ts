import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/** Who may call each org route (the authorization matrix reads this). */
export const ORG_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/orgs': needs('org.read', 'org.list'),
  'POST /api/orgs': needs('org.manage', 'org.create'),
  'GET /api/orgs/{id}': needs('org.read', 'org.read'),
  'PATCH /api/orgs/{id}': needs('org.write', 'org.update'),
  'POST /api/orgs/{id}/dissolve': needs('org.manage', 'org.dissolve'),
  'POST /api/orgs/{id}/coverages': needs('org.manage', 'org.coverage_add'),
  'POST /api/orgs/{id}/coverages/{coverageId}/end': needs('org.manage', 'org.coverage_end'),
  'POST /api/orgs/{id}/officers': needs('org.write', 'org.officer_add'),
  'POST /api/orgs/{id}/officers/{officerId}/end': needs('org.write', 'org.officer_end'),
  'POST /api/orgs/{id}/elections': needs('org.write', 'org.election'),
  'POST /api/orgs/{id}/elections/{electionId}/adjust': needs('org.write', 'org.term_adjust'),
  'GET /api/enterprises/{id}/restructuring': needs('ledger.read', 'enterprise.restructuring_read'),
  'PUT /api/enterprises/{id}/restructuring': needs('ledger.write', 'enterprise.restructuring'),
  'GET /api/prompts': needs('prompt.read', 'prompt.read'),
};
