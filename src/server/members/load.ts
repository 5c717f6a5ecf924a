import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { members } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { memberInScope, memberInWriteScope } from './scope.ts';

export type MemberRow = typeof members.$inferSelect;

/**
 * The member, if the actor may see them; otherwise 404, as if absent. With `write`, a member
 * seen only as working in the actor's org (流入地) is refused with 403: their record belongs
 * to the org holding their relation.
 */
export async function loadMember(
  tx: Tx,
  actor: Actor,
  id: number,
  opts: { write?: boolean; forUpdate?: boolean } = {},
): Promise<MemberRow> {
  const query = tx
    .select()
    .from(members)
    .where(and(eq(members.id, id), memberInScope(tx, actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('党员');
  if (opts.write) {
    const [own] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.id, id), memberInWriteScope(tx, actor)));
    if (!own) {
      throw new HttpError(403, 'forbidden', '该党员的组织关系不在您管理的党组织，只能由其所在党组织办理');
    }
  }
  return row;
}
