/**
 * Issue #12, defect 16: the per-address login limits key on the client's address, which is
 * the direct peer unless that peer is a configured reverse proxy (DANGJIAN_TRUSTED_PROXIES).
 * A client writing X-Forwarded-For itself must not pick the address its guesses count for.
 */
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { clientAddress } from '../../src/server/clientAddress.ts';
import { loginThrottles } from '../../src/server/db/schema.ts';
import { makeFixture } from '../../src/server/testing/fixture.ts';

const fx = await makeFixture({ trustedProxies: ['127.0.0.1'] });
afterAll(() => fx.close());

/** A wrong password for `username` from `peer`, with the X-Forwarded-For given. */
async function wrongLogin(username: string, peer: string, forwardedFor?: string) {
  const env = { incoming: { socket: { remoteAddress: peer } } };
  const xff: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
  const session = await fx.app.request('/api/session', { headers: xff }, env);
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fx.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: {
        ...xff,
        cookie,
        'x-csrf-token': (await session.json()).csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ username, password: 'Wrong-Password-1' }),
    },
    env,
  );
  expect(res.status).toBe(401);
}

const addresses = async (username: string) =>
  (await fx.database.db.select().from(loginThrottles).where(eq(loginThrottles.username, username))).map(
    (r) => r.address,
  );

describe('the client address behind a trusted proxy', () => {
  it('from a peer that is not a trusted proxy, X-Forwarded-For is ignored', async () => {
    await wrongLogin('probe_a', '10.8.0.1', '203.0.113.7');
    expect(await addresses('probe_a')).toEqual(['10.8.0.1']);
  });

  it('from the trusted proxy, the address it forwarded counts', async () => {
    await wrongLogin('probe_b', '127.0.0.1', '203.0.113.8');
    expect(await addresses('probe_b')).toEqual(['203.0.113.8']);
  });

  it('what the client wrote before the proxy appended its peer is not believed', async () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    await wrongLogin('probe_c', '127.0.0.1', '6.6.6.6, 203.0.113.9');
    expect(await addresses('probe_c')).toEqual(['203.0.113.9']);
  });

  it('a malformed trusted-proxy setting stops the app at start', () => {
    expect(() => clientAddress(['not-an-address'])).toThrow();
  });
});
