// The work prompt of rules.md §10/§13: members on the roster with no recorded activity —
// meeting attended, open activity, transfer, development step, 外出登记, restored contact — for
// 6 calendar months, and no open lost-contact case: the org should reach them and, if they
// cannot be reached, record them as lost contact. Due from the day 6 months are full. Computed
// in SQL over the actor's orgs (a secretary's own), with its exact total and the first `limit`.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { PromptSection } from '../prompts/types.ts';
import { lastActivityOf } from './activity.ts';

interface Row {
  id: number;
  name: string;
  orgName: string;
  since: string;
  dueOn: string;
  total: number;
}

/** The members silent for 6 months as of `today` (interval arithmetic clamps month ends like addMonths). */
export async function silentMembers(tx: Tx, actor: Actor, today: string, limit: number): Promise<Row[]> {
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  const own = actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`;
  const day = sql`${today}::date`;
  return queryRows<Row>(
    tx,
    sql`select id, name, "orgName", since, "dueOn", count(*) over ()::int as total from (
          select m.id, m.name, o.name as "orgName", x.since, (x.since::date + interval '6 months')::date::text as "dueOn"
          from members m join party_orgs o on o.id = m.org_id
          cross join lateral (select coalesce(${lastActivityOf(day)}, m.joined_on::text) as since) x
          where m.left_on is null and o.region_code like ${`${actor.scopePrefix}%`} ${own}
            and not exists (select 1 from lost_contacts lc where lc.member_id = m.id and lc.outcome is null)
            and (x.since::date + interval '6 months')::date <= ${day}
        ) s order by since, id limit ${limit}`,
  );
}

export async function lostContactSection(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection> {
  const rows = await silentMembers(tx, actor, today, limit);
  return {
    key: 'lost_contact',
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      level: 'due',
      title: `${r.name}（${r.orgName}）`,
      message: `自 ${r.since} 起没有参加组织生活、组织关系转接等任何记录，已满 6 个月：请联系本人；确实无法取得联系的，登记为失联党员`,
      en: `No meeting, activity, transfer or other record since ${r.since} — 6 months or more: reach the member; if they cannot be reached, record them as lost contact`,
      dueOn: r.dueOn,
      link: { type: 'member', id: r.id },
    })),
  };
}
