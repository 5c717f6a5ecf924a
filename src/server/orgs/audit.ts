import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';

/** The audit row of a change to an org or to what hangs off it, written in the change's transaction. */
export function auditOrg(tx: Tx, actor: Actor, action: string, orgId: number, diff: Record<string, unknown>) {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action,
    entity: 'party_org',
    entityId: orgId,
    result: 'success',
    diff,
  });
}
