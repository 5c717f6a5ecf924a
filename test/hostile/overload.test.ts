/**
 * Issue #12, defect 15: under 200 connections the server queued every request inside the
 * database and went on working through them for minutes after the clients had gone. Now a
 * bounded door answers what it cannot serve with 503 + Retry-After, a waiting request whose
 * client leaves is dropped, and the server answers normally the moment the load ends.
 * The door is held shut deterministically: a request whose body the test has not finished
 * sending occupies the only place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixture } from '../../src/server/testing/fixture.ts';

const fx = await makeFixture({ maxConcurrent: 1, maxQueued: 1 });
afterAll(() => fx.close());

const env = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
const get = (path: string, signal?: AbortSignal) =>
  fx.app.request(new Request(`http://localhost${path}`, { signal }), undefined, env('10.7.0.1'));

/**
 * Starts a login whose body arrives only when `finish` is called; resolves `inside` once the
 * server is reading that body, that is once the request holds its place through the door.
 */
async function holdingRequest() {
  const session = await get('/api/session');
  const csrf = (await session.json()).csrfToken as string;
  const cookie = session.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  let entered!: () => void;
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        entered();
        await finished;
        controller.enqueue(new TextEncoder().encode('{"username":"nobody","password":"Wrong-Password-1"}'));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request('http://localhost/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', cookie, 'x-csrf-token': csrf },
    body,
    duplex: 'half',
  } as RequestInit);
  const response = fx.app.request(request, undefined, env('10.7.0.2'));
  await inside;
  return { response, finish };
}

/** Lets every request started so far run up to its first real wait (the door or I/O). */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('a bounded door in front of the database', () => {
  it('beyond the places and the queue, a request gets 503 with Retry-After; the server answers normally right after', async () => {
    const held = await holdingRequest();
    const queued = get('/api/session');
    await settle();
    const refused = await get('/api/session');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toEqual({ error: { code: 'overloaded', message: '服务器繁忙，请稍后重试' } });

    held.finish();
    // The held request and the queued one are served, not dropped.
    const login = await held.response;
    expect(login.status).toBe(401);
    expect((await login.json()).error.code).toBe('invalid_credentials');
    expect((await queued).status).toBe(200);
    expect((await get('/api/session')).status).toBe(200);
  });

  // PGlite's mechanism: on PostgreSQL every statement already waits for a later turn.
  it.skipIf(fx.database.kind !== 'pglite')(
    'requests read together do not all run back to back: beyond the place and the queue they are refused at once',
    async () => {
      // PGlite runs a request's statements without yielding, so five requests read in one turn
      // used to run one after another within it, each finding the place free again: the door saw
      // no crowd, refused nothing, and read no other socket meanwhile. A place now comes free on
      // the next turn, so one runs, one waits, and three are told to come back.
      const answers = await Promise.all(Array.from({ length: 5 }, () => get('/api/session')));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503, 503, 503]);
      for (const a of answers.filter((x) => x.status === 503)) expect(a.headers.get('retry-after')).toBe('2');
      expect((await get('/api/session')).status).toBe(200);
    },
  );

  it('a waiting request whose client leaves gives its place in the queue up without running', async () => {
    const held = await holdingRequest();
    const leaving = new AbortController();
    const gone = get('/api/session', leaving.signal);
    await settle();
    expect((await get('/api/session')).status).toBe(503);
    leaving.abort();
    expect((await gone).status).toBe(503);
    // Its place is free again: the next request waits instead of being refused.
    const next = get('/api/session');
    await settle();
    held.finish();
    expect((await held.response).status).toBe(401);
    expect((await next).status).toBe(200);
  });
});
