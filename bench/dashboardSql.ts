/**
 * The straightforward SQL the dashboard page's calls are set against (issue #14 item 8): what
 * each call answers, written plainly over the base tables and run as their owner (no row-level
 * security, no transaction), on PostgreSQL through `pg` or on PGlite through its own client.
 */
import { addDays } from '../src/domain/calendarDate.ts';
import { weekMonday } from '../src/domain/casework/weeks.ts';
import { DEFAULT_KEY_WATCH_EMPLOYEES } from '../src/domain/enterprise/categories.ts';
import { DEFAULT_MOBILE_MEMBER_MONTHS } from '../src/domain/org/transfer.ts';

/** One connection as the tables' owner: a `pg.Client`, or a PGlite. */
export interface Sql {
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Totals {
  inScope: number;
  orgCovered: number;
  workCovered: number;
}

/** The figures as of a date, straight from the states, coverages and assignments. */
export async function asOf(db: Sql, prefix: string, date: string): Promise<Totals> {
  const { rows } = await db.query(
    `with s as (select * from enterprise_states where region_code like $1 and valid_from <= $2 and valid_to > $2),
     cov as (select distinct c.enterprise_id from org_coverages c join party_orgs o on o.id = c.org_id
             where c.start_on <= $2 and (c.end_on is null or c.end_on > $2)
               and o.established_on <= $2 and (o.dissolved_on is null or o.dissolved_on > $2)),
     asg as (select distinct enterprise_id from assignments where start_on <= $2 and (end_on is null or end_on > $2))
     select count(*) filter (where s.in_scope)::int as "inScope",
            count(*) filter (where s.in_scope and cov.enterprise_id is not null)::int as "orgCovered",
            count(*) filter (where s.in_scope and (cov.enterprise_id is not null or asg.enterprise_id is not null))::int as "workCovered"
     from s left join cov using (enterprise_id) left join asg using (enterprise_id)`,
    [`${prefix}%`, date],
  );
  return rows[0];
}

/** One after the other: a client runs one statement at a time. */
export async function asOfEach(db: Sql, prefix: string, dates: string[]): Promise<Totals[]> {
  const out: Totals[] = [];
  for (const d of dates) out.push(await asOf(db, prefix, d));
  return out;
}

/** Assignments in force in the region whose last finished week went without a contact (one a week, the default). */
const contactMissed = (lastWeek: string, today: string) => `(select count(*)::int from assignments a
   join enterprises e on e.id = a.enterprise_id
   where e.region_code like $1 and a.start_on <= ${lastWeek}::date and (a.end_on is null or a.end_on > ${today}::date)
     and not exists (select 1 from contacts c where c.assignment_id = a.id
                       and c.on_date >= ${lastWeek}::date and c.on_date < ${lastWeek}::date + 7))`;

/** The prompts' counts straight from the ledger, and the assignments that missed last week. */
export async function promptCounts(db: Sql, prefix: string, today: string) {
  const lastWeek = addDays(weekMonday(today), -7);
  const { rows } = await db.query(
    `select count(*) filter (where in_scope and category = 'should_form')::int as should_form,
            count(*) filter (where in_scope and org_coverage is null and employees >= $2)::int as key_watch,
            count(*) filter (where in_scope and category = 'joint_candidate')::int as joint_candidate,
            ${contactMissed('$3', '$4')} as contact_missed
     from enterprises where region_code like $1`,
    [`${prefix}%`, DEFAULT_KEY_WATCH_EMPLOYEES, lastWeek, today],
  );
  return rows[0] as Record<string, number>;
}

/**
 * What the to-do count judges, read plainly: the live orgs of the region with the facts their
 * term and formation rules need (units covered, members, officers, the latest term), the open
 * development records, the letters without a receipt, the members away at a fixed place, the
 * restructurings, the requests left 30 days without an update and the assignments that missed
 * last week. The rules themselves (which org is due, which step is overdue) are the app's, in
 * JS; this is the reading they need, so the figure is a floor, not an equal answer.
 */
export async function todoReads(db: Sql, prefix: string, today: string) {
  const lastWeek = addDays(weekMonday(today), -7);
  const { rows } = await db.query(
    `select
       (select count(*)::int from party_orgs o
          left join lateral (select count(*) as units from org_coverages c where c.org_id = o.id
                               and c.start_on <= $3::date and (c.end_on is null or c.end_on > $3::date)) u on true
          left join lateral (select count(*) as n, count(*) filter (where status = 'full') as full,
                                    count(*) filter (where away_since is not null
                                      and away_since + make_interval(months => ${DEFAULT_MOBILE_MEMBER_MONTHS}) < $3::date) as mobile
                             from members m where m.org_id = o.id and m.left_on is null) m on true
          left join lateral (select count(*) as n from org_officers f where f.org_id = o.id and f.end_on is null) f on true
          left join lateral (select ends_on from org_elections t where t.org_id = o.id
                             order by elected_on desc, id desc limit 1) t on true
          where o.region_code like $1 and (o.dissolved_on is null or o.dissolved_on > $3::date)
            -- always true, so that every fact is read as the app's orgFacts reads it
            and u.units + m.n + m.full + m.mobile + f.n >= 0 and (t.ends_on is null or t.ends_on > '1900-01-01')) as orgs,
       (select count(*)::int from developments d join party_orgs o on o.id = d.org_id
          where o.region_code like $1 and d.closed_on is null and d.full_approved_on is null) as developments,
       (select count(*)::int from member_transfers t join party_orgs o on o.id = t.org_id
          where o.region_code like $1 and t.received_on is null) as transfers,
       (select count(*)::int from members m join party_orgs o on o.id = m.org_id
          where o.region_code like $1 and m.away_since is not null and m.away_fixed_place and m.left_on is null) as away,
       (select count(*)::int from restructurings r join enterprises e on e.id = r.enterprise_id
          where e.region_code like $1) as restructurings,
       (select count(*)::int from requests r join assignments a on a.id = r.assignment_id
          join enterprises e on e.id = a.enterprise_id
          where e.region_code like $1 and r.closed_on is null and r.last_update_on <= $3::date - 30) as request_silent,
       ${contactMissed('$2', '$3')} as contact_missed`,
    [`${prefix}%`, lastWeek, today],
  );
  return rows[0] as Record<string, number>;
}
