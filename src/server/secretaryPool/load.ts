import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { type LoadOptions, loadInScope } from '../db/loadInScope.ts';
import { poolSecretaries } from '../db/schema.ts';
import { poolSecretaryInScope, poolSecretaryInWriteScope } from './scope.ts';

export type PoolSecretaryRow = typeof poolSecretaries.$inferSelect;

/**
 * The pool secretary, if the actor may see them; otherwise 404, as if absent. With `write`,
 * one seen only because they serve an org of the actor's region is refused with 403: the
 * region keeping the pool manages them.
 */
export function loadPoolSecretary(tx: Tx, actor: Actor, id: number, opts: LoadOptions = {}): Promise<PoolSecretaryRow> {
  return loadInScope(tx, poolSecretaries, id, poolSecretaryInScope(actor), '下派书记库人员', opts, {
    scope: poolSecretaryInWriteScope(actor),
    refusal: '该同志由其所在行政区划的书记库管理，您只能查看',
  });
}
