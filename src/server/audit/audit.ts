import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { canonicalJson } from './canonical.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  actorId: number | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | number | null;
  result: AuditResult;
  /** Already masked: callers pass personal data through the presenters' masks first. */
  diff?: Record<string, unknown> | null;
}

interface HashedFields {
  seq: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  result: string;
  diff: unknown;
  prevHash: string;
}

export function auditHash(row: HashedFields): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    ip: row.ip,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    result: row.result,
    diff: row.diff ?? null,
    prevHash: row.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

// Any constant works; it only has to be the same for every writer of the chain.
const CHAIN_LOCK = 7_146_201;

/**
 * Appends one row to the audit chain inside the caller's transaction, so the audit row
 * commits or rolls back with the change it records. The advisory lock serialises writers:
 * each row links to the one before it and seq has no gaps.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  const row: HashedFields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    ip: entry.ip,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    result: entry.result,
    // Round-trip through JSON so what is hashed is exactly what jsonb will give back.
    diff: entry.diff == null ? null : JSON.parse(JSON.stringify(entry.diff)),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ ...row, hash: auditHash(row) });
}

export interface AuditProblem {
  seq: number;
  problem: 'changed' | 'missing' | 'relinked';
  message: string;
}

export interface AuditVerification {
  rows: number;
  problems: AuditProblem[];
}

/** Walks the whole chain in pages and names every row that was changed, removed or relinked. */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (page.length === 0) break;
    for (const r of page) {
      rows++;
      if (r.seq !== expectedSeq) {
        const gap = r.seq - 1 === expectedSeq ? `${expectedSeq}` : `${expectedSeq}–${r.seq - 1}`;
        problems.push({
          seq: expectedSeq,
          problem: 'missing',
          message: `审计记录 ${gap} 缺失（被删除）`,
        });
      } else if (r.prevHash !== prevHash) {
        problems.push({
          seq: r.seq,
          problem: 'relinked',
          message: `审计记录 ${r.seq} 的前序哈希与上一条不符`,
        });
      }
      if (auditHash(r) !== r.hash) {
        problems.push({
          seq: r.seq,
          problem: 'changed',
          message: `审计记录 ${r.seq} 的内容与其哈希不符（被修改）`,
        });
      }
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
    }
  }
  return { rows, problems };
}

/** A successful change by an actor: what was done, to what, and what changed (masked). */
export interface AuditChange {
  action: string;
  entity: string;
  entityId: string | number | null;
  diff?: Record<string, unknown> | null;
}

/** The audit row of an actor's change, written in the change's own transaction. */
export function auditChange(tx: Tx, actor: Actor, change: AuditChange): Promise<void> {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    result: 'success',
    diff: change.diff ?? null,
  });
}
