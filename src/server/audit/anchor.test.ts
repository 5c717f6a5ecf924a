/**
 * The anchor outside the database: cutting off the last rows, rewriting the chain under
 * another key, and downgrading it to plain SHA-256 all show, and the anchor never moves back
 * over them. The chain written before the key existed verifies up to its first keyed row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, gt } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { inSystem } from '../db/tx.ts';
import { keysFrom } from '../keys.ts';
import { lastAuditSeq } from '../testing/audit.ts';
import { makeFixture } from '../testing/fixture.ts';
import { behindTheAppsBack } from '../testing/tamper.ts';
import { anchorPath, checkpointAudit, closeAuditChain, readAnchor } from './anchor.ts';
import { auditChange } from './audit.ts';
import { auditChainFor, bindAuditChain } from './chain.ts';
import { relinkTail, restoreRows } from './forgery.testing.ts';
import { auditBody, GENESIS_HASH, plainAuditHash } from './rowHash.ts';
import { verifyAudit } from './verify.ts';

const fx = await makeFixture();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-anchor-'));
const keys = keysFrom(Buffer.alloc(32, 7));
const chain = auditChainFor(keys, anchorPath(dir));
afterAll(async () => {
  await closeAuditChain(db());
  await fx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const db = () => fx.database.db;
const allRows = () => db().select().from(auditLog).orderBy(asc(auditLog.seq));

async function write(n: number) {
  for (let i = 0; i < n; i++)
    await inSystem(db(), (tx) =>
      auditChange(tx, localOperator(), { action: 'audit.export', entity: 'audit_log', entityId: i }),
    );
}

/** Rows as the code before migration 0015 wrote them: plain SHA-256, not keyed. */
async function writeLegacy(n: number) {
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row = {
      seq,
      at: new Date(Date.UTC(2026, 0, seq)),
      actorId: null,
      actorName: 'local-operator',
      ip: null,
      action: 'legacy.write',
      entity: null,
      entityId: null,
      result: 'success',
      diff: { n: seq },
      prevHash,
    };
    const hash = plainAuditHash(row);
    await db()
      .insert(auditLog)
      .values({ ...row, hash, keyed: false });
    prevHash = hash;
  }
}

beforeAll(async () => {
  bindAuditChain(db(), chain);
  await writeLegacy(3);
  await write(5);
  await closeAuditChain(db());
});

describe('the chain written before the key', () => {
  it('verifies with plain SHA-256 up to the first keyed row, which the anchor records', async () => {
    const rows = await allRows();
    expect(rows.map((r) => r.keyed)).toEqual([false, false, false, true, true, true, true, true]);
    // The first keyed row links to the last plain one.
    expect(rows[3].prevHash).toBe(rows[2].hash);
    expect(await verifyAudit(db())).toEqual({
      rows: 8,
      problems: [],
      anchor: { seq: 8, hash: rows[7].hash, keyedFrom: 4 },
    });
  });

  it('a keyed chain rewritten back to plain SHA-256 shows, though it links up', async () => {
    const originals = await allRows();
    await relinkTail(
      db(),
      originals.slice(3),
      originals[2].hash,
      (r, prevHash) => ({ ...r, prevHash, keyed: false, result: 'failure' }),
      plainAuditHash,
    );
    const { problems } = await verifyAudit(db());
    expect(problems.filter((p) => p.problem === 'changed').map((p) => p.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(problems).toContainEqual({
      seq: 8,
      problem: 'anchor',
      message: '审计记录 8 与库外锚点记录的哈希不符（被改写）',
    });
    // The anchor stays on the real head.
    expect((await checkpointAudit(db())).refused).toBe('审计记录 8 与锚点不符');
    await restoreRows(db(), originals.slice(3));
    expect((await verifyAudit(db())).problems).toEqual([]);
  });
});

describe('the anchor', () => {
  it('is a file readable by its owner only', () => {
    expect(fs.statSync(anchorPath(dir)).mode & 0o777).toBe(0o600);
    expect(readAnchor(chain)).toMatchObject({ state: 'ok', anchor: { seq: 8 } });
  });

  it('follows the head at each checkpoint', async () => {
    await write(2);
    await checkpointAudit(db());
    expect(readAnchor(chain)).toMatchObject({ state: 'ok', anchor: { seq: 10 } });
  });

  it('reports the last rows deleted, and does not move back over them', async () => {
    const tail = await db().select().from(auditLog).where(gt(auditLog.seq, 8));
    await behindTheAppsBack(db(), (tx) => tx.delete(auditLog).where(gt(auditLog.seq, 8)));
    const report = await verifyAudit(db());
    expect(report.rows).toBe(8);
    expect(report.problems).toEqual([
      {
        seq: 9,
        problem: 'truncated',
        message: '审计日志末尾被删除：库外锚点记录到第 10 条，表中只到第 8 条（9–10 缺失）',
      },
    ]);
    expect((await checkpointAudit(db())).refused).toBe('审计日志只到第 8 条，而锚点记录到第 10 条');
    expect(readAnchor(chain)).toMatchObject({ anchor: { seq: 10 } });

    // New rows written over the cut reuse its numbers, but not its hashes: still reported.
    await write(3);
    expect((await verifyAudit(db())).problems.map((p) => [p.seq, p.problem])).toEqual([[10, 'anchor']]);
    await behindTheAppsBack(db(), (tx) => tx.delete(auditLog).where(gt(auditLog.seq, 8)));
    await db().insert(auditLog).values(tail);
    expect((await verifyAudit(db())).problems).toEqual([]);
  });

  it('a chain re-keyed under another key is named row by row', async () => {
    const originals = await allRows();
    const other = keysFrom(Buffer.alloc(32, 9));
    await relinkTail(
      db(),
      originals.slice(3),
      originals[2].hash,
      (r, prevHash) => ({ ...r, prevHash, actorName: 'someone-else' }),
      (forged) => other.auditMac(auditBody(forged)),
    );
    const { problems } = await verifyAudit(db());
    expect(problems.filter((p) => p.problem === 'changed').map((p) => p.seq)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(problems.find((p) => p.seq === 4)?.message).toBe('审计记录 4 的内容与其哈希不符（被修改）');
    await restoreRows(db(), originals.slice(3));
    expect((await verifyAudit(db())).problems).toEqual([]);
  });

  it('an anchor file edited by hand, or read under another key, is reported', async () => {
    const saved = fs.readFileSync(anchorPath(dir), 'utf8');
    fs.writeFileSync(anchorPath(dir), saved.replace('"seq":10', '"seq":7'));
    expect((await verifyAudit(db())).problems).toEqual([
      { seq: 0, problem: 'anchor', message: expect.stringContaining('校验失败（被改动，或主密钥不同）') },
    ]);
    fs.writeFileSync(anchorPath(dir), saved);
    expect((await verifyAudit(db())).problems).toEqual([]);
  });

  it('an audit write on a database handle nobody bound to the chain is refused, writing nothing', async () => {
    // Another drizzle handle over the same connection: what a forgotten entry point would have.
    const client = (db() as unknown as { $client: never }).$client;
    const loose = (fx.database.kind === 'pglite' ? drizzlePglite(client) : drizzlePg(client)) as unknown as Db;
    const before = await lastAuditSeq(db());
    await expect(
      inSystem(loose, (tx) =>
        auditChange(tx, localOperator(), { action: 'audit.export', entity: 'audit_log', entityId: 1 }),
      ),
    ).rejects.toThrow('审计链密钥未加载');
    expect(await lastAuditSeq(db())).toBe(before);
  });
});
