/** What the audit trail records: every write, login step, refusal and export, with who and from where. */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import { users } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { enrolTotp, TEST_PASSWORD } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';
import { createUser } from '../users/service.ts';

const fx = await fileFixture();

let sysadmin: { client: TestClient; id: number; username: string };
let secadmin: { client: TestClient; id: number; username: string };

beforeAll(async () => {
  const s = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
  const k = await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' });
  sysadmin = { client: s.client, id: s.user.id, username: s.user.username };
  secadmin = { client: k.client, id: k.user.id, username: k.user.username };
});

/** The audit rows `run` writes. */
async function written(run: () => Promise<unknown>) {
  const seq = await lastAuditSeq(fx.database.db);
  await run();
  return auditAfter(fx.database.db, seq);
}

describe('logins', () => {
  it('a login, a failed login, an unknown user and a logout each write a row', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const c = fx.client();
    await c.get('/api/session');
    const rows = await written(async () => {
      await c.post('/api/auth/login', { username: u.username, password: 'Wrong-Password-1' });
      await c.post('/api/auth/login', { username: 'no_such_user', password: 'Wrong-Password-1' });
      await c.post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
      await c.post('/api/auth/logout');
    });
    const who = { actorId: u.id, actorName: u.username, ip: c.ip, entity: 'user', entityId: String(u.id) };
    expect(rows).toMatchObject([
      { ...who, action: 'auth.login', result: 'failure', diff: { failures: 1 } },
      { actorId: null, actorName: 'no_such_user', ip: c.ip, action: 'auth.login', result: 'failure' },
      { ...who, action: 'auth.login', result: 'success' },
      { ...who, action: 'auth.logout', result: 'success' },
    ]);
    // The password is never written down, right or wrong.
    expect(JSON.stringify(rows)).not.toMatch(/Wrong-Password|Cedar-River/);
  });

  it('a lockout writes auth.lockout', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const c = fx.client();
    await c.get('/api/session');
    const rows = await written(async () => {
      for (let i = 0; i < 5; i++)
        await c.post('/api/auth/login', { username: u.username, password: 'Wrong-Password-1' });
    });
    expect(rows.map((r) => [r.action, r.result])).toEqual([
      ...Array(5).fill(['auth.login', 'failure']),
      ['auth.lockout', 'success'],
    ]);
    expect(rows.at(-1)).toMatchObject({
      actorName: u.username,
      ip: c.ip,
      diff: { address: c.ip, blockedUntil: expect.any(String) },
    });
  });

  it('the TOTP enrolment and the two steps of an administrator’s login are recorded', async () => {
    const u = await fx.makeUser({ roles: ['auditor'], regionCode: '420500' });
    const c = fx.client();
    let secret = '';
    const enrol = await written(async () => {
      await c.login(u.username, TEST_PASSWORD);
      secret = await enrolTotp(c);
    });
    expect(enrol.map((r) => r.action)).toEqual(['auth.login', 'user.totp_enrol']);
    await fx.ageTotp(u.id);
    const again = fx.client();
    const rows = await written(() => again.login(u.username, TEST_PASSWORD, secret));
    expect(rows).toMatchObject([
      { action: 'auth.password_ok', result: 'success', actorName: u.username, ip: again.ip },
      { action: 'auth.login', result: 'success', diff: { factor: 'totp' } },
    ]);
  });
});

