/** Security headers on every answer, no caching of the API, and the health check. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './db/migrate.ts';
import { fileFixture } from './testing/fileFixture.ts';

const fx = await fileFixture();

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};
const newestMigration = journal.entries.at(-1)!.tag;

function expectSecurityHeaders(h: Headers) {
  const csp = h.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(h.get('x-frame-options')).toBe('DENY');
  expect(h.get('x-content-type-options')).toBe('nosniff');
  expect(h.get('referrer-policy')).toBe('no-referrer');
}

describe('headers', () => {
  it.each([
    ['a public answer', 'GET', '/api/health'],
    ['a refusal', 'GET', '/api/users'],
    ['an unknown API path', 'GET', '/api/nothing-here'],
    ['a CSRF refusal', 'POST', '/api/auth/login'],
  ])('%s carries the security headers and Cache-Control: no-store', async (_, method, url) => {
    const res = await fx.client().request(method, url, method === 'GET' ? undefined : {}, { csrf: false });
    expectSecurityHeaders(res.headers);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('a logged-in answer is not cached either', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const res = await client.get('/api/dashboard');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expectSecurityHeaders(res.headers);
  });

  it('no Strict-Transport-Security over plain HTTP (it would lock a LAN deployment out)', async () => {
    expect((await fx.client().get('/api/health')).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('GET /api/health', () => {
  it('names the database and the newest migration', async () => {
    const res = await fx.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite',
      migration: newestMigration,
    });
  });
});

describe('unknown API paths', () => {
  it('answer 401 without a session and 404 with one, in JSON', async () => {
    expect((await fx.client().get('/api/nothing-here')).status).toBe(401);
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const res = await client.get('/api/nothing-here');
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
  });
});
