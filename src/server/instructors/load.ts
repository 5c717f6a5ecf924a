import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { instructors } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { instructorInScope, instructorInWriteScope } from './scope.ts';

export type InstructorRow = typeof instructors.$inferSelect;

/**
 * The instructor, if the actor may see them; otherwise 404, as if absent. With `write`, one
 * seen only because they serve an enterprise of the actor's region is refused with 403: their
 * record belongs to the region that registered them.
 */
export async function loadInstructor(
  tx: Tx,
  actor: Actor,
  id: number,
  opts: { write?: boolean; forUpdate?: boolean } = {},
): Promise<InstructorRow> {
  const query = tx
    .select()
    .from(instructors)
    .where(and(eq(instructors.id, id), instructorInScope(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('指导员');
  if (opts.write) {
    const [own] = await tx
      .select({ id: instructors.id })
      .from(instructors)
      .where(and(eq(instructors.id, id), instructorInWriteScope(actor)));
    if (!own) throw new HttpError(403, 'forbidden', '该指导员由其所在行政区划登记和管理，您只能查看');
  }
  return row;
}
