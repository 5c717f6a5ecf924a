import type { Permission } from '../../domain/roles.ts';
import type { RouteSpec } from '../testing/routes.ts';

const needs = (permission: Permission, action: string): RouteSpec => ({
  access: { kind: 'permission', permission, action },
});

/** Who may call each member route (the authorization matrix reads this). */
export const MEMBER_ROUTE_ACCESS: Record<string, RouteSpec> = {
  'GET /api/members': needs('member.read', 'member.list'),
  'POST /api/members': needs('member.write', 'member.create'),
  'GET /api/members/{id}': needs('member.read', 'member.read'),
  'PATCH /api/members/{id}': needs('member.write', 'member.update'),
  'GET /api/members/{id}/card': needs('member.read', 'member.read'),
  'POST /api/members/{id}/leave': needs('member.write', 'member.leave'),
  'POST /api/members/{id}/reveal': needs('member.reveal', 'member.reveal'),
  'POST /api/members/{id}/transfers': needs('member.write', 'member.transfer_out'),
  'GET /api/member-transfers': needs('member.read', 'member.transfer_list'),
  'POST /api/member-transfers': needs('member.write', 'member.transfer_in'),
  'POST /api/member-transfers/{id}/receive': needs('member.write', 'member.transfer_receive'),
};
