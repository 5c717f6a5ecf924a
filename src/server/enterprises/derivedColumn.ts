import { type SQL, sql } from 'drizzle-orm';
import type { HistoryField } from '../../domain/enterprise/historyFields.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';

/**
 * Recomputes one column of the enterprises that is derived from other records (coverage by an
 * org, an instructor assigned): `after` is its new value, an SQL expression over the enterprise
 * `e`. Only the enterprises whose value moves are written, each change with its row in the
 * enterprise's history under `column.field`, in the caller's transaction.
 */
export async function refreshDerivedColumn(
  tx: Tx,
  actor: Actor,
  enterpriseIds: readonly number[],
  column: { name: 'has_instructor' | 'org_coverage'; field: HistoryField; after: SQL },
) {
  if (enterpriseIds.length === 0) return;
  const name = sql.identifier(column.name);
  await tx.execute(sql`
    with next as (
      select e.id, e.${name} as before, ${column.after} as after
      from enterprises e where e.id = any(${`{${[...new Set(enterpriseIds)].join(',')}}`}::int[])
    ), changed as (
      update enterprises e set ${name} = n.after, updated_at = now()
      from next n where e.id = n.id and n.before is distinct from n.after
      returning e.id, n.before, n.after
    )
    insert into enterprise_history (enterprise_id, field, before, after, actor_id, actor_name)
    select id, ${column.field}::text, to_jsonb(before), to_jsonb(after), ${actor.actorId}, ${actor.username} from changed`);
}
