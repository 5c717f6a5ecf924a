import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';

/**
 * The audit row of a change in the instructor area (a department, an instructor, an assignment,
 * a reveal of a phone number), in the change's transaction. `diff` carries masked phones only.
 */
export function auditInstructorArea(
  tx: Tx,
  actor: Actor,
  action: string,
  entity: 'department' | 'instructor',
  entityId: number | null,
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
