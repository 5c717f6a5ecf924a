/** The second factor of the administrators: enrolment, login, replay, drift, storage, reset. */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { TEST_PASSWORD } from '../testing/fixture.ts';
import { totpCode } from './totp.ts';

const fx = await fileFixture();

const userRow = async (id: number) => (await fx.database.db.select().from(users).where(eq(users.id, id)))[0];

/** Logs in with the password only; the session then owes the code. */
async function passwordStep(username: string) {
  const c = fx.client();
  await c.get('/api/session');
  const res = await c.post('/api/auth/login', { username, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return { c, res };
}

describe('enrolment', () => {
  let c: TestClient;
  let user: Awaited<ReturnType<typeof fx.makeUser>>;
  let secret: string;

  beforeAll(async () => {
    user = await fx.makeUser({ roles: ['sysadmin'], regionCode: '420500' });
  });

  it.each(['sysadmin', 'secadmin', 'auditor'] as const)('a new %s must enrol before anything else', async (role) => {
    const admin = await fx.makeUser({ roles: [role], regionCode: '420500' });
    const { c: fresh, res } = await passwordStep(admin.username);
    expect(res.body.state).toEqual({
      mfaRequired: false,
      mustChangePassword: false,
      mustEnrolTotp: true,
      mustChooseRegion: false,
    });
    for (const path of ['/api/users', '/api/audit', '/api/settings/security', '/api/dashboard', '/api/industries']) {
      const r = await fresh.get(path);
      expect([path, r.status, r.body.error.code]).toEqual([path, 403, 'login_incomplete']);
    }
  });

  it('a business role that cannot see full ID numbers need not enrol; one that can, must', async () => {
    const leader = await fx.makeUser({ roles: ['leader'], regionCode: '420500' });
    expect((await passwordStep(leader.username)).res.body.state.mustEnrolTotp).toBe(false);
    for (const role of ['committee', 'secretary'] as const) {
      const u = await fx.makeUser({ roles: [role], regionCode: '420500' });
      const { res, c: client } = await passwordStep(u.username);
      expect(res.body.state.mustEnrolTotp).toBe(true);
      expect((await client.get('/api/dashboard')).status).toBe(403);
    }
  });

  it('a wrong code does not confirm the enrolment', async () => {
    ({ c } = await passwordStep(user.username));
    const start = await c.post('/api/auth/totp/enrol');
    expect(start.status).toBe(200);
    secret = start.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.body.otpauthUri).toContain(`secret=${secret}`);
    const wrong = await c.post('/api/auth/totp/confirm', { code: totpCode(secret, Date.now() + 10 * 60_000) });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'invalid_code']);
    expect((await userRow(user.id)).totpEnabled).toBe(false);
    expect((await c.get('/api/users')).status).toBe(403);
  });

  it('the right code confirms it and opens the app', async () => {
    const done = await c.post('/api/auth/totp/confirm', { code: totpCode(secret) });
    expect(done.status).toBe(200);
    expect(done.body.state.mustEnrolTotp).toBe(false);
    expect((await c.get('/api/users')).status).toBe(200);
    expect((await c.post('/api/auth/totp/enrol')).status).toBe(409);
  });

  it('the secret is stored encrypted, not as its base32 text', async () => {
    const row = await userRow(user.id);
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpSecret).toMatch(/^v1:/);
    expect(fx.keys.decrypt(row.totpSecret!)).toBe(secret);
    const me = await c.get('/api/session');
    expect(JSON.stringify(me.body)).not.toContain(secret);
    const list = await c.get('/api/users');
    expect(JSON.stringify(list.body)).not.toContain(row.totpSecret!);
  });
});

describe('login with the second factor', () => {
  let user: Awaited<ReturnType<typeof fx.makeUser>>;
  let secret: string;

  beforeAll(async () => {
    const made = await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' });
    user = made.user;
    secret = made.totpSecret!;
  });

  it('requires the code after the password', async () => {
    const { c, res } = await passwordStep(user.username);
    expect(res.body.state.mfaRequired).toBe(true);
    expect((await c.get('/api/users')).body.error.code).toBe('login_incomplete');
    // Nothing else either: not the password change, not a new enrolment.
    expect((await c.post('/api/auth/totp/enrol')).status).toBe(403);
    expect(
      (await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Maple-Harbour-7731' }))
        .status,
    ).toBe(403);
  });

  it('a wrong code is refused', async () => {
    const { c } = await passwordStep(user.username);
    const res = await c.post('/api/auth/totp', { code: totpCode(secret, Date.now() + 10 * 60_000) });
    expect([res.status, res.body.error.code]).toEqual([401, 'invalid_code']);
    expect((await c.get('/api/users')).status).toBe(403);
  });

  it('the right code completes the login; the same code cannot be used again', async () => {
    await fx.ageTotp(user.id);
    const code = totpCode(secret);
    const first = await passwordStep(user.username);
    const ok = await first.c.post('/api/auth/totp', { code });
    expect(ok.status).toBe(200);
    expect(ok.body.state.mfaRequired).toBe(false);
    expect((await first.c.get('/api/users')).status).toBe(200);

    const second = await passwordStep(user.username);
    const replay = await second.c.post('/api/auth/totp', { code });
    expect([replay.status, replay.body.error.code]).toEqual([401, 'invalid_code']);
    expect((await second.c.get('/api/users')).status).toBe(403);
  });

  it('a code of the previous 30-second step is accepted (clock drift)', async () => {
    await fx.ageTotp(user.id);
    const { c } = await passwordStep(user.username);
    const res = await c.post('/api/auth/totp', { code: totpCode(secret, Date.now() - 30_000) });
    expect(res.status).toBe(200);
  });

  it('a code two steps old is not', async () => {
    await fx.ageTotp(user.id);
    await fx.ageTotp(user.id);
    const { c } = await passwordStep(user.username);
    const res = await c.post('/api/auth/totp', { code: totpCode(secret, Date.now() - 90_000) });
    expect(res.status).toBe(401);
  });

  it('a session that does not owe a code cannot send one', async () => {
    const u = await fx.makeUser({ roles: ['committee'], regionCode: '420500' });
    const { c } = await passwordStep(u.username);
    expect((await c.post('/api/auth/totp', { code: '123456' })).status).toBe(409);
  });
});

describe('reset by the security administrator', () => {
  it('forces the user to enrol again and ends their sessions', async () => {
    const secadmin = (await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' })).client;
    const target = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
    expect((await target.client.get('/api/users')).status).toBe(200);

    const reset = await secadmin.post(`/api/users/${target.user.id}/reset-totp`);
    expect(reset.status).toBe(200);
    expect(reset.body.totpEnabled).toBe(false);
    expect((await target.client.get('/api/users')).status).toBe(401);
    const row = await userRow(target.user.id);
    expect([row.totpEnabled, row.totpSecret, row.totpLastStep]).toEqual([false, null, null]);

    const { c, res } = await passwordStep(target.user.username);
    expect(res.body.state).toEqual({
      mfaRequired: false,
      mustChangePassword: false,
      mustEnrolTotp: true,
      mustChooseRegion: false,
    });
    expect((await c.get('/api/users')).body.error.code).toBe('login_incomplete');
    // The old authenticator is worthless now.
    expect((await c.post('/api/auth/totp', { code: totpCode(target.totpSecret!) })).status).toBe(409);
  });
});
