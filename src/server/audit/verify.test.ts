/**
 * The hash chain names every row changed, removed or re-hashed behind the app's back.
 * Each case tampers, checks what verifyAudit reports, then puts the row back.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema.ts';
import { makeFixture, TEST_PASSWORD } from '../testing/fixture.ts';
import { behindTheAppsBack } from '../testing/tamper.ts';
import { auditHash, verifyAudit } from './audit.ts';

const fx = await makeFixture();
afterAll(() => fx.close());

let total = 0;

beforeAll(async () => {
  const u = await fx.makeUser({ roles: ['committee'], regionCode: '420506' });
  const c = fx.client();
  await c.get('/api/session');
  for (let i = 0; i < 3; i++) await c.post('/api/auth/login', { username: u.username, password: 'Wrong-Password-1' });
  await c.post('/api/auth/login', { username: u.username, password: TEST_PASSWORD });
  await c.post('/api/auth/logout');
  total = (await verifyAudit(fx.database.db)).rows;
  expect(total).toBeGreaterThanOrEqual(6);
});

const rowAt = async (seq: number) => (await fx.database.db.select().from(auditLog).where(eq(auditLog.seq, seq)))[0];

describe('verifyAudit', () => {
  it('reports an intact chain', async () => {
    expect(await verifyAudit(fx.database.db)).toEqual({ rows: total, problems: [] });
  });

  it('names a row whose content was changed', async () => {
    const original = await rowAt(3);
    await behindTheAppsBack(fx.database.db, (tx) =>
      tx.update(auditLog).set({ result: 'success', actorName: 'someone-else' }).where(eq(auditLog.seq, 3)),
    );
    const report = await verifyAudit(fx.database.db);
    expect(report.problems).toEqual([{ seq: 3, problem: 'changed', message: expect.stringContaining('审计记录 3') }]);

    await behindTheAppsBack(fx.database.db, (tx) =>
      tx.update(auditLog).set({ result: original.result, actorName: original.actorName }).where(eq(auditLog.seq, 3)),
    );
    expect((await verifyAudit(fx.database.db)).problems).toEqual([]);
  });

  it('names a deleted row as missing', async () => {
    const original = await rowAt(4);
    await behindTheAppsBack(fx.database.db, (tx) => tx.delete(auditLog).where(eq(auditLog.seq, 4)));
    const report = await verifyAudit(fx.database.db);
    expect(report.rows).toBe(total - 1);
    expect(report.problems).toEqual([{ seq: 4, problem: 'missing', message: expect.stringContaining('审计记录 4') }]);

    await fx.database.db.insert(auditLog).values(original);
    expect((await verifyAudit(fx.database.db)).problems).toEqual([]);
  });

  it('names several deleted rows as one gap', async () => {
    const originals = [await rowAt(2), await rowAt(3)];
    await behindTheAppsBack(fx.database.db, (tx) => tx.execute(sql`delete from audit_log where seq in (2, 3)`));
    expect((await verifyAudit(fx.database.db)).problems).toEqual([
      { seq: 2, problem: 'missing', message: expect.stringContaining('2–3') },
    ]);
    await fx.database.db.insert(auditLog).values(originals);
    expect((await verifyAudit(fx.database.db)).problems).toEqual([]);
  });

  it('a row changed and re-hashed shows as the next row being relinked', async () => {
    const original = await rowAt(2);
    const forged = { ...original, actorName: 'someone-else' };
    const hash = auditHash(forged);
    await behindTheAppsBack(fx.database.db, (tx) =>
      tx.update(auditLog).set({ actorName: forged.actorName, hash }).where(eq(auditLog.seq, 2)),
    );
    const report = await verifyAudit(fx.database.db);
    expect(report.problems).toEqual([{ seq: 3, problem: 'relinked', message: expect.stringContaining('审计记录 3') }]);

    await behindTheAppsBack(fx.database.db, (tx) =>
      tx.update(auditLog).set({ actorName: original.actorName, hash: original.hash }).where(eq(auditLog.seq, 2)),
    );
    expect((await verifyAudit(fx.database.db)).problems).toEqual([]);
  });

  it('walks the chain across pages', async () => {
    expect(await verifyAudit(fx.database.db, 2)).toEqual({ rows: total, problems: [] });
    const original = await rowAt(5);
    await behindTheAppsBack(fx.database.db, (tx) => tx.delete(auditLog).where(eq(auditLog.seq, 5)));
    expect((await verifyAudit(fx.database.db, 2)).problems).toMatchObject([{ seq: 5, problem: 'missing' }]);
    await fx.database.db.insert(auditLog).values(original);
  });
});
