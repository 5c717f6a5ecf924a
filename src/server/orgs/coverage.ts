import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';

/**
 * Recomputes `enterprises.org_coverage` (today's coverage, which the ledger's category is
 * generated from) for the given enterprises, and records each change in the enterprise's
 * history. Every write to orgs or coverages calls this in the same transaction, so the
 * ledger's categories move at once with the coverage.
 */
export async function refreshOrgCoverage(tx: Tx, actor: Actor, enterpriseIds: readonly number[], today: string) {
  if (enterpriseIds.length === 0) return;
  await tx.execute(sql`
    with next as (
      select e.id, e.org_coverage as before, dangjian_org_coverage(e.id, ${today}::date) as after
      from enterprises e where e.id = any(${`{${[...new Set(enterpriseIds)].join(',')}}`}::int[])
    ), changed as (
      update enterprises e set org_coverage = n.after, updated_at = now()
      from next n where e.id = n.id and n.before is distinct from n.after
      returning e.id, n.before, n.after
    )
    insert into enterprise_history (enterprise_id, field, before, after, actor_id, actor_name)
    select id, 'orgCoverage', to_jsonb(before), to_jsonb(after), ${actor.actorId}, ${actor.username} from changed`);
}
