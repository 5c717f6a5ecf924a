/** Sessions: fresh ids, timeouts, cookie attributes, and every event that must end them. */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { sessions, users } from '../db/schema.ts';
import { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { TEST_PASSWORD } from '../testing/fixture.ts';
import { SESSION_COOKIE, tokenHash } from './sessions.ts';

const fx = await fileFixture();

let sysadmin: TestClient;
let secadmin: TestClient;

beforeAll(async () => {
  sysadmin = (await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' })).client;
  secadmin = (await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' })).client;
});

/** A leader: a role without a second factor due, so the password alone completes the login. */
async function loggedIn(regionCode = '420506', username?: string) {
  const user = await fx.makeUser({ roles: ['leader'], regionCode, username });
  const client = fx.client();
  expect((await client.login(user.username, TEST_PASSWORD)).status).toBe(200);
  return { user, client };
}

const sessionsOf = async (userId: number) =>
  (await fx.database.db.select().from(sessions).where(eq(sessions.userId, userId))).length;

const dashboard = async (c: TestClient) => (await c.get('/api/dashboard')).status;

describe('session ids', () => {
  it('a login gives a new session id, never one the browser already had', async () => {
    const { user, client } = await loggedIn();
    const first = client.sessionToken!;
    expect(first).toBeTruthy();
    expect((await client.login(user.username, TEST_PASSWORD)).status).toBe(200);
    expect(client.sessionToken).not.toBe(first);

    // A session id planted before login (fixation) is not adopted.
    const planted = fx.client();
    planted.setCookie(SESSION_COOKIE, 'planted-by-an-attacker');
    expect((await planted.login(user.username, TEST_PASSWORD)).status).toBe(200);
    expect(planted.sessionToken).not.toBe('planted-by-an-attacker');
  });

  it('after logout the old token no longer works', async () => {
    const { client } = await loggedIn();
    const token = client.sessionToken!;
    expect((await client.post('/api/auth/logout')).status).toBe(200);
    expect(client.sessionToken).toBeUndefined();

    const replay = fx.client();
    replay.setCookie(SESSION_COOKIE, token);
    expect(await dashboard(replay)).toBe(401);
    expect((await replay.get('/api/session')).body.user).toBeNull();
    const [row] = await fx.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, tokenHash(token)));
    expect(row).toBeUndefined();
  });

  it('the database holds only a hash of the token', async () => {
    const { user, client } = await loggedIn();
    const rows = await fx.rows<{ token_hash: string }>(sql`select token_hash from sessions where user_id = ${user.id}`);
    expect(rows.map((r) => r.token_hash)).toEqual([tokenHash(client.sessionToken!)]);
  });
});

describe('timeouts', () => {
  it('31 minutes idle ends the session', async () => {
    const { client } = await loggedIn();
    expect(await dashboard(client)).toBe(200);
    await fx.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '31 minutes' where token_hash = ${tokenHash(client.sessionToken!)}`,
    );
    expect(await dashboard(client)).toBe(401);
  });

  it('29 minutes idle does not, and the request counts as activity', async () => {
    const { client } = await loggedIn();
    const hash = tokenHash(client.sessionToken!);
    await fx.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '29 minutes' where token_hash = ${hash}`,
    );
    expect(await dashboard(client)).toBe(200);
    const [row] = await fx.database.db.select().from(sessions).where(eq(sessions.tokenHash, hash));
    expect(Date.now() - row.lastSeenAt.getTime()).toBeLessThan(60_000);
  });

  it('12 hours and a minute after login the session ends, however active', async () => {
    const { client } = await loggedIn();
    await fx.database.db.execute(
      sql`update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now()
          where token_hash = ${tokenHash(client.sessionToken!)}`,
    );
    expect(await dashboard(client)).toBe(401);
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/', async () => {
    const { user } = await loggedIn();
    const c = fx.client();
    await c.get('/api/session');
    const res = await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toBeDefined();
    const attrs = cookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/');
    // Served over plain HTTP here; Secure is added behind HTTPS.
    expect(attrs).not.toContain('secure');
  });

  it('gets Secure when the app is served behind HTTPS', async () => {
    const { user } = await loggedIn();
    const app = createApp({ database: fx.database, keys: fx.keys, config: { ...fx.config, secureCookies: true } });
    const c = new TestClient(app, '10.9.9.9');
    const first = await c.get('/api/session');
    expect(first.headers.getSetCookie().join()).toMatch(/dj_csrf=[^;]+;.*Secure/i);
    const res = await c.post('/api/auth/login', { username: user.username, password: TEST_PASSWORD });
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie.split(';').map((a) => a.trim())).toContain('Secure');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });
});

