import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';

/**
 * Record once (rules.md §7, ENGINEERING.md): once members are recorded with an enterprise as
 * their employer, its member counts are the roster's — active members (not left), full and
 * probationary, including those whose relation is held elsewhere, who count in the enterprise
 * though not in their org's thresholds. The counts are exact, so the “estimated” flag goes.
 * Each changed field gets its row in the enterprise's history; the ledger category is
 * generated from the counts and moves with them.
 *
 * Callers pass the enterprises a member write touched (the employer before and after): each
 * of them has had a member recorded, so follows the roster from then on, down to 0 when the
 * last one leaves or moves. An enterprise no member was ever recorded with keeps its imported
 * counts, since it is never passed here.
 *
 * The enterprise is updated under the actor's row-level security, but the roster is counted
 * by `dangjian_enterprise_roster` (migration 0009) over every member, whichever org holds them,
 * so an actor who sees only some of them cannot write counts that are too low.
 */
export async function refreshEnterpriseMembers(tx: Tx, actor: Actor, enterpriseIds: readonly (number | null)[]) {
  const ids = [...new Set(enterpriseIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return;
  await tx.execute(sql`
    with roster as (
      select e.id,
        e.member_count as before_members, e.full_member_count as before_full,
        e.full_member_estimated as before_estimated,
        r.members as n_members, r.full_members as n_full
      from enterprises e, lateral dangjian_enterprise_roster(e.id) r
      where e.id = any(${`{${ids.join(',')}}`}::int[])
    ), changed as (
      update enterprises e
      set member_count = r.n_members, full_member_count = r.n_full, full_member_estimated = false, updated_at = now()
      from roster r
      where e.id = r.id
        and (r.before_members <> r.n_members or r.before_full <> r.n_full or r.before_estimated)
      returning e.id, r.before_members, r.n_members, r.before_full, r.n_full, r.before_estimated
    )
    insert into enterprise_history (enterprise_id, field, before, after, actor_id, actor_name)
    select id, f.field, f.before, f.after, ${actor.actorId}, ${actor.username}
    from changed, lateral (values
      ('memberCount', to_jsonb(before_members), to_jsonb(n_members)),
      ('fullMemberCount', to_jsonb(before_full), to_jsonb(n_full)),
      ('fullMemberEstimated', to_jsonb(before_estimated), to_jsonb(false))
    ) as f(field, before, after)
    where f.before is distinct from f.after`);
}
