/**
 * CSRF: every state change carries the session's token in a header; the login, before
 * there is a session, carries the double-submit cookie's. A refused request changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { permissionsOf, type Role } from '../../domain/roles.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { TEST_PASSWORD } from '../testing/fixture.ts';
import { isStateChanging, listOperations, type Operation, placeholderPath, ROUTE_SPECS } from '../testing/routes.ts';
import { expectUnchanged } from '../testing/snapshot.ts';
import { CSRF_COOKIE } from './middleware.ts';

const fx = await fileFixture();
const stateChanging = (await listOperations(fx.client())).filter(isStateChanging);

/** For each route, a client that would be allowed to call it: CSRF is then the only obstacle. */
const clients = new Map<string, { client: TestClient; id: number }>();
let target: number;
let committee: { client: TestClient; id: number };

beforeAll(async () => {
  for (const role of ['sysadmin', 'secadmin', 'committee'] as Role[]) {
    const { client, user } = await fx.clientAs({ roles: [role], regionCode: '420500' });
    clients.set(role, { client, id: user.id });
  }
  committee = clients.get('committee')!;
  target = (await fx.makeUser({ roles: ['committee'], regionCode: '420506' })).id;
});

function permittedClient(op: Operation) {
  const access = op.access;
  if (access.kind !== 'permission') return committee;
  const role = [...clients.keys()].find((r) => permissionsOf([r as Role]).has(access.permission));
  return clients.get(role ?? 'committee')!;
}

function callFor(op: Operation) {
  const spec = ROUTE_SPECS[op.key];
  let n = 0;
  const call = spec?.call?.({ inScope: target, outside: [], newUsername: () => `csrf_${op.method}_${++n}` });
  return call ?? { path: placeholderPath(op.path), body: {} };
}

const ids = () => [...clients.values()].map((c) => c.id);
const allowed = stateChanging.filter((op) => op.key !== 'POST /api/auth/login');

describe('state-changing routes of a logged-in session', () => {
  it('the table has state-changing routes to test', () => {
    expect(allowed.length).toBeGreaterThan(8);
  });

  it.each(allowed)('$key without the header: 403 csrf, nothing changed', async (op) => {
    const { client } = permittedClient(op);
    const call = callFor(op);
    const audit = await expectUnchanged(fx.database.db, [], async () => {
      const res = await client.request(op.method, call.path, call.body ?? {}, { csrf: false });
      expect([res.status, res.body?.error?.code]).toEqual([403, 'csrf']);
    });
    expect(audit).toEqual([]);
    // The session was not harmed by the refusal.
    expect((await client.get('/api/session')).body.user).not.toBeNull();
  });

  it.each(allowed)('$key with a wrong token: 403 csrf', async (op) => {
    const { client } = permittedClient(op);
    const call = callFor(op);
    await expectUnchanged(fx.database.db, [], async () => {
      const res = await client.request(op.method, call.path, call.body ?? {}, {
        csrf: `${client.csrf.slice(0, -2)}xx`,
      });
      expect([res.status, res.body?.error?.code]).toEqual([403, 'csrf']);
    });
  });

  it('a token from another session is refused', async () => {
    const other = fx.client();
    const user = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
    await other.login(user.username, TEST_PASSWORD);
    const { client } = clients.get('sysadmin')!;
    expect(other.csrf).not.toBe(client.csrf);
    await expectUnchanged(fx.database.db, ids(), async () => {
      const res = await client.patch(`/api/users/${target}`, { displayName: '跨会话' }, { csrf: other.csrf });
      expect([res.status, res.body?.error?.code]).toEqual([403, 'csrf']);
    });
  });

  it('the double-submit cookie does not stand in for the session’s token', async () => {
    const { client } = clients.get('sysadmin')!;
    const cookieToken = 'a-token-the-page-set-itself';
    client.setCookie(CSRF_COOKIE, cookieToken);
    try {
      const res = await client.patch(`/api/users/${target}`, { displayName: '借用' }, { csrf: cookieToken });
      expect(res.status).toBe(403);
    } finally {
      client.setCookie(CSRF_COOKIE, undefined);
    }
  });

  it('with the right token the same request succeeds', async () => {
    const { client } = clients.get('sysadmin')!;
    expect((await client.patch(`/api/users/${target}`, { displayName: '正常改名' })).status).toBe(200);
  });
});

describe('the login', () => {
  let username: string;
  beforeAll(async () => {
    username = (await fx.makeUser({ roles: ['committee'], regionCode: '420506' })).username;
  });

  it('needs the double-submit cookie and the same token in the header', async () => {
    const c = fx.client();
    const info = await c.get('/api/session');
    const token = info.body.csrfToken as string;
    expect(c.cookie(CSRF_COOKIE)).toBe(token);

    const body = { username, password: TEST_PASSWORD };
    expect((await c.post('/api/auth/login', body, { csrf: false })).status).toBe(403);
    expect((await c.post('/api/auth/login', body, { csrf: 'something-else' })).status).toBe(403);
    c.setCookie(CSRF_COOKIE, undefined);
    expect((await c.post('/api/auth/login', body, { csrf: token })).status).toBe(403);
    c.setCookie(CSRF_COOKIE, token);
    const ok = await c.post('/api/auth/login', body, { csrf: token });
    expect(ok.status).toBe(200);
    // From now on the session's own token is the one to send.
    expect(ok.body.csrfToken).not.toBe(token);
  });

  it('a refused login neither logs in nor counts as a failed password', async () => {
    const c = fx.client();
    await c.get('/api/session');
    const audit = await expectUnchanged(fx.database.db, [], async () => {
      const res = await c.post('/api/auth/login', { username, password: 'Wrong-Password-1' }, { csrf: false });
      expect(res.body.error.code).toBe('csrf');
    });
    expect(audit).toEqual([]);
    expect(c.sessionToken).toBeUndefined();
  });
});
