// 非公有制企业党建工作情况统计表 (reports.md §2): one row per child region, 合计 first, as of
// 31 December (for the current year: as of today). Enterprise figures come from the coverage
// engine; orgs, elections and developments count by their org's region, instructors by their own.
import { type SQL, sql } from 'drizzle-orm';
import { compareDates, formatDate } from '../../domain/calendarDate.ts';
import { ORG_TYPES, type OrgType } from '../../domain/org/codes.ts';
import { ANNUAL_COUNT_KEYS, type AnnualCountKey, type AnnualRow, typeColumn } from '../../domain/reports/forms.ts';
import { type RegionKey, sumFields } from '../../domain/reports/rows.ts';
import { type CoverageScope, type CoverageSettings, rate } from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { HttpError } from '../errors.ts';
import { regionInScope } from '../regions/scope.ts';
import { coverage } from '../stats/engine.ts';
import { countsFrom, packed, type RemoteStanding, remotePackages } from '../upward/remote.ts';
import { RegionFrame, scopeCondition } from './common.ts';
import { massOrgAndCrossHoldingTallies } from './officerTallies.ts';

export interface AnnualReport {
  report: 'annual';
  region: string;
  name: string;
  year: number;
  /** 31 December, or today while the year is still running. */
  asOf: string;
  /** Whether the year is still running, so the figures are as of today. */
  partial: boolean;
  scope: CoverageScope;
  total: AnnualRow;
  rows: (AnnualRow & { remote?: RemoteStanding })[];
  /** Set when the region runs its own deployment: the figures are its package's (upward/remote.ts). */
  remote?: RemoteStanding;
}

type Counts = Record<AnnualCountKey, number>;
const emptyCounts = () => Object.fromEntries(ANNUAL_COUNT_KEYS.map((k) => [k, 0])) as Counts;

function finish(key: RegionKey, c: Counts): AnnualRow {
  return {
    ...key,
    ...c,
    orgCoverageRate: rate(c.orgCovered, c.inScope),
    workCoverageRate: rate(c.workCovered, c.inScope),
  };
}

/** The as-of date of a year's statistics, refused for a year that has not begun. */
export function annualAsOf(year: number, today: string): { asOf: string; partial: boolean } {
  const end = formatDate(year, 12, 31);
  if (compareDates(formatDate(year, 1, 1), today) > 0)
    throw new HttpError(400, 'validation', `year：${year} 年尚未开始`);
  return compareDates(end, today) > 0 ? { asOf: today, partial: true } : { asOf: end, partial: false };
}

/** Counts by region code and the field they go in (or the org type): each query below answers in this shape. */
type Tally = { regionCode: string; field: AnnualCountKey | OrgType; n: number };

const ORG_TYPE_CODES = new Set<string>(ORG_TYPES.map((t) => t.code));

async function tallies(tx: Tx, prefix: string, from: string, asOf: string, scope: CoverageScope, s: CoverageSettings) {
  const like = `${prefix}%`;
  const inForce = (o: string) =>
    sql`${sql.raw(o)}.established_on <= ${asOf}::date and (${sql.raw(o)}.dissolved_on is null or ${sql.raw(o)}.dissolved_on > ${asOf}::date)`;
  const queries: SQL[] = [
    // Orgs in force at the date, by type (joint branches are also counted on their own).
    sql`select region_code as "regionCode", type as field, count(*)::int as n
        from party_orgs o where region_code like ${like} and ${inForce('o')} group by 1, 2`,
    // Enterprises in scope with an instructor or liaison assigned at the date.
    sql`select f.region_code as "regionCode", 'assignedEnterprises' as field, count(*)::int as n
        from dangjian_enterprise_facts(${prefix}, ${asOf}::date) f
        where f.in_scope and ${scopeCondition(scope, s)} and exists (
          select 1 from assignments a where a.enterprise_id = f.enterprise_id
            and a.start_on <= ${asOf}::date and (a.end_on is null or a.end_on > ${asOf}::date))
        group by 1`,
    // Instructors and liaisons of the region (their own region) serving an assignment at the date.
    sql`select i.region_code as "regionCode", case i.kind when 'liaison' then 'liaisons' else 'instructors' end as field,
               count(*)::int as n
        from instructors i
        where i.region_code like ${like} and exists (
          select 1 from assignments a where a.instructor_id = i.id
            and a.start_on <= ${asOf}::date and (a.end_on is null or a.end_on > ${asOf}::date))
        group by 1, 2`,
    sql`select region_code as "regionCode", 'newOrgs' as field, count(*)::int as n
        from party_orgs where region_code like ${like} and established_on between ${from}::date and ${asOf}::date
        group by 1`,
    // Members developed: admitted as probationary members in the year.
    sql`select o.region_code as "regionCode", 'developed' as field, count(*)::int as n
        from developments d join party_orgs o on o.id = d.org_id
        where o.region_code like ${like} and d.admitted_on between ${from}::date and ${asOf}::date
        group by 1`,
    // Activists at the date: chosen as activists, not yet admitted, not closed (candidates included).
    sql`select o.region_code as "regionCode", 'activists' as field, count(*)::int as n
        from developments d join party_orgs o on o.id = d.org_id
        where o.region_code like ${like} and d.activist_on <= ${asOf}::date
          and (d.admitted_on is null or d.admitted_on > ${asOf}::date)
          and (d.closed_on is null or d.closed_on > ${asOf}::date)
        group by 1`,
    // Terms ending in the year up to the date (of orgs still in force then), and of those the
    // ones re-elected on or before the term's end.
    sql`select o.region_code as "regionCode", x.field, count(*)::int as n
        from org_elections e join party_orgs o on o.id = e.org_id
        cross join lateral (
          select 'termsDue' as field
          union all
          select 'reelectedOnTime' where exists (
            select 1 from org_elections n where n.org_id = e.org_id and n.elected_on > e.elected_on
              and n.elected_on <= e.ends_on)
        ) x
        where o.region_code like ${like} and e.ends_on between ${from}::date and ${asOf}::date
          and (o.dissolved_on is null or o.dissolved_on > e.ends_on)
        group by 1, 2`,
  ];
  const out: Tally[] = [];
  for (const q of queries) out.push(...(await queryRows<Tally>(tx, q)));
  out.push(...(await massOrgAndCrossHoldingTallies(tx, prefix, asOf, scope, s)));
  return out;
}

