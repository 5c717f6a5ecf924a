import { type Permission, permissionsOf, type Role } from '../domain/roles.ts';
import type { ScopeContext } from './db/tx.ts';
import { scopePrefixOf } from './regions/scope.ts';

/** Whoever a request or a CLI command acts for. */
export interface Actor extends ScopeContext {
  /** null for the local operator of the CLI. */
  actorId: number | null;
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  permissions: Set<Permission>;
  ip: string | null;
}

export const LOCAL_OPERATOR_NAME = 'local-operator';

/**
 * The CLI without --as: whoever can read the data directory already holds all the data,
 * so they act on the whole country with every permission, and are audited as such.
 */
export function localOperator(): Actor {
  const roles: Role[] = ['sysadmin', 'secadmin', 'auditor', 'committee'];
  return {
    actorId: null,
    username: LOCAL_OPERATOR_NAME,
    displayName: '本机操作员',
    regionCode: '000000',
    scopePrefix: '',
    orgId: null,
    instructorId: null,
    roles,
    permissions: permissionsOf(roles),
    ip: null,
  };
}

/** The actor a signed-in user acts as: their region's subtree, and for a secretary their own org. */
export function actorOf(
  user: {
    id: number;
    username: string;
    displayName: string;
    regionCode: string;
    roles: string[];
    orgId: number | null;
    instructorId: number | null;
    totpEnabled: boolean;
  },
  ip: string | null,
): Actor {
  const roles = user.roles as Role[];
  const permissions = permissionsOfUser(user);
  return {
    actorId: user.id,
    username: user.username,
    displayName: user.displayName,
    regionCode: user.regionCode,
    scopePrefix: scopePrefixOf(user.regionCode),
    // A secretary not yet linked to an org sees nothing (no org has id 0) rather than the region.
    orgId: roles.includes('secretary') ? (user.orgId ?? 0) : null,
    // Likewise an instructor account not yet linked to an instructor record (and a secretary's
    // narrower org scope takes precedence over an instructor's).
    instructorId: roles.includes('instructor') && !roles.includes('secretary') ? (user.instructorId ?? 0) : null,
    roles,
    permissions,
    ip,
  };
}

/**
 * What a user's roles grant, less member.reveal without a second factor: an account whose
 * password someone else had reset (or a CLI --as) cannot read full ID numbers without the
 * owner's authenticator.
 */
export function permissionsOfUser(user: { roles: string[]; totpEnabled: boolean }): Set<Permission> {
  const permissions = permissionsOf(user.roles as Role[]);
  if (!user.totpEnabled) permissions.delete('member.reveal');
  return permissions;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
