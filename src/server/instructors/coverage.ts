import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';

/**
 * Recomputes `enterprises.has_instructor` (an instructor or liaison assigned today, which
 * work coverage and the needs_instructor flag read) for the given enterprises, with a history
 * row per change. Every write to assignments calls this in the same transaction, as every
 * write to coverages calls refreshOrgCoverage.
 */
export async function refreshInstructorCoverage(tx: Tx, actor: Actor, enterpriseIds: readonly number[], today: string) {
  if (enterpriseIds.length === 0) return;
  await tx.execute(sql`
    with next as (
      select e.id, e.has_instructor as before,
             exists (select 1 from assignments a
                     where a.enterprise_id = e.id and a.start_on <= ${today}::date
                       and (a.end_on is null or a.end_on > ${today}::date)) as after
      from enterprises e where e.id = any(${`{${[...new Set(enterpriseIds)].join(',')}}`}::int[])
    ), changed as (
      update enterprises e set has_instructor = n.after, updated_at = now()
      from next n where e.id = n.id and n.before is distinct from n.after
      returning e.id, n.before, n.after
    )
    insert into enterprise_history (enterprise_id, field, before, after, actor_id, actor_name)
    select id, 'hasInstructor', to_jsonb(before), to_jsonb(after), ${actor.actorId}, ${actor.username} from changed`);
}
