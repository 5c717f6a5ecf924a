import { type Permission, permissionsOf, type Role } from '../domain/roles.ts';
import type { ScopeContext } from './db/tx.ts';

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
    roles,
    permissions: permissionsOf(roles),
    ip: null,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}
