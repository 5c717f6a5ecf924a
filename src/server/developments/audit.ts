import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';

/**
 * The audit row of a change to a development record, written in the change's transaction.
 * Callers pass the ID number already masked.
 */
export function auditDevelopment(
  tx: Tx,
  actor: Actor,
  action: string,
  developmentId: number,
  diff: Record<string, unknown>,
) {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action,
    entity: 'development',
    entityId: developmentId,
    result: 'success',
    diff,
  });
}
