import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { type LoadOptions, loadInScope } from '../db/loadInScope.ts';
import { members } from '../db/schema.ts';
import { memberInScope, memberInWriteScope } from './scope.ts';

export type MemberRow = typeof members.$inferSelect;

/**
 * The member, if the actor may see them; otherwise 404, as if absent. With `write`, a member
 * seen only as working in the actor's org (流入地) is refused with 403: their record belongs
 * to the org holding their relation.
 */
export function loadMember(tx: Tx, actor: Actor, id: number, opts: LoadOptions = {}): Promise<MemberRow> {
  return loadInScope(tx, members, id, memberInScope(tx, actor), '党员', opts, {
    scope: memberInWriteScope(tx, actor),
    refusal: '该党员的组织关系不在您管理的党组织，只能由其所在党组织办理',
  });
}
