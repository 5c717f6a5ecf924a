import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES, type Role } from '../../domain/roles.ts';
import type { SessionUser } from '../api/types.ts';
import { homePath } from '../session.ts';
import { API_DOCS, navFor } from './navItems.tsx';

const userOf = (roles: Role[]): SessionUser => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  regionCode: '420500',
  regionName: '宜昌市',
  roles,
  orgId: roles.includes('secretary') ? 7 : null,
  permissions: [...permissionsOf(roles)],
  totpEnabled: true,
});

const pathsOf = (roles: Role[]) => {
  const nav = navFor(userOf(roles));
  return [...nav.top, ...nav.groups.flatMap((g) => g.items), ...nav.bottom].map((n) => n.path);
};

describe('each role’s home page and menu', () => {
  it.each([
    ['committee', '/dashboard'],
    ['leader', '/dashboard'],
    ['instructor', '/home'],
    ['secretary', '/home'],
    ['sysadmin', '/users'],
    ['secadmin', '/users'],
    ['auditor', '/audit'],
  ] as const)('%s starts on %s, which is in their menu', (role, home) => {
    expect(homePath(userOf([role]))).toBe(home);
    expect(pathsOf([role])).toContain(home);
  });

  it('offers the region dashboard only to the committee and the leaders', () => {
    for (const role of ROLES)
      expect(pathsOf([role]).includes('/dashboard'), role).toBe(['committee', 'leader'].includes(role));
  });

  it('offers the API documentation to the administrators only', () => {
    for (const role of ROLES)
      expect(pathsOf([role]).includes(API_DOCS), role).toBe(['sysadmin', 'secadmin', 'auditor'].includes(role));
  });

  it('has one home entry, no empty group, and no entry twice', () => {
    for (const role of ROLES) {
      const nav = navFor(userOf([role]));
      expect(nav.top.filter((n) => n.path === '/home' || n.path === '/dashboard').length, role).toBeLessThanOrEqual(1);
      expect(nav.groups.every((g) => g.items.length > 0)).toBe(true);
      const paths = pathsOf([role]);
      expect(new Set(paths).size, role).toBe(paths.length);
    }
  });

  it('groups the pages under their headings: a committee member’s five, an administrator’s one', () => {
    expect(navFor(userOf(['committee'])).groups.map((g) => g.key)).toEqual([
      'ledger',
      'orgs',
      'members',
      'instructors',
      'reports',
    ]);
    expect(navFor(userOf(['sysadmin'])).groups.map((g) => g.key)).toEqual(['system']);
  });
});
