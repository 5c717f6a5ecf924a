import { describe, expect, it } from 'vitest';
import { ADMIN_ROLES, checkRoles, mustUseTotp, PERMISSIONS, permissionsOf, ROLES } from './roles.ts';

describe('roles (三员分立)', () => {
  it('refuses any two administrator roles together', () => {
    for (const a of ADMIN_ROLES) for (const b of ADMIN_ROLES) if (a !== b) expect(checkRoles([a, b])).not.toEqual([]);
  });
  it('refuses an administrator role combined with a business role', () => {
    expect(checkRoles(['sysadmin', 'committee'])).toHaveLength(1);
  });
  it('accepts business roles together and refuses unknown or repeated ones', () => {
    expect(checkRoles(['committee', 'instructor'])).toEqual([]);
    expect(checkRoles(['root'])).toEqual(['未知角色：root']);
    expect(checkRoles(['leader', 'leader'])).toEqual(['角色重复']);
  });
  it('keeps the three duties apart', () => {
    expect(permissionsOf(['sysadmin']).has('audit.read')).toBe(false);
    expect(permissionsOf(['secadmin']).has('user.write')).toBe(false);
    expect(permissionsOf(['secadmin']).has('audit.read')).toBe(false);
    expect([...permissionsOf(['auditor'])].sort()).toEqual(['audit.export', 'audit.read']);
    expect(permissionsOf(['sysadmin']).has('role.assign')).toBe(false);
  });
  it('requires TOTP of the administrators and of every role that may reveal ID numbers', () => {
    expect(ADMIN_ROLES.every((r) => mustUseTotp([r]))).toBe(true);
    expect(mustUseTotp(['committee'])).toBe(true);
    expect(mustUseTotp(['secretary'])).toBe(true);
    expect(mustUseTotp(['leader'])).toBe(false);
    expect(mustUseTotp(['instructor'])).toBe(false);
    for (const r of ROLES) if (permissionsOf([r]).has('member.reveal')) expect(mustUseTotp([r])).toBe(true);
  });
  it('only the security administrator approves a password reset the system administrator asked for', () => {
    expect(ROLES.filter((r) => permissionsOf([r]).has('user.approve_reset'))).toEqual(['secadmin']);
    expect(ROLES.filter((r) => permissionsOf([r]).has('user.write'))).toEqual(['sysadmin']);
  });
  it('gives the committee every permission but administration, and shares only the dashboard with the administrators', () => {
    const administration = permissionsOf(ADMIN_ROLES);
    const committee = permissionsOf(['committee']);
    expect(PERMISSIONS.filter((p) => !administration.has(p) && !committee.has(p))).toEqual([]);
    expect(PERMISSIONS.filter((p) => administration.has(p) && committee.has(p))).toEqual(['dashboard.read']);
  });
});
