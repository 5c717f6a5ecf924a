import { desc, sql } from 'drizzle-orm';
import type { AuditAction, AuditEntity } from '../../domain/auditActions.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { checkpointAudit } from './anchor.ts';
import { boundChain, scheduleCheckpoint } from './chain.ts';
import { auditBody, GENESIS_HASH, type HashedFields } from './rowHash.ts';

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditEntry {
  actorId: number | null;
  actorName: string;
  ip: string | null;
  action: AuditAction;
  entity?: AuditEntity | null;
  entityId?: string | number | null;
  result: AuditResult;
  /** Already masked: callers pass personal data through the presenters' masks first. */
  diff?: Record<string, unknown> | null;
}

// Any constant works; it only has to be the same for every writer of the chain.
const CHAIN_LOCK = 7_146_201;

/**
 * Appends one row to the audit chain inside the caller's transaction, so the audit row
 * commits or rolls back with the change it records. The advisory lock serialises writers:
 * each row links to the one before it and seq has no gaps. The row's hash is an HMAC under
 * a key the database never sees (chain.ts), so its owner cannot forge one.
 */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  const chain = boundChain(tx);
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
  await tx.insert(auditLog).values({ ...row, keyed: true, hash: chain.mac(auditBody(row)) });
  scheduleCheckpoint(tx, checkpointAudit);
}

/** A successful change by an actor: what was done, to what, and what changed (masked). */
export interface AuditChange {
  action: AuditAction;
  entity: AuditEntity;
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
