import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';

/**
 * The audit row of a change to a member (or a reveal of their data), in the change's
 * transaction. `diff` carries masked ID and phone numbers only, never the full values.
 */
export function auditMember(tx: Tx, actor: Actor, action: string, memberId: number, diff: Record<string, unknown>) {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action,
    entity: 'member',
    entityId: memberId,
    result: 'success',
    diff,
  });
}
