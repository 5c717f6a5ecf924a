import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';

/** The audit row of an assessor's change, written in the change's transaction. */
export function auditAssessment(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: string,
  entityId: number | string | null,
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

/**
 * The audit row of a submission through a one-time link. It names the enterprise and, for a
 * ballot, the appraiser's kind, but neither the link, the address nor the answers: whoever
 * reads the trail cannot tell which holder gave which scores.
 */
export function auditLinkSubmission(
  tx: Tx,
  action: 'ballot.submit' | 'survey.submit',
  enterpriseId: number,
  diff: Record<string, unknown>,
) {
  return writeAudit(tx, {
    actorId: null,
    actorName: 'one-time-link',
    ip: null,
    action,
    entity: 'enterprise',
    entityId: enterpriseId,
    result: 'success',
    diff,
  });
}
