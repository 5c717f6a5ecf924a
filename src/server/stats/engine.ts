// The coverage engine (rules.md §1–§3): one implementation behind the dashboard, the reports,
// the API and the CLI. Enterprises are grouped by every key a figure depends on — from the
// trigger-kept ledger_counts for today, from past_counts (the facts of a past date counted once
// and kept correct by triggers) for earlier dates, or from dangjian_enterprise_facts for
// industry filters and for scopes narrower than a region — and the groups are summed per child region in
// src/domain/stats/coverage.ts, so both sources yield the same figures by construction.
import { type SQL, sql } from 'drizzle-orm';
import type { LedgerCategory } from '../../domain/enterprise/categories.ts';
import { SOCIAL_ORGANIZATION_KINDS } from '../../domain/enterprise/codes.ts';
import {
  addGroup,
  bandFrom,
  type CoverageCounts,
  type CoverageGroup,
  type CoverageRates,
  type CoverageScope,
  type CoverageSettings,
  emptyCounts,
  ratesOf,
  sumCounts,
  thresholdsOnBandEdges,
} from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { type RegionRef, regionInScope } from '../regions/scope.ts';
import { countsRolledTo } from './roll.ts';

/** Narrowing filters of rules.md §1 (beyond region and date). */
export interface CoverageFilter {
  kinds?: string[];
  /** Band indexes (src/domain/stats/coverage.ts bandOf). */
  bands?: number[];
  aboveScale?: boolean;
  /** GB/T 4754 section letter or division code. */
  industry?: string;
}

export interface CoverageQuery {
  /** The region whose subtree is counted; its children are the rows. */
  region: string;
  date: string;
  scope: CoverageScope;
  filter?: CoverageFilter;
}

export interface RegionFigures extends CoverageCounts, CoverageRates {
  region: string;
  name: string;
  /** Enterprises registered at the region itself rather than in one of its children. */
  direct?: boolean;
}

export interface CoverageResult extends RegionFigures {
  date: string;
  scope: CoverageScope;
  /** Which source answered: the kept counts (today) or the facts as of the date. */
  source: 'counts' | 'facts';
  children: RegionFigures[];
}

export async function childRegions(tx: Tx, parent: string): Promise<RegionRef[]> {
  return queryRows<RegionRef>(
    tx,
    sql`select code, name, prefix, level from regions where parent_code = ${parent} order by code`,
  );
}

/**
 * Whether today's kept counts can answer: they hold whole regions only, without industry,
 * by employee band (so only for head-count thresholds on a band edge), and only once rolled
 * to today: between midnight and the day roll they still hold yesterday's coverage, and the
 * facts answer instead (roll.ts).
 */
export async function countsCanAnswer(
  tx: Tx,
  actor: Actor,
  q: CoverageQuery,
  today: string,
  settings: CoverageSettings,
): Promise<boolean> {
  if (q.date !== today || q.filter?.industry || actor.orgId !== null || actor.instructorId !== null) return false;
  if (!thresholdsOnBandEdges(settings, q.scope)) return false;
  return (await countsRolledTo(tx)) === today;
}

/**
 * Whether a past date can be answered from past_counts (migration 0025): the facts of that
 * date counted once by the keys of the kept counts and stored, for the same queries the kept
 * counts answer today.
 */
function pastCountsCanAnswer(actor: Actor, q: CoverageQuery, today: string, settings: CoverageSettings): boolean {
  if (q.date >= today || q.filter?.industry || actor.orgId !== null || actor.instructorId !== null) return false;
  return thresholdsOnBandEdges(settings, q.scope);
}

/**
 * The survey scope (rules.md §2) as a condition on a kind and a head count: `atLeast(n)` says
 * whether the row has n employees or more (an employees column, or a band of the counts).
 */