export async function annualReport(
  tx: Tx,
  actor: Actor,
  q: { region: string; year: number; scope?: CoverageScope },
  settings: CoverageSettings,
  today: string,
): Promise<AnnualReport> {
  const region = await regionInScope(tx, actor, q.region);
  const { asOf, partial } = annualAsOf(q.year, today);
  const scope = q.scope ?? settings.defaultScope;
  const frame = await RegionFrame.of(tx, region);
  const remote = await remotePackages(tx, [region.code, ...frame.children.map((c) => c.code)], String(q.year));
  const own = remote.get(region.code);
  if (own) {
    // A region with its own deployment: its package's rows, read-only.
    const p = packed(own, 'annual');
    const rows = (p?.rows ?? []).map((r) =>
      finish(
        { region: r.region, name: r.name, ...(r.direct ? { direct: true } : {}) },
        countsFrom(ANNUAL_COUNT_KEYS, r),
      ),
    );
    const total = finish({ region: region.code, name: '合计' }, sumFields(rows, ANNUAL_COUNT_KEYS));
    const packedScope = (p?.scope as CoverageScope | undefined) ?? scope;
    return {
      report: 'annual',
      region: region.code,
      name: region.name,
      year: q.year,
      asOf,
      partial,
      scope: packedScope,
      total,
      rows,
      remote: own.standing,
    };
  }
  const counts = new Map<string, Counts>();
  const at = (key: string) => {
    const c = counts.get(key) ?? emptyCounts();
    counts.set(key, c);
    return c;
  };
  const figures = await coverage(tx, actor, { region: region.code, date: asOf, scope }, settings, today);
  for (const f of figures.children) {
    Object.assign(at(f.region), {
      inScope: f.inScope,
      aboveScale: f.aboveScale,
      employees: f.employees,
      withMembers: f.withMembers,
      members: f.members,
      fullMembers: f.fullMembers,
      orgCovered: f.orgCovered,
      standalone: f.standalone,
      joint: f.joint,
      jointShouldStandalone: f.jointShouldStandalone,
      // A joint-covered enterprise with 3+ full members is 已建 (联合), flagged above; 未建 is the rest.
      shouldForm: f.categories.should_form - f.jointShouldStandalone,
      jointCandidate: f.categories.joint_candidate,
      noMember: f.categories.no_member,
      workCovered: f.workCovered,
    });
  }
  for (const t of await tallies(tx, region.prefix, formatDate(q.year, 1, 1), asOf, scope, settings)) {
    const c = at(frame.keyOf(t.regionCode));
    if (ORG_TYPE_CODES.has(t.field)) {
      c.orgs += t.n;
      c[typeColumn(t.field)] += t.n;
      if (t.field === 'joint_branch') c.jointBranches += t.n;
    } else {
      c[t.field as AnnualCountKey] += t.n;
    }
  }
  // A child region with its own deployment counts by its package (none: 未报, zeros).
  const rows = frame.keys(counts.has(region.code)).map((k) => {
    const r = remote.get(k.region);
    if (!r) return finish(k, at(k.region));
    return { ...finish(k, countsFrom(ANNUAL_COUNT_KEYS, packed(r, 'annual')?.total)), remote: r.standing };
  });
  const total = finish({ region: region.code, name: '合计' }, sumFields(rows, ANNUAL_COUNT_KEYS));
  return { report: 'annual', region: region.code, name: region.name, year: q.year, asOf, partial, scope, total, rows };
}
