// 作用发挥情况 (issue #15 item 9): for a year, one row per child region, 合计 first.
// Achievements and appraisals count by the org's region (the org that recorded or was appraised
// is the one credited). Owner engagement counts by the enterprise's region: a request to set up
// an org (要求建立党组织) comes from an enterprise that has no org yet, so the enterprise is the
// one place every kind of engagement has. Amounts are in 万元, summed in cents so 合计 is exact.
import { type SQL, sql } from 'drizzle-orm';
import { formatDate } from '../../domain/calendarDate.ts';
import {
  ACHIEVEMENT_COUNT_KEYS,
  ACHIEVEMENT_MONEY_KEYS,
  type AchievementCountKey,
  type AchievementRow,
} from '../../domain/reports/activityForms.ts';
import { type RegionKey, sumFields } from '../../domain/reports/rows.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import { annualAsOf } from './annual.ts';
import { RegionFrame } from './common.ts';

export interface AchievementsReport {
  report: 'achievements';
  region: string;
  name: string;
  year: number;
  asOf: string;
  partial: boolean;
  total: AchievementRow;
  rows: AchievementRow[];
}

type Counts = Record<AchievementCountKey, number>;
/** `n` is a count, or cents for an amount. */
type Tally = { regionCode: string; field: AchievementCountKey; n: number };

async function tallies(tx: Tx, prefix: string, year: number, asOf: string) {
  const like = `${prefix}%`;
  const from = formatDate(year, 1, 1);
  const queries: SQL[] = [
    // Achievements of the year, each kind with its figure of note: those recorded in it (on_date),
    // and the model posts and responsibility zones in force during it (from_on–to_on, inclusive;
    // from the day recorded when no start is given), whatever year they were recorded in.
    sql`select o.region_code as "regionCode", x.field, sum(x.n)::float8 as n
        from achievements a join party_orgs o on o.id = a.org_id
        cross join lateral (
          select case a.kind when 'proposal' then 'proposals' when 'pledge' then 'pledges'
            when 'problem_solved' then 'problemsSolved' when 'innovation' then 'innovations'
            when 'model_post' then 'modelPosts' when 'responsibility_zone' then 'responsibilityZones' end as field,
            1::numeric as n
          where a.kind <> 'contribution'
          union all select 'proposalsAdopted', 1 where a.kind = 'proposal' and a.adopted
          union all select 'pledgesFulfilled', 1 where a.kind = 'pledge' and a.fulfilled
          union all select 'innovationBenefit', round(a.benefit * 100) where a.kind = 'innovation' and a.benefit is not null
          union all select 'contribution', round(a.amount * 100) where a.kind = 'contribution'
        ) x
        where o.region_code like ${like}
          and case when a.kind in ('model_post', 'responsibility_zone')
            then coalesce(a.from_on, a.on_date) <= ${asOf}::date and (a.to_on is null or a.to_on >= ${from}::date)
            else a.on_date between ${from}::date and ${asOf}::date end
        group by 1, 2`,
    sql`select e.region_code as "regionCode", x.field, sum(x.n)::float8 as n
        from owner_engagements g join enterprises e on e.id = g.enterprise_id
        cross join lateral (
          select case g.kind when 'communication' then 'communications' when 'application' then 'applications'
            else 'orgRequests' end as field, 1::numeric as n
          where g.kind in ('communication', 'application', 'org_request')
          union all select 'funds', round(g.funds * 100) where g.funds is not null
        ) x
        where e.region_code like ${like} and g.occurred_on between ${from}::date and ${asOf}::date
        group by 1, 2`,
    // The year's appraisals (their own year, not the date they were made).
    sql`select o.region_code as "regionCode", x.field, count(*)::int as n
        from org_appraisals a join party_orgs o on o.id = a.org_id
        cross join lateral (
          select case a.grade when 'advanced' then 'orgAdvanced' when 'ordinary' then 'orgOrdinary'
            else 'orgLagging' end as field
          union all select 'orgWeak' where a.weak
        ) x
        where o.region_code like ${like} and a.year = ${year}
        group by 1, 2`,
    sql`select o.region_code as "regionCode",
          case a.result when 'excellent' then 'memberExcellent' when 'qualified' then 'memberQualified'
            when 'basically_qualified' then 'memberBasicallyQualified' else 'memberUnqualified' end as field,
          count(*)::int as n
        from member_appraisals a join party_orgs o on o.id = a.org_id
        where o.region_code like ${like} and a.year = ${year}
        group by 1, 2`,
  ];
  const out: Tally[] = [];
  for (const q of queries) out.push(...(await queryRows<Tally>(tx, q)));
  return out;
}

/** A row from its tallies: the amounts from cents to 万元. */
function finish(key: RegionKey, c: Counts): AchievementRow {
  const row = { ...key, ...c };
  for (const k of ACHIEVEMENT_MONEY_KEYS) row[k] = c[k] / 100;
  return row;
}

export async function achievementsReport(
  tx: Tx,
  actor: Actor,
  q: { region: string; year: number },
  today: string,
): Promise<AchievementsReport> {
  const region = await regionInScope(tx, actor, q.region);
  const { asOf, partial } = annualAsOf(q.year, today);
  const frame = await RegionFrame.of(tx, region);
  const counts = new Map<string, Counts>();
  const at = (key: string) => {
    const c = counts.get(key) ?? (Object.fromEntries(ACHIEVEMENT_COUNT_KEYS.map((k) => [k, 0])) as Counts);
    counts.set(key, c);
    return c;
  };
  for (const t of await tallies(tx, region.prefix, q.year, asOf)) at(frame.keyOf(t.regionCode))[t.field] += t.n;
  const keys = frame.keys(counts.has(region.code));
  const rows = keys.map((k) => finish(k, at(k.region)));
  const total = finish(
    { region: region.code, name: '合计' },
    sumFields(
      keys.map((k) => at(k.region)),
      ACHIEVEMENT_COUNT_KEYS,
    ),
  );
  return { report: 'achievements', region: region.code, name: region.name, year: q.year, asOf, partial, total, rows };
}