export function surveySql(kind: SQL, atLeast: (n: number) => SQL, s: CoverageSettings): SQL {
  return sql`(case when ${kind} = any(${`{${SOCIAL_ORGANIZATION_KINDS.join(',')}}`}::text[])
                   then ${atLeast(s.surveyMinSocialOrgStaff)} else ${atLeast(s.surveyMinEmployees)} end)`;
}

/** `atLeast` for a column of head counts. */
export const employeesAtLeast =
  (employees: SQL) =>
  (n: number): SQL =>
    sql`${employees} >= ${n}::int`;

/** `atLeast` for the counts' band column: only for thresholds on a band edge (countsCanAnswer). */
const bandAtLeast =
  (band: SQL) =>
  (n: number): SQL =>
    sql`${band} >= ${bandFrom(n)}::int`;

/** 重点盯住 (rules.md §3): in scope, not org-covered, with the settings' head count or more. */
export function keyWatchSql(f: string, s: CoverageSettings): SQL {
  return sql`(${sql.raw(f)}.in_scope and ${sql.raw(f)}.org_coverage is null and ${sql.raw(f)}.employees >= ${s.keyWatchEmployees}::int)`;
}

/**
 * A region prefix as range bounds beside the LIKE: comparisons are leakproof, so under
 * row-level security the index still serves them (LIKE alone reads the whole table).
 */
function prefixSql(column: SQL, prefix: string): SQL {
  if (prefix === '') return sql`true`;
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return sql`${column} >= ${prefix} and ${column} < ${upper} and ${column} like ${`${prefix}%`}`;
}

/**
 * The query's enterprises grouped by the leading `childLength` characters of their region
 * code (the child regions' prefixes) and the keys the figures need — head counts only as
 * far as 重点盯住 needs them, kinds not at all: the filters and the survey scope are applied
 * before grouping, which keeps a city to a few hundred groups.
 */
function groupsSql(
  q: CoverageQuery,
  region: RegionRef,
  source: Source,
  childLength: number,
  settings: CoverageSettings,
): SQL {
  const atLeast = source.from === 'facts' ? employeesAtLeast(sql`g.headcount`) : bandAtLeast(sql`g.band`);
  const base =
    source.from === 'counts'
      ? sql`select region_code, in_scope, category, nullif(org_coverage, 'none') as org_coverage,
                   (org_coverage <> 'none' or has_instructor) as work_covered, band::int as band, kind, above_scale,
                   n::int as n, employees, members::int as members, full_members::int as full_members,
                   with_members::int as with_members
            from ledger_counts where ${prefixSql(sql`region_code`, region.prefix)} and n <> 0`
      : source.from === 'past'
        ? sql`select region_code, in_scope, category, nullif(org_coverage, 'none') as org_coverage, work_covered,
                   band::int as band, kind, above_scale, n::int as n, employees, members::int as members,
                   full_members::int as full_members, with_members::int as with_members
            from past_counts where on_date = ${q.date}::date and within = ${source.within}
              and ${prefixSql(sql`region_code`, region.prefix)}`
        : sql`select region_code, in_scope, category, org_coverage, work_covered, dangjian_band(employees)::int as band,
                   employees as headcount, kind, above_scale, 1 as n, employees::bigint as employees, member_count as members,
                   full_member_count as full_members, (member_count > 0)::int as with_members
            from dangjian_enterprise_facts(${region.prefix}, ${q.date}::date)
            ${q.filter?.industry ? sql`where industry_code in (select code from industries where section = ${q.filter.industry} or code = ${q.filter.industry})` : sql``}`;
  const f = q.filter ?? {};
  const conditions: SQL[] = [sql`true`];
  if (f.kinds?.length) conditions.push(sql`g.kind = any(${`{${f.kinds.join(',')}}`}::text[])`);
  if (f.bands?.length) conditions.push(sql`g.band = any(${`{${f.bands.join(',')}}`}::int[])`);
  if (f.aboveScale !== undefined) conditions.push(sql`g.above_scale = ${f.aboveScale}`);
  if (q.scope === 'survey') conditions.push(surveySql(sql`g.kind`, atLeast, settings));
  return sql`
    select left(g.region_code, ${childLength}) as child, g.in_scope as "inScope", g.category,
           g.org_coverage as "orgCoverage", g.work_covered as "workCovered",
           ${atLeast(settings.keyWatchEmployees)} as large,
           g.above_scale as "aboveScale", sum(g.n)::int as n, sum(g.employees)::bigint as employees,
           sum(g.members)::int as members, sum(g.full_members)::int as "fullMembers",
           sum(g.with_members)::int as "withMembers"
    from (${base}) g
    where ${sql.join(conditions, sql` and `)}
    group by 1, 2, 3, 4, 5, 6, 7`;
}

