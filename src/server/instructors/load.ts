import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { type LoadOptions, loadInScope } from '../db/loadInScope.ts';
import { instructors } from '../db/schema.ts';
import { instructorInScope, instructorInWriteScope } from './scope.ts';

export type InstructorRow = typeof instructors.$inferSelect;

/**
 * The instructor, if the actor may see them; otherwise 404, as if absent. With `write`, one
 * seen only because they serve an enterprise of the actor's region is refused with 403: their
 * record belongs to the region that registered them.
 */
export function loadInstructor(tx: Tx, actor: Actor, id: number, opts: LoadOptions = {}): Promise<InstructorRow> {
  return loadInScope(tx, instructors, id, instructorInScope(actor), '指导员', opts, {
    scope: instructorInWriteScope(actor),
    refusal: '该指导员由其所在行政区划登记和管理，您只能查看',
  });
}