describe('events that end sessions', () => {
  it('disabling a user ends their sessions at once', async () => {
    const { user, client } = await loggedIn();
    expect(await dashboard(client)).toBe(200);
    expect((await sysadmin.patch(`/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect(await sessionsOf(user.id)).toBe(0);
    expect(await dashboard(client)).toBe(401);
    expect((await fx.client().login(user.username, TEST_PASSWORD)).status).toBe(401);
  });

  it('a password change ends the user’s other sessions and keeps this one', async () => {
    const { user, client: here } = await loggedIn();
    const there = fx.client();
    await there.login(user.username, TEST_PASSWORD);
    expect(await dashboard(there)).toBe(200);
    const res = await here.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Maple-Harbour-7731',
    });
    expect(res.status).toBe(200);
    expect(await dashboard(here)).toBe(200);
    expect(await dashboard(there)).toBe(401);
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it('a role change ends the target’s sessions', async () => {
    const { user, client } = await loggedIn();
    expect((await secadmin.put(`/api/users/${user.id}/roles`, { roles: ['leader'] })).status).toBe(200);
    expect(await dashboard(client)).toBe(401);
    expect(await sessionsOf(user.id)).toBe(0);
  });

  it('a password reset ends the target’s sessions once the security administrator approves it', async () => {
    const { user, client } = await loggedIn();
    expect((await sysadmin.post(`/api/users/${user.id}/reset-password`)).status).toBe(200);
    expect(await dashboard(client)).toBe(200);
    expect((await secadmin.post(`/api/users/${user.id}/reset-password/approve`)).status).toBe(200);
    expect(await dashboard(client)).toBe(401);
  });
});

describe('forced password change', () => {
  it('a user who must change their password gets 403 login_incomplete until they do', async () => {
    const user = await fx.makeUser({ roles: ['leader'], regionCode: '420506' });
    await fx.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    const c = fx.client();
    const res = await c.login(user.username, TEST_PASSWORD);
    expect(res.body.state.mustChangePassword).toBe(true);
    const refused = await c.get('/api/dashboard');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'login_incomplete']);
    expect((await c.get('/api/regions/420506')).status).toBe(403);

    const changed = await c.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Maple-Harbour-7731',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.state.mustChangePassword).toBe(false);
    expect(await dashboard(c)).toBe(200);
  });

  it('the wrong current password is refused', async () => {
    const { client } = await loggedIn();
    const res = await client.post('/api/auth/password', {
      currentPassword: 'Not-The-One-123',
      newPassword: 'Maple-Harbour-7731',
    });
    expect([res.status, res.body.error.code]).toEqual([400, 'wrong_password']);
  });

  describe('weak passwords are refused with each rule’s message', () => {
    let c: TestClient;
    beforeAll(async () => {
      c = (await loggedIn('420506', 'zhang.san2024')).client;
    });

    it.each([
      ['too short', 'Ab1!xyz', '密码长度至少为 10 个字符'],
      ['too few classes', 'abcdefghijkmnop', '须至少包含大写字母、小写字母、数字、特殊符号中的 3 类'],
      ['equal to the user name', 'Zhang.San2024', '密码不能与用户名相同'],
      ['containing the user name', 'My-zhang.san2024', '密码不能包含用户名'],
      ['a common password', 'Password123!', '常见密码'],
      ['the current password', TEST_PASSWORD, '新密码不能与当前密码相同'],
    ])('%s', async (_, newPassword, message) => {
      const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect([res.status, res.body.error.code]).toEqual([400, 'weak_password']);
      expect(res.body.error.message).toContain(message);
      expect(res.body.error.details).toContainEqual({
        field: 'newPassword',
        message: expect.stringContaining(message),
      });
    });
  });
});