type TaggedGroup = CoverageGroup & { child: string };

/** Where the groups come from: today's kept counts, a past date's stored counts (by the prefix they were filled for), or the facts. */
type Source = { from: 'counts' } | { from: 'past'; within: string } | { from: 'facts' };

async function sourceOf(
  tx: Tx,
  actor: Actor,
  q: CoverageQuery,
  region: RegionRef,
  settings: CoverageSettings,
  today: string,
): Promise<Source> {
  if (await countsCanAnswer(tx, actor, q, today, settings)) return { from: 'counts' };
  if (!pastCountsCanAnswer(actor, q, today, settings)) return { from: 'facts' };
  const [filled] = await queryRows<{ within: string }>(
    tx,
    sql`select dangjian_past_counts(${region.prefix}, ${q.date}::date) as within`,
  );
  return { from: 'past', within: filled!.within };
}

function figuresOf(region: RegionRef, counts: CoverageCounts, direct?: boolean): RegionFigures {
  return { region: region.code, name: region.name, ...(direct ? { direct } : {}), ...counts, ...ratesOf(counts) };
}

/**
 * Coverage figures for a region and each of its children as of a date. The total is the sum
 * of the child rows (enterprises registered at the region itself get a row of their own), and
 * every rate is recomputed from the summed counts.
 */
export async function coverage(
  tx: Tx,
  actor: Actor,
  q: CoverageQuery,
  settings: CoverageSettings,
  today: string,
): Promise<CoverageResult> {
  const region = await regionInScope(tx, actor, q.region);
  const source = await sourceOf(tx, actor, q, region, settings, today);
  const kids = await childRegions(tx, region.code);
  const childLength = Math.max(region.prefix.length, ...kids.map((k) => k.prefix.length));
  // The kept counts are a few thousand rows that row-level security makes the planner guess
  // at a few hundred: it would sort them on disk rather than hash them.
  const kept = source.from !== 'facts';
  if (kept) await tx.execute(sql`set local enable_sort = off`);
  const groups = await queryRows<TaggedGroup>(tx, groupsSql(q, region, source, childLength, settings));
  if (kept) await tx.execute(sql`set local enable_sort = on`);
  const childOf = new Map<string, string>();
  const byChild = new Map<string, CoverageCounts>();
  for (const g of groups) {
    let child = childOf.get(g.child);
    if (child === undefined) {
      child = kids.find((k) => g.child.startsWith(k.prefix))?.code ?? region.code;
      childOf.set(g.child, child);
    }
    g.employees = Number(g.employees);
    g.category = g.category as LedgerCategory;
    const c = byChild.get(child) ?? emptyCounts();
    addGroup(c, g);
    byChild.set(child, c);
  }
  const children = kids.map((k) => figuresOf(k, byChild.get(k.code) ?? emptyCounts()));
  const direct = byChild.get(region.code);
  if (direct) children.push(figuresOf({ ...region, name: `${region.name}（本级）` }, direct, true));
  const total = sumCounts(children);
  // Stored counts of a past date are the facts of that date, counted.
  const answeredBy = source.from === 'counts' ? 'counts' : 'facts';
  return { ...figuresOf(region, total), date: q.date, scope: q.scope, source: answeredBy, children };
}