describe('writes', () => {
  it('every user administration call writes one row naming the actor, address and user', async () => {
    let id = 0;
    const steps: [string, () => Promise<{ status: number; body: any }>][] = [
      [
        'user.create',
        async () => {
          const r = await sysadmin.client.post('/api/users', {
            username: 'audited_one',
            displayName: '审计对象',
            regionCode: '420506',
          });
          id = r.body.user.id;
          return r;
        },
      ],
      ['user.update', () => sysadmin.client.patch(`/api/users/${id}`, { displayName: '改名之后' })],
      ['user.reset_password_request', () => sysadmin.client.post(`/api/users/${id}/reset-password`)],
      ['user.reset_password', () => secadmin.client.post(`/api/users/${id}/reset-password/approve`)],
      ['user.set_roles', () => secadmin.client.put(`/api/users/${id}/roles`, { roles: ['leader'] })],
      ['user.unlock', () => secadmin.client.post(`/api/users/${id}/unlock`)],
      ['user.reset_totp', () => secadmin.client.post(`/api/users/${id}/reset-totp`)],
      ['user.disable', () => sysadmin.client.patch(`/api/users/${id}`, { disabled: true })],
      ['user.enable', () => sysadmin.client.patch(`/api/users/${id}`, { disabled: false })],
    ];
    for (const [action, step] of steps) {
      const actor = action.match(/set_roles|unlock|reset_totp|reset_password$/) ? secadmin : sysadmin;
      const rows = await written(async () => expect((await step()).status).toBe(200));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action,
        result: 'success',
        actorId: actor.id,
        actorName: actor.username,
        ip: actor.client.ip,
        entity: 'user',
        entityId: String(id),
      });
    }
  });

  it('the changes are recorded before and after, without the password hash', async () => {
    const created = await sysadmin.client.post('/api/users', {
      username: 'diffed',
      displayName: '原名',
      regionCode: '420506',
    });
    const rows = await written(() =>
      sysadmin.client.patch(`/api/users/${created.body.user.id}`, { displayName: '新名', regionCode: '420502' }),
    );
    expect(rows[0].diff).toEqual({
      displayName: { before: '原名', after: '新名' },
      regionCode: { before: '420506', after: '420502' },
    });
    const all = await auditAfter(fx.database.db, 0);
    expect(JSON.stringify(all)).not.toMatch(/argon2|passwordHash|totpSecret/);
  });

  it('the security policy and a password change are recorded', async () => {
    const policy = await secadmin.client.get('/api/settings/security');
    const rows = await written(() =>
      secadmin.client.put('/api/settings/security', { ...policy.body, idleMinutes: 20 }),
    );
    expect(rows).toMatchObject([
      { action: 'settings.security', entity: 'settings', entityId: 'security', diff: { after: { idleMinutes: 20 } } },
    ]);
    await secadmin.client.put('/api/settings/security', policy.body);

    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const c = fx.client();
    await c.login(u.username, TEST_PASSWORD);
    const changed = await written(() =>
      c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Maple-Harbour-7731' }),
    );
    expect(changed).toMatchObject([{ action: 'user.change_password', result: 'success', actorName: u.username }]);
  });

  it('a refused write (duplicate user name, 409) writes no success row and leaves nothing behind', async () => {
    await sysadmin.client.post('/api/users', { username: 'taken_name', displayName: '先来', regionCode: '420506' });
    const rows = await expectUnchanged(fx.database.db, [sysadmin.id], async () => {
      const res = await sysadmin.client.post('/api/users', {
        username: 'Taken_Name',
        displayName: '后到',
        regionCode: '420506',
      });
      expect([res.status, res.body.error.code]).toEqual([409, 'username_taken']);
      expect(res.body.error.details).toEqual([{ field: 'username', message: '已被使用' }]);
    });
    expect(rows).toEqual([]);
  });

  it('a write that fails after its change rolls the change and its audit row back together', async () => {
    const before = await lastAuditSeq(fx.database.db);
    const operator = localOperator();
    await expect(
      inScope(fx.database.db, operator, async (tx) => {
        await createUser(tx, operator, { username: 'half_written', displayName: '半截', regionCode: '420506' });
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    const [{ n }] = await fx.database.db.select({ n: count() }).from(users).where(eq(users.username, 'half_written'));
    expect(n).toBe(0);
    expect(await lastAuditSeq(fx.database.db)).toBe(before);
  });
});

describe('refusals', () => {
  it('a permission denial is recorded as denied, with the actor and the action', async () => {
    const { client, user } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const rows = await written(() =>
      client.post('/api/users', { username: 'not_allowed', displayName: '无权', regionCode: '420506' }),
    );
    expect(rows).toMatchObject([
      { action: 'user.create', result: 'denied', actorId: user.id, actorName: user.username, ip: client.ip },
    ]);
  });

  it('a user outside the actor’s region is recorded as denied, naming the user', async () => {
    const outsider = await fx.makeUser({ roles: ['committee'], regionCode: '110101' });
    const rows = await written(() => sysadmin.client.post(`/api/users/${outsider.id}/reset-password`));
    expect(rows).toMatchObject([
      {
        action: 'user.reset_password_request',
        result: 'denied',
        actorName: sysadmin.username,
        entity: 'user',
        entityId: String(outsider.id),
      },
    ]);
  });
});
