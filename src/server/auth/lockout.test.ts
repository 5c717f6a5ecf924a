/** Lockout after repeated failed logins, by the security policy's threshold and minutes. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.ts';
import { DEFAULT_SECURITY_POLICY } from '../settings/policy.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import type { TestClient } from '../testing/client.ts';
import { makeFixture, TEST_PASSWORD } from '../testing/fixture.ts';
import { totpCode } from './totp.ts';

const fx = await makeFixture();
afterAll(() => fx.close());

const WRONG = 'Wrong-Password-99';
let secadmin: TestClient;

beforeAll(async () => {
  secadmin = (await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' })).client;
});

async function tryLogin(username: string, password: string) {
  const c = fx.client();
  await c.get('/api/session');
  return c.post('/api/auth/login', { username, password });
}

const userRow = async (id: number) => (await fx.database.db.select().from(users).where(eq(users.id, id)))[0];

describe('lockout', () => {
  it('4 wrong passwords then the right one logs in, and the count starts again', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, WRONG)).status).toBe(401);
    expect((await userRow(u.id)).failedLogins).toBe(4);
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(200);
    expect((await userRow(u.id)).failedLogins).toBe(0);
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, WRONG)).status).toBe(401);
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('the 5th wrong password locks the account; the right one is refused until the lock passes', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const seq = await lastAuditSeq(fx.database.db);
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, WRONG)).status).toBe(401);
    const fifth = await tryLogin(u.username, WRONG);
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('locked');
    expect(fifth.body.error.message).toMatch(/锁定.*\d{2}:\d{2}/);

    const right = await tryLogin(u.username, TEST_PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/请于 \d{2}:\d{2} 后重试/);
    expect(right.headers.getSetCookie().join()).not.toContain('dj_session');

    const lockedUntil = (await userRow(u.id)).lockedUntil!;
    const minutes = (lockedUntil.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(DEFAULT_SECURITY_POLICY.lockoutMinutes - 1);
    expect(minutes).toBeLessThanOrEqual(DEFAULT_SECURITY_POLICY.lockoutMinutes);

    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.filter((a) => a.action === 'auth.lockout')).toMatchObject([
      { result: 'success', actorName: u.username, entity: 'user', entityId: String(u.id) },
    ]);
    expect(audit.at(-1)).toMatchObject({ action: 'auth.login', result: 'denied', diff: { reason: 'locked' } });

    // The lock period passes.
    await fx.database.db.execute(sql`update users set locked_until = now() - interval '1 second' where id = ${u.id}`);
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('the security administrator can unlock an account', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    for (let i = 0; i < 5; i++) await tryLogin(u.username, WRONG);
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(423);
    const listed = await secadmin.get(`/api/users?q=${u.username}`);
    expect(listed.body.items[0]).toMatchObject({ id: u.id, locked: true });

    const unlocked = await secadmin.post(`/api/users/${u.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('the threshold and minutes come from the security policy', async () => {
    const policy = { ...DEFAULT_SECURITY_POLICY, lockoutThreshold: 3, lockoutMinutes: 7 };
    expect((await secadmin.put('/api/settings/security', policy)).status).toBe(200);
    try {
      const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
      expect((await tryLogin(u.username, WRONG)).status).toBe(401);
      expect((await tryLogin(u.username, WRONG)).status).toBe(401);
      expect((await tryLogin(u.username, WRONG)).status).toBe(423);
      const minutes = ((await userRow(u.id)).lockedUntil!.getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(6);
      expect(minutes).toBeLessThanOrEqual(7);
    } finally {
      await secadmin.put('/api/settings/security', DEFAULT_SECURITY_POLICY);
    }
  });

  it('wrong TOTP codes count too, even with the right password given again in between', async () => {
    const { client, user, totpSecret } = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
    expect(totpSecret).toBeDefined();
    await client.post('/api/auth/logout');
    const wrong = totpCode(totpSecret!, Date.now() + 10 * 60_000);
    const statuses: number[] = [];
    // 2 + 2 + 1 wrong codes, each round after the right password.
    for (const round of [2, 2, 1]) {
      const c = fx.client();
      await c.get('/api/session');
      const pw = await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
      expect(pw.status).toBe(200);
      expect(pw.body.state.mfaRequired).toBe(true);
      for (let i = 0; i < round; i++) statuses.push((await c.post('/api/auth/totp', { code: wrong })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await tryLogin(user.username, TEST_PASSWORD)).status).toBe(423);
  });

  it('a wrong code while enrolling counts too', async () => {
    const u = await fx.makeUser({ roles: ['auditor'], regionCode: '420500' });
    const c = fx.client();
    await c.login(u.username, TEST_PASSWORD);
    const { body } = await c.post('/api/auth/totp/enrol');
    const wrong = totpCode(body.secret, Date.now() + 10 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.post('/api/auth/totp/confirm', { code: wrong })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 423]);
    // The lock holds for the right code, too.
    expect((await c.post('/api/auth/totp/confirm', { code: totpCode(body.secret) })).status).toBe(423);
  });

  it('an unknown user name gets the same answer as a wrong password', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const unknown = await tryLogin('nobody_here', WRONG);
    const wrong = await tryLogin(u.username, WRONG);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error.message).toBe('用户名或密码错误');
  });
});
