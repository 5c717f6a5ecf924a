import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';

/** The audit row of a casework change, written in the change's transaction. */
export function auditCasework(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: 'contact' | 'request' | 'outcome' | 'settings',
  entityId: number | string,
  diff: Record<string, unknown>,
) {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action,
    entity,
    entityId,
    result: 'success',
    diff,
  });
}
