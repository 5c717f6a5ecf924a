/** What an audit row's hash covers, and how it is checked: keyed since migration 0015, plain SHA-256 before. */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import type { AuditChain } from './chain.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
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

export function auditBody(row: HashedFields): string {
  return canonicalJson({
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
}

/**
 * The hash of the rows written before the chain was keyed. Anyone can recompute it, so those
 * rows are only as safe as the first keyed row after them, which links to their last hash.
 */
export function plainAuditHash(row: HashedFields): string {
  return createHash('sha256').update(auditBody(row)).digest('hex');
}

/** Whether a stored row's hash is right: keyed rows by HMAC, rows before the switch by plain SHA-256. */
export function rowHashOk(row: HashedFields & { keyed: boolean; hash: string }, chain: AuditChain): boolean {
  return row.hash === (row.keyed ? chain.mac(auditBody(row)) : plainAuditHash(row));
}
