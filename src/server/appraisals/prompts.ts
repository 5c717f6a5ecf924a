// The work prompts of rules.md §11: a 软弱涣散 org's rectification open (due until its
// deadline, overdue after), and a 不合格 member without a follow-up (due until the follow-up
// deadline, overdue after). Computed in SQL — a city holds tens of thousands of orgs — each
// section with its exact total and its first `limit` items, overdue first.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { PromptItem, PromptSection } from '../prompts/types.ts';

/** The actor's orgs on `o`, in force today (row-level security repeats the scope). */
function orgScope(actor: Actor, today: string) {
  const region = sql`o.region_code like ${`${actor.scopePrefix}%`} and (o.dissolved_on is null or o.dissolved_on > ${today}::date)`;
  return actor.orgId === null ? region : sql`${region} and o.id = ${actor.orgId}`;
}

interface Row {
  id: number;
  name: string;
  orgName: string;
  year: number;
  dueOn: string;
  overdue: boolean;
  total: number;
}

function section(key: PromptSection['key'], rows: Row[], item: (r: Row) => PromptItem): PromptSection {
  return { key, total: rows[0]?.total ?? 0, items: rows.map(item) };
}

export async function rectificationSection(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection> {
  const rows = await queryRows<Row>(
    tx,
    sql`select o.id, o.name, o.name as "orgName", a.year, a.rectification_due_on::text as "dueOn",
          a.rectification_due_on < ${today}::date as overdue, count(*) over ()::int as total
        from org_appraisals a join party_orgs o on o.id = a.org_id
        where a.weak and a.rectified_on is null and ${orgScope(actor, today)}
        order by a.rectification_due_on, o.id limit ${limit}`,
  );
  return section('rectification', rows, (r) => ({
    level: r.overdue ? 'overdue' : 'due',
    title: r.name,
    message: r.overdue
      ? `${r.year} 年度评定为软弱涣散，整顿期限 ${r.dueOn} 已过，尚未销号`
      : `${r.year} 年度评定为软弱涣散，整顿中，期限 ${r.dueOn}`,
    en: r.overdue
      ? `Judged weak and lax for ${r.year}: the rectification deadline ${r.dueOn} has passed and it is not closed`
      : `Judged weak and lax for ${r.year}: under rectification until ${r.dueOn}`,
    dueOn: r.dueOn,
    link: { type: 'org', id: r.id },
  }));
}

export async function followUpSection(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection> {
  const rows = await queryRows<Row>(
    tx,
    sql`select m.id, m.name, o.name as "orgName", a.year, a.follow_up_due_on::text as "dueOn",
          a.follow_up_due_on < ${today}::date as overdue, count(*) over ()::int as total
        from member_appraisals a join party_orgs o on o.id = a.org_id join members m on m.id = a.member_id
        where a.result = 'unqualified' and a.follow_up is null and m.org_id = a.org_id
          and (m.left_on is null or m.left_on > ${today}::date) and ${orgScope(actor, today)}
        order by a.follow_up_due_on, m.id limit ${limit}`,
  );
  return section('appraisal_follow_up', rows, (r) => ({
    level: r.overdue ? 'overdue' : 'due',
    title: `${r.name}（${r.orgName}）`,
    message: r.overdue
      ? `${r.year} 年度民主评议不合格，应于 ${r.dueOn} 前作出组织处置，已逾期`
      : `${r.year} 年度民主评议不合格，应于 ${r.dueOn} 前作出组织处置`,
    en: r.overdue
      ? `Unqualified in the ${r.year} review: the follow-up was due by ${r.dueOn} and is overdue`
      : `Unqualified in the ${r.year} review: a follow-up is due by ${r.dueOn}`,
    dueOn: r.dueOn,
    link: { type: 'member', id: r.id },
  }));
}

/** Both sections, for the work prompts and the to-do centre (every item is due or overdue). */
export async function appraisalSections(tx: Tx, actor: Actor, today: string, limit: number): Promise<PromptSection[]> {
  return [await rectificationSection(tx, actor, today, limit), await followUpSection(tx, actor, today, limit)];
}
