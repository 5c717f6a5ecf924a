/**
 * 三员分立: the system administrator, the security administrator and the auditor cannot
 * do each other's work, and no account may hold two of these roles or one and a business role.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { isStateChanging, listOperations, placeholderPath } from '../testing/routes.ts';
import { expectUnchanged } from '../testing/snapshot.ts';
import { createUser } from '../users/service.ts';

const fx = await fileFixture();

let sysadmin: TestClient;
let secadmin: TestClient;
let auditor: TestClient;
let secadminId: number;
let ids: number[];
let target: number;

beforeAll(async () => {
  const s = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
  const k = await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' });
  const a = await fx.clientAs({ roles: ['auditor'], regionCode: '420500' });
  sysadmin = s.client;
  secadmin = k.client;
  auditor = a.client;
  secadminId = k.user.id;
  ids = [s.user.id, k.user.id, a.user.id];
  target = (await fx.makeUser({ roles: ['committee'], regionCode: '420506' })).id;
});

async function refused(run: () => Promise<{ status: number; body: any }>, status: number, code: string) {
  return expectUnchanged(fx.database.db, ids, async () => {
    const res = await run();
    expect([res.status, res.body?.error?.code]).toEqual([status, code]);
  });
}

describe('the system administrator', () => {
  it('cannot read or export the audit log', async () => {
    await refused(() => sysadmin.get('/api/audit'), 403, 'forbidden');
    await refused(() => sysadmin.get('/api/audit/export'), 403, 'forbidden');
  });

  it('cannot assign roles, neither to an existing user nor at creation', async () => {
    await refused(() => sysadmin.put(`/api/users/${target}/roles`, { roles: ['leader'] }), 403, 'forbidden');
    const audit = await refused(
      () =>
        sysadmin.post('/api/users', {
          username: 'with_roles',
          displayName: '带角色',
          regionCode: '420506',
          roles: ['committee'],
        }),
      403,
      'forbidden',
    );
    expect(audit).toMatchObject([{ action: 'user.create', result: 'denied' }]);
  });

  it('cannot change the security policy or unlock accounts', async () => {
    await refused(() => sysadmin.put('/api/settings/security', { lockoutThreshold: 10 }), 403, 'forbidden');
    await refused(() => sysadmin.post(`/api/users/${target}/unlock`), 403, 'forbidden');
  });
});

describe('the system administrator and the other administrators’ accounts', () => {
  it('cannot reset the password of, disable or move the security administrator or the auditor', async () => {
    for (const id of ids.slice(1)) {
      await refused(() => sysadmin.post(`/api/users/${id}/reset-password`), 403, 'separation_of_duties');
      await refused(() => sysadmin.patch(`/api/users/${id}`, { disabled: true }), 403, 'separation_of_duties');
      await refused(() => sysadmin.patch(`/api/users/${id}`, { regionCode: '420506' }), 403, 'separation_of_duties');
    }
  });

  it('asks for a business account’s password reset but never sees the new password', async () => {
    const res = await sysadmin.post(`/api/users/${target}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.body.resetRequestedAt).not.toBeNull();
    expect(res.body).not.toHaveProperty('oneTimePassword');
    await refused(() => sysadmin.post(`/api/users/${target}/reset-password/approve`), 403, 'forbidden');
    await refused(() => sysadmin.post(`/api/users/${target}/reset-password/reject`), 403, 'forbidden');
  });
});

describe('the security administrator', () => {
  it('cannot create or change users', async () => {
    await refused(
      () => secadmin.post('/api/users', { username: 'by_secadmin', displayName: '某人', regionCode: '420506' }),
      403,
      'forbidden',
    );
    await refused(() => secadmin.patch(`/api/users/${target}`, { disabled: true }), 403, 'forbidden');
    await refused(() => secadmin.post(`/api/users/${target}/reset-password`), 403, 'forbidden');
  });

  it('cannot read or export the audit log', async () => {
    await refused(() => secadmin.get('/api/audit'), 403, 'forbidden');
    await refused(() => secadmin.get('/api/audit/export'), 403, 'forbidden');
  });

  it('cannot change their own roles', async () => {
    await refused(() => secadmin.put(`/api/users/${secadminId}/roles`, { roles: ['secadmin'] }), 400, 'self_roles');
    await refused(() => secadmin.put(`/api/users/${secadminId}/roles`, { roles: ['auditor'] }), 400, 'self_roles');
  });
});

describe('the auditor', () => {
  it('cannot call any state-changing route that needs a permission', async () => {
    const ops = (await listOperations(fx.client())).filter(
      (op) => isStateChanging(op) && op.access.kind === 'permission',
    );
    expect(ops.length).toBeGreaterThan(5);
    for (const op of ops) {
      const path = placeholderPath(op.path).replace('/users/1', `/users/${target}`);
      await refused(() => auditor.request(op.method, path, {}), 403, 'forbidden');
    }
    // One request per state-changing route, one after another: with every route added the
    // walk grows, and on a shared, loaded machine against PostgreSQL it passed 60 s.
  }, 180_000);

  it('cannot list users or read the security policy', async () => {
    await refused(() => auditor.get('/api/users'), 403, 'forbidden');
    await refused(() => auditor.get('/api/settings/security'), 403, 'forbidden');
  });
});

describe('no account holds two administrator roles, or one and a business role', () => {
  const forbidden = [
    ['sysadmin', 'auditor'],
    ['secadmin', 'sysadmin'],
    ['auditor', 'secadmin'],
    ['sysadmin', 'committee'],
    ['secadmin', 'leader'],
    ['auditor', 'secretary'],
  ];

  it.each(forbidden)('%s + %s by role assignment: 400', async (a, b) => {
    const audit = await refused(() => secadmin.put(`/api/users/${target}/roles`, { roles: [a, b] }), 400, 'bad_roles');
    expect(audit).toEqual([]);
  });

  it('the message names the rule', async () => {
    const res = await secadmin.put(`/api/users/${target}/roles`, { roles: ['sysadmin', 'committee'] });
    expect(res.body.error.message).toContain('三员分立');
  });

  it.each(forbidden)('%s + %s at creation, even by the local operator: 400', async (a, b) => {
    const operator = localOperator();
    await expect(
      inScope(fx.database.db, operator, (tx) =>
        createUser(tx, operator, {
          username: `two_${a}_${b}`,
          displayName: '两个角色',
          regionCode: '420506',
          roles: [a, b],
        }),
      ),
    ).rejects.toMatchObject({ status: 400, code: 'bad_roles' });
  });

  it('business roles may be combined', async () => {
    const res = await secadmin.put(`/api/users/${target}/roles`, { roles: ['committee', 'leader'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['committee', 'leader']);
  });
});
