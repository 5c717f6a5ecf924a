/**
 * 三员分立 end to end (issue #12, defect 7): the system administrator can no longer become a
 * committee user. A reset is a request the security administrator approves; only the approver
 * sees the one-time password; a user's authenticator survives the reset; and full ID numbers
 * are never shown to a session without a second factor.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { permissionsOfUser } from '../actor.ts';
import { totpCode } from '../auth/totp.ts';
import { users } from '../db/schema.ts';
import { memberBody } from '../members/members.testing.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { enrolTotp, TEST_PASSWORD } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();

let sysadmin: { client: TestClient; id: number; username: string };
let secadmin: { client: TestClient; id: number; username: string };
let farSecadmin: TestClient;

beforeAll(async () => {
  const s = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
  const k = await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' });
  sysadmin = { client: s.client, id: s.user.id, username: s.user.username };
  secadmin = { client: k.client, id: k.user.id, username: k.user.username };
  farSecadmin = (await fx.clientAs({ roles: ['secadmin'], regionCode: '420100' })).client;
});

/** A committee user of 420506 who has logged in once and bound an authenticator. */
async function enrolledCommittee() {
  const { client, user, totpSecret } = await fx.clientAs({ roles: ['committee'], regionCode: '420506' });
  expect(totpSecret).toBeDefined();
  return { client, user, totpSecret: totpSecret as string };
}

const passwordHash = async (id: number) =>
  (await fx.database.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id)))[0].h;

describe('a password reset needs the security administrator', () => {
  it('the system administrator’s request changes no password and hands out none', async () => {
    const { user } = await enrolledCommittee();
    const before = await passwordHash(user.id);
    const res = await sysadmin.client.post(`/api/users/${user.id}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('oneTimePassword');
    expect(res.body.resetRequestedAt).toEqual(expect.any(String));
    expect(await passwordHash(user.id)).toBe(before);
    // The user still logs in with their own password.
    expect((await fx.client().login(user.username, TEST_PASSWORD)).status).toBe(200);
    // Asking twice is one request, not two.
    expect((await sysadmin.client.post(`/api/users/${user.id}/reset-password`)).body.resetRequestedAt).toBe(
      res.body.resetRequestedAt,
    );
  });

  it('only an in-scope security administrator approves; the approver gets the password, the audit names both', async () => {
    const { user, totpSecret } = await enrolledCommittee();
    await sysadmin.client.post(`/api/users/${user.id}/reset-password`);

    // Out of scope: 404 and nothing changes.
    await expectUnchanged(fx.database.db, [user.id], async () => {
      const far = await farSecadmin.post(`/api/users/${user.id}/reset-password/approve`);
      expect([far.status, far.body.error.code]).toEqual([404, 'not_found']);
    });
    // The requester cannot approve: 403 and nothing changes.
    await expectUnchanged(fx.database.db, [user.id], async () => {
      expect((await sysadmin.client.post(`/api/users/${user.id}/reset-password/approve`)).status).toBe(403);
    });

    const approved = await secadmin.client.post(`/api/users/${user.id}/reset-password/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.oneTimePassword).toMatch(/^.{16}$/);
    expect(approved.body.user).toMatchObject({ resetRequestedAt: null, mustChangePassword: true, totpEnabled: true });

    const audit = await fx.rows<{ action: string; actor_name: string; diff: Record<string, unknown> }>(
      sql`select action, actor_name, diff from audit_log where entity = 'user' and entity_id = ${String(user.id)}
          and action like 'user.reset_password%' and result = 'success' order by seq`,
    );
    expect(audit).toMatchObject([
      { action: 'user.reset_password_request', actor_name: sysadmin.username },
      {
        action: 'user.reset_password',
        actor_name: secadmin.username,
        diff: { requestedBy: sysadmin.username, approvedBy: secadmin.username },
      },
    ]);

    // The one-time password alone does not log in: the user's own authenticator is still due.
    const thief = fx.client();
    const login = await thief.login(user.username, approved.body.oneTimePassword);
    expect(login.status).toBe(200);
    expect(login.body.state).toMatchObject({ mfaRequired: true });
    expect((await thief.get('/api/members')).status).toBe(403);
    expect((await thief.post('/api/auth/totp/enrol')).status).toBe(403);
    // The owner, with their authenticator, gets in and must set a new password.
    await fx.ageTotp(user.id);
    const owner = fx.client();
    await owner.login(user.username, approved.body.oneTimePassword, totpSecret);
    expect((await owner.get('/api/session')).body.state).toMatchObject({ mustChangePassword: true });
  });

  it('a rejected request is gone: approving it afterwards is a 409, the password unchanged', async () => {
    const { user } = await enrolledCommittee();
    await sysadmin.client.post(`/api/users/${user.id}/reset-password`);
    const rejected = await secadmin.client.post(`/api/users/${user.id}/reset-password/reject`);
    expect([rejected.status, rejected.body.resetRequestedAt]).toEqual([200, null]);
    const before = await passwordHash(user.id);
    const again = await secadmin.client.post(`/api/users/${user.id}/reset-password/approve`);
    expect([again.status, again.body.error.code]).toEqual([409, 'no_reset_request']);
    expect(await passwordHash(user.id)).toBe(before);
  });
});

describe('full ID numbers only behind a second factor', () => {
  it('a committee user without an authenticator must bind one before doing anything', async () => {
    const user = await fx.makeUser({ roles: ['committee'], regionCode: '420502' });
    const org = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    const recorder = (await fx.clientAs({ roles: ['committee'], regionCode: '420502' })).client;
    const member = (await recorder.post('/api/members', memberBody(org.id))).body;
    expect(member.id).toEqual(expect.any(Number));
    const c = fx.client();
    const login = await c.login(user.username, TEST_PASSWORD);
    expect(login.body.state).toMatchObject({ mustEnrolTotp: true });
    expect(login.body.user.permissions).not.toContain('member.reveal');
    const refused = await c.post(`/api/members/${member.id}/reveal`, {});
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toMatch(/\d{17}[\dX]/);

    await enrolTotp(c);
    await fx.ageTotp(user.id);
    expect((await c.get('/api/session')).body.user.permissions).toContain('member.reveal');
    const shown = await c.post(`/api/members/${member.id}/reveal`, {});
    expect(shown.status).toBe(200);
    expect(shown.body.idNumber).toMatch(/^\d{17}[\dX]$/);
  });

  it('the permission itself needs the factor (a CLI --as acts through the same rule)', () => {
    const roles = ['committee'];
    expect(permissionsOfUser({ roles, totpEnabled: false }).has('member.reveal')).toBe(false);
    expect(permissionsOfUser({ roles, totpEnabled: true }).has('member.reveal')).toBe(true);
    expect(totpCode('JBSWY3DPEHPK3PXP')).toMatch(/^\d{6}$/);
  });
});
