import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { poolSecretaries } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { poolSecretaryInScope, poolSecretaryInWriteScope } from './scope.ts';

export type PoolSecretaryRow = typeof poolSecretaries.$inferSelect;

/**
 * The pool secretary, if the actor may see them; otherwise 404, as if absent. With `write`,
 * one seen only because they serve an org of the actor's region is refused with 403: the
 * region keeping the pool manages them.
 */
export async function loadPoolSecretary(
  tx: Tx,
  actor: Actor,
  id: number,
  opts: { write?: boolean; forUpdate?: boolean } = {},
): Promise<PoolSecretaryRow> {
  const query = tx
    .select()
    .from(poolSecretaries)
    .where(and(eq(poolSecretaries.id, id), poolSecretaryInScope(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('下派书记库人员');
  if (opts.write) {
    const [own] = await tx
      .select({ id: poolSecretaries.id })
      .from(poolSecretaries)
      .where(and(eq(poolSecretaries.id, id), poolSecretaryInWriteScope(actor)));
    if (!own) throw new HttpError(403, 'forbidden', '该同志由其所在行政区划的书记库管理，您只能查看');
  }
  return row;
}
