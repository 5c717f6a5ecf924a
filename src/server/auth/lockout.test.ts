/**
 * Lockout after repeated failed logins (issue #12, defect 16): wrong passwords block a name
 * from one address, for longer each time, never the account for everyone; wrong second-factor
 * codes (which need the password) lock the account. Every refusal is the same answer.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles, users } from '../db/schema.ts';
import { DEFAULT_SECURITY_POLICY } from '../settings/policy.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { TEST_PASSWORD } from '../testing/fixture.ts';
import { LOGIN_REFUSED } from './login.ts';
import { totpCode } from './totp.ts';

const fx = await fileFixture();

const WRONG = 'Wrong-Password-99';
let secadmin: TestClient;

beforeAll(async () => {
  secadmin = (await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' })).client;
});

/** A client at a fixed address, so per-address blocks meet across its attempts. */
async function tryLogin(username: string, password: string, ip = '10.9.0.1') {
  const c = new TestClient(fx.app, ip);
  await c.get('/api/session');
  return c.post('/api/auth/login', { username, password });
}

const userRow = async (id: number) => (await fx.database.db.select().from(users).where(eq(users.id, id)))[0];
const throttleRows = (username: string) =>
  fx.database.db.select().from(loginThrottles).where(eq(loginThrottles.username, username));

describe('lockout', () => {
  it('4 wrong passwords then the right one logs in, and the count starts again', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, WRONG)).status).toBe(401);
    expect((await throttleRows(u.username))[0]).toMatchObject({ failures: 4, blockedUntil: null });
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(200);
    expect(await throttleRows(u.username)).toEqual([]);
    for (let i = 0; i < 4; i++) expect((await tryLogin(u.username, WRONG)).status).toBe(401);
    expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('the 5th wrong password blocks the name from that address only; the owner logs in from another', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    const seq = await lastAuditSeq(fx.database.db);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await tryLogin(u.username, WRONG, '10.9.1.1'));
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);

    // From the guessing address even the right password is refused, with the same answer.
    const right = await tryLogin(u.username, TEST_PASSWORD, '10.9.1.1');
    expect(right.status).toBe(401);
    expect(right.body).toEqual(answers[0].body);
    expect(right.headers.getSetCookie().join()).not.toContain('dj_session');

    // The account itself is not locked: its owner, elsewhere, gets in.
    expect((await userRow(u.id)).lockedUntil).toBeNull();
    expect((await tryLogin(u.username, TEST_PASSWORD, '10.9.1.2')).status).toBe(200);

    const [row] = await throttleRows(u.username);
    const minutes = (row.blockedUntil!.getTime() - Date.now()) / 60_000;
    expect(row).toMatchObject({ address: '10.9.1.1', blocks: 1 });
    expect(minutes).toBeGreaterThan(DEFAULT_SECURITY_POLICY.lockoutMinutes - 1);
    expect(minutes).toBeLessThanOrEqual(DEFAULT_SECURITY_POLICY.lockoutMinutes);

    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.filter((a) => a.action === 'auth.lockout')).toMatchObject([
      {
        result: 'success',
        actorName: u.username,
        entity: 'user',
        entityId: String(u.id),
        diff: { address: '10.9.1.1' },
      },
    ]);
    expect(audit.find((a) => a.result === 'denied')).toMatchObject({
      action: 'auth.login',
      ip: '10.9.1.1',
      diff: { reason: 'throttled' },
    });

    // The block passes; five more wrong guesses block the pair again, for twice as long.
    await fx.database.db.execute(
      sql`update login_throttles set blocked_until = now() - interval '1 second' where username = ${u.username}`,
    );
    for (let i = 0; i < 5; i++) await tryLogin(u.username, WRONG, '10.9.1.1');
    const [again] = await throttleRows(u.username);
    expect(again.blocks).toBe(2);
    const twice = (again.blockedUntil!.getTime() - Date.now()) / 60_000;
    expect(twice).toBeGreaterThan(2 * DEFAULT_SECURITY_POLICY.lockoutMinutes - 1);
    expect(twice).toBeLessThanOrEqual(2 * DEFAULT_SECURITY_POLICY.lockoutMinutes);
  });

  it('an unknown name, a blocked name and a wrong password all get the same answer', async () => {
    const u = await fx.makeUser({ roles: ['sysadmin'], regionCode: '420500' });
    for (let i = 0; i < 5; i++) await tryLogin(u.username, WRONG, '10.9.2.1');
    const blocked = await tryLogin(u.username, TEST_PASSWORD, '10.9.2.1');
    const blockedWrong = await tryLogin(u.username, WRONG, '10.9.2.1');
    const unknown = await tryLogin('nobody_here', WRONG, '10.9.2.1');
    const wrong = await tryLogin(u.username, WRONG, '10.9.2.2');
    const disabled = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    await fx.database.db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
    const off = await tryLogin(disabled.username, TEST_PASSWORD, '10.9.2.2');
    for (const r of [blocked, blockedWrong, unknown, off]) {
      expect(r.status).toBe(wrong.status);
      expect(r.body).toEqual(wrong.body);
    }
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual({ code: 'invalid_credentials', message: LOGIN_REFUSED });
    // Unknown names are counted and blocked like known ones, so blocking gives nothing away either.
    for (let i = 0; i < 5; i++) await tryLogin('nobody_else', WRONG, '10.9.2.3');
    expect((await throttleRows('nobody_else'))[0].blocks).toBe(1);
  });

  it('the security administrator sees the block and lifts it for every address', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    for (let i = 0; i < 5; i++) await tryLogin(u.username, WRONG, '10.9.3.1');
    expect((await tryLogin(u.username, TEST_PASSWORD, '10.9.3.1')).status).toBe(401);
    const listed = await secadmin.get(`/api/users?q=${u.username}`);
    expect(listed.body.items[0]).toMatchObject({ id: u.id, locked: true });

    const unlocked = await secadmin.post(`/api/users/${u.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect(await throttleRows(u.username)).toEqual([]);
    expect((await tryLogin(u.username, TEST_PASSWORD, '10.9.3.1')).status).toBe(200);
  });

  it('the threshold and minutes come from the security policy', async () => {
    const policy = { ...DEFAULT_SECURITY_POLICY, lockoutThreshold: 3, lockoutMinutes: 7 };
    expect((await secadmin.put('/api/settings/security', policy)).status).toBe(200);
    try {
      const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
      for (let i = 0; i < 3; i++) expect((await tryLogin(u.username, WRONG)).status).toBe(401);
      expect((await tryLogin(u.username, TEST_PASSWORD)).status).toBe(401);
      const minutes = ((await throttleRows(u.username))[0].blockedUntil!.getTime() - Date.now()) / 60_000;
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
    // Only someone with the password can lock the account this way; the lock holds everywhere.
    expect((await userRow(user.id)).lockedUntil).not.toBeNull();
    expect((await tryLogin(user.username, TEST_PASSWORD, '10.9.4.1')).status).toBe(401);
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
});
