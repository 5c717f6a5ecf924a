/**
 * The keyed hash chain names every row changed, removed or re-hashed behind the app's back,
 * even by the table's owner who recomputes the hash the way anyone can (plain SHA-256).
 * Each case tampers, checks what verifyAudit reports, then puts the row back.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../db/schema.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { TEST_PASSWORD } from '../testing/fixture.ts';
import { behindTheAppsBack } from '../testing/tamper.ts';
import { relinkTail, restoreRows } from './forgery.testing.ts';
import { plainAuditHash } from './rowHash.ts';
import { verifyAudit } from './verify.ts';

const fx = await fileFixture();

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
    expect(await verifyAudit(fx.database.db)).toEqual({ rows: total, problems: [], anchor: null });
    // Every row the app writes is keyed: none of them is its plain SHA-256.
    const rows = await fx.database.db.select().from(auditLog);
    expect(rows.every((r) => r.keyed && r.hash !== plainAuditHash(r))).toBe(true);
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

  it('a row changed by the owner with its plain SHA-256 recomputed is named as changed', async () => {
    const original = await rowAt(2);
    const forged = { ...original, actorName: 'someone-else' };
    await behindTheAppsBack(fx.database.db, (tx) =>
      tx
        .update(auditLog)
        .set({ actorName: forged.actorName, hash: plainAuditHash(forged) })
        .where(eq(auditLog.seq, 2)),
    );
    const report = await verifyAudit(fx.database.db);
    expect(report.problems).toEqual([
      { seq: 2, problem: 'changed', message: '审计记录 2 的内容与其哈希不符（被修改）' },
      { seq: 3, problem: 'relinked', message: expect.stringContaining('审计记录 3') },
    ]);

    await behindTheAppsBack(fx.database.db, (tx) =>
      tx.update(auditLog).set({ actorName: original.actorName, hash: original.hash }).where(eq(auditLog.seq, 2)),
    );
    expect((await verifyAudit(fx.database.db)).problems).toEqual([]);
  });

  it('a whole tail rewritten and relinked with plain SHA-256 is named row by row', async () => {
    const originals = await fx.database.db.select().from(auditLog).orderBy(auditLog.seq);
    // The owner's best forgery: change row 3, then recompute every later hash and link.
    await relinkTail(
      fx.database.db,
      originals.slice(2),
      originals[1].hash,
      (r, prevHash) => ({ ...r, prevHash, keyed: false, actorName: r.seq === 3 ? 'someone-else' : r.actorName }),
      plainAuditHash,
    );
    const { problems } = await verifyAudit(fx.database.db);
    expect(problems.map((p) => [p.seq, p.problem])).toEqual(originals.slice(2).map((r) => [r.seq, 'changed']));
    expect(problems[0].message).toBe('审计记录 3 没有密钥签名，而此前的记录已有（被改写）');

    await restoreRows(fx.database.db, originals.slice(2));
    expect((await verifyAudit(fx.database.db)).problems).toEqual([]);
  });

  it('walks the chain across pages', async () => {
    expect(await verifyAudit(fx.database.db, 2)).toEqual({ rows: total, problems: [], anchor: null });
    const original = await rowAt(5);
    await behindTheAppsBack(fx.database.db, (tx) => tx.delete(auditLog).where(eq(auditLog.seq, 5)));
    expect((await verifyAudit(fx.database.db, 2)).problems).toMatchObject([{ seq: 5, problem: 'missing' }]);
    await fx.database.db.insert(auditLog).values(original);
  });
});
