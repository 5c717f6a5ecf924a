/**
 * Roles and what each may do. The three administrator roles are mutually exclusive
 * (三员分立): a system administrator cannot read the audit trail, a security administrator
 * cannot change business data, an auditor can only read and export the audit trail.
 */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'committee', 'leader', 'instructor', 'secretary'] as const;
export type Role = (typeof ROLES)[number];

export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const PERMISSIONS = [
  'user.read',
  'user.write',
  'role.assign',
  'user.unlock',
  'settings.write',
  'policy.write',
  'audit.read',
  'audit.export',
  'dashboard.read',
  'region.load',
  'ledger.read',
  'ledger.write',
  'ledger.import',
  'ledger.export',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  sysadmin: ['user.read', 'user.write', 'settings.write', 'region.load', 'dashboard.read'],
  secadmin: ['user.read', 'role.assign', 'user.unlock', 'policy.write', 'dashboard.read'],
  auditor: ['audit.read', 'audit.export'],
  committee: ['dashboard.read', 'ledger.read', 'ledger.write', 'ledger.import', 'ledger.export'],
  leader: ['dashboard.read', 'ledger.read', 'ledger.export'],
  instructor: ['dashboard.read'],
  secretary: ['dashboard.read'],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => GRANTS[r] ?? []));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function mustUseTotp(roles: readonly Role[]): boolean {
  return roles.some((r) => ADMIN_ROLES.includes(r));
}

/** Chinese messages for each reason the role set is not allowed; empty when it is. */
export function checkRoles(roles: readonly string[]): string[] {
  const problems: string[] = [];
  for (const r of roles) if (!isRole(r)) problems.push(`未知角色：${r}`);
  if (new Set(roles).size !== roles.length) problems.push('角色重复');
  const admin = roles.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r));
  if (admin.length > 0 && roles.length > 1) {
    problems.push('三员分立：系统管理员、安全管理员、审计员角色互斥，且不能兼任业务角色');
  }
  return problems;
}
