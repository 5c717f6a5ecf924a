/**
 * Issue #12, defect 1: a 260 MB body to the public login killed the process (the JSON
 * parser ran out of heap). Every body is now bounded before anything parses it, and a body
 * that is not JSON is a 400 with a message, never a 500. Over a real socket, as an attacker
 * would send it: streamed, so the test itself never holds the 260 MB.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECURITY_POLICY } from '../../src/server/settings/policy.ts';
import { makeFixture } from '../../src/server/testing/fixture.ts';

const MB = 1024 * 1024;
const fx = await makeFixture({ maxUploadBytes: 5 * MB });
const server = serve({ fetch: fx.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fx.close();
});

interface Answer {
  status: number;
  body: any;
  /** Bytes the client managed to send before the server answered or closed the socket. */
  sent: number;
  /** The server reset the connection before an answer could be read (only with `resetIsRefusal`). */
  reset?: boolean;
}

/**
 * Sends `total` bytes of `chunk` repeated (no Content-Length unless given: chunked, so the
 * server cannot know the size in advance), honouring back-pressure, until the server answers.
 */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  opts: { total: number; chunk?: Buffer; head?: string; resetIsRefusal?: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, sent });
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      // A server that stops reading an oversized body may reset the connection before the
      // client reads its 413 (seen on a loaded machine): a refusal too, told apart as `reset`.
      if (
        opts.resetIsRefusal &&
        (err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.message === 'socket hang up')
      )
        resolve({ status: 0, body: null, sent, reset: true });
      else reject(err);
    });
    const chunk = opts.chunk ?? Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      if (opts.head && sent === 0) {
        sent += opts.head.length;
        req.write(opts.head);
      }
      while (!answered && !req.destroyed && sent < opts.total) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

let cookie = '';
let csrf = '';
beforeAll(async () => {
  const res = await fetch(`http://127.0.0.1:${port}/api/session`);
  csrf = (await res.json()).csrfToken;
  cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});

const loginHeaders = () => ({ cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' });

async function serverAnswers() {
  const res = await fetch(`http://127.0.0.1:${port}/api/session`);
  expect(res.status).toBe(200);
  expect((await res.json()).csrfToken).toEqual(expect.any(String));
}

describe('a body too large for its route', () => {
  it('260 MB streamed to the login is refused with 413; the process does not grow by it and still answers', async () => {
    const before = process.memoryUsage().rss;
    const answer = await send('POST', '/api/auth/login', loginHeaders(), {
      total: 260 * MB,
      head: '{"username":"admin","password":"',
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toEqual({ code: 'too_large', message: '请求内容超过 1 MB 的上限' });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * MB);
    await serverAnswers();
  });

  it('a declared length over the limit is refused before a byte of the body is read', async () => {
    const answer = await send(
      'POST',
      '/api/auth/login',
      { ...loginHeaders(), 'content-length': String(260 * MB) },
      {
        total: 0,
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
    await serverAnswers();
  });

  it('an upload over its own cap is refused as it streams, and one just under it is read', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const headers = {
      cookie: `dj_session=${client.sessionToken}`,
      'x-csrf-token': client.csrf,
      'content-type': 'application/octet-stream',
    };
    const path = '/api/imports/enterprises?fileName=big.xlsx&period=2026Q4&source=test';
    const big = await send('POST', path, headers, { total: 40 * MB, resetIsRefusal: true });
    if (big.reset) expect(big.sent).toBeLessThan(40 * MB);
    else expect([big.status, big.body.error.message]).toEqual([413, '文件超过 5 MB 的上限']);
    // Under the cap the body reaches the reader, which refuses it for what it is, not its size.
    const small = await send('POST', path, headers, { total: 2 * MB });
    expect(small.status).not.toBe(413);
    expect(small.status).toBeLessThan(500);
    await serverAnswers();
  });
});

describe('a body that is not what the route reads', () => {
  const post = (path: string, body: string, contentType: string, extra: Record<string, string> = {}) =>
    send(
      'POST',
      path,
      { ...loginHeaders(), ...extra, 'content-type': contentType },
      {
        total: 0,
        head: body,
      },
    );

  it('malformed JSON is a 400 saying so', async () => {
    const answer = await post('/api/auth/login', '{"username": "admin", "password": ', 'application/json');
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({ code: 'bad_json', message: '请求内容不是有效的 JSON' });
  });

  it.each([
    ['form-encoded', 'username=admin&password=x', 'application/x-www-form-urlencoded'],
    ['text/plain', '{"username":"admin","password":"x"}', 'text/plain'],
    ['multipart', '--b\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b'],
  ])('a %s body is a 400 naming the rule', async (_, body, type) => {
    const answer = await post('/api/auth/login', body, type);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: 'bad_content_type',
      message: '请求内容须为 JSON（Content-Type: application/json）',
    });
  });

  it('on a signed-in route too: nothing is changed', async () => {
    const { client } = await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' });
    const headers = { cookie: `dj_session=${client.sessionToken}`, 'x-csrf-token': client.csrf };
    const bad = await send(
      'PUT',
      '/api/settings/security',
      { ...headers, 'content-type': 'application/json' },
      { total: 0, head: '{"lockoutThreshold": 3,' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_json');
    expect((await client.get('/api/settings/security')).body).toMatchObject(DEFAULT_SECURITY_POLICY);
    await serverAnswers();
  });
});
