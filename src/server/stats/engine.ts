// The coverage engine (rules.md §1–§3): one implementation behind the dashboard, the reports,
// the API and the CLI. Enterprises are grouped by every key a figure depends on — from the
// trigger-kept ledger_counts for today, or from dangjian_enterprise_facts for any date and
// for scopes narrower than a region — and the groups are summed per child region in
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
  KEY_WATCH_BAND,
  ratesOf,
  sumCounts,
} from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { HttpError } from '../errors.ts';
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

export interface RegionRef {
  code: string;
  name: string;
  prefix: string;
  level: number;
}

/** The region, if the actor may see it; 404 otherwise (its existence is not disclosed). */
export async function regionInScope(tx: Tx, actor: Actor, code: string): Promise<RegionRef> {
  const [r] = await queryRows<RegionRef>(tx, sql`select code, name, prefix, level from regions where code = ${code}`);
  if (!r?.prefix.startsWith(actor.scopePrefix)) throw new HttpError(404, 'not_found', '地区不存在或不在您的范围内');
  return r;
}

export async function childRegions(tx: Tx, parent: string): Promise<RegionRef[]> {
  return queryRows<RegionRef>(
    tx,
    sql`select code, name, prefix, level from regions where parent_code = ${parent} order by code`,
  );
}

/**
 * Whether today's kept counts can answer: they hold whole regions only, without industry,
 * and only once rolled to today: between midnight and the day roll they still hold
 * yesterday's coverage, and the facts answer instead (roll.ts).
 */
export async function countsCanAnswer(tx: Tx, actor: Actor, q: CoverageQuery, today: string): Promise<boolean> {
  if (q.date !== today || q.filter?.industry || actor.orgId !== null || actor.instructorId !== null) return false;
  return (await countsRolledTo(tx)) === today;
}

/** The survey scope (rules.md §2) as a condition on a kind and an employee-band column. */
export function surveySql(kind: SQL, band: SQL, s: CoverageSettings): SQL {
  return sql`${band} >= case when ${kind} = any(${`{${SOCIAL_ORGANIZATION_KINDS.join(',')}}`}::text[])
                        then ${bandFrom(s.surveyMinSocialOrgStaff)}::int else ${bandFrom(s.surveyMinEmployees)}::int end`;
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
 * code (the child regions' prefixes) and the keys the figures need — employee bands only as
 * far as 重点盯住 needs them, kinds not at all: the filters and the survey scope are applied
 * before grouping, which keeps a city to a few hundred groups.
 */
function groupsSql(
  q: CoverageQuery,
  region: RegionRef,
  source: 'counts' | 'facts',
  childLength: number,
  settings: CoverageSettings,
): SQL {
  const base =
    source === 'counts'
      ? sql`select region_code, in_scope, category, nullif(org_coverage, 'none') as org_coverage,
                   (org_coverage <> 'none' or has_instructor) as work_covered, band::int as band, kind, above_scale,
                   n::int as n, employees, members::int as members, full_members::int as full_members,
                   with_members::int as with_members
            from ledger_counts where ${prefixSql(sql`region_code`, region.prefix)} and n <> 0`
      : sql`select region_code, in_scope, category, org_coverage, work_covered, dangjian_band(employees)::int as band,
                   kind, above_scale, 1 as n, employees::bigint as employees, member_count as members,
                   full_member_count as full_members, (member_count > 0)::int as with_members
            from dangjian_enterprise_facts(${region.prefix}, ${q.date}::date)
            ${q.filter?.industry ? sql`where industry_code in (select code from industries where section = ${q.filter.industry} or code = ${q.filter.industry})` : sql``}`;
  const f = q.filter ?? {};
  const conditions: SQL[] = [sql`true`];
  if (f.kinds?.length) conditions.push(sql`g.kind = any(${`{${f.kinds.join(',')}}`}::text[])`);
  if (f.bands?.length) conditions.push(sql`g.band = any(${`{${f.bands.join(',')}}`}::int[])`);
  if (f.aboveScale !== undefined) conditions.push(sql`g.above_scale = ${f.aboveScale}`);
  if (q.scope === 'survey') conditions.push(surveySql(sql`g.kind`, sql`g.band`, settings));
  return sql`
    select left(g.region_code, ${childLength}) as child, g.in_scope as "inScope", g.category,
           g.org_coverage as "orgCoverage", g.work_covered as "workCovered",
           case when g.band >= ${KEY_WATCH_BAND}::int then ${KEY_WATCH_BAND}::int else 0 end as band,
           g.above_scale as "aboveScale", sum(g.n)::int as n, sum(g.employees)::bigint as employees,
           sum(g.members)::int as members, sum(g.full_members)::int as "fullMembers",
           sum(g.with_members)::int as "withMembers"
    from (${base}) g
    where ${sql.join(conditions, sql` and `)}
    group by 1, 2, 3, 4, 5, 6, 7`;
}

type TaggedGroup = CoverageGroup & { child: string };

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
  const source = (await countsCanAnswer(tx, actor, q, today)) ? 'counts' : 'facts';
  const kids = await childRegions(tx, region.code);
  const childLength = Math.max(region.prefix.length, ...kids.map((k) => k.prefix.length));
  // The kept counts are a few thousand rows that row-level security makes the planner guess
  // at a few hundred: it would sort them on disk rather than hash them.
  if (source === 'counts') await tx.execute(sql`set local enable_sort = off`);
  const groups = await queryRows<TaggedGroup>(tx, groupsSql(q, region, source, childLength, settings));
  if (source === 'counts') await tx.execute(sql`set local enable_sort = on`);
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
    g.kind = '';
    const c = byChild.get(child) ?? emptyCounts();
    // The survey scope was applied in SQL, before the kinds were grouped away.
    addGroup(c, g, 'all', settings);
    byChild.set(child, c);
  }
  const children = kids.map((k) => figuresOf(k, byChild.get(k.code) ?? emptyCounts()));
  const direct = byChild.get(region.code);
  if (direct) children.push(figuresOf({ ...region, name: `${region.name}（本级）` }, direct, true));
  const total = sumCounts(children);
  return { ...figuresOf(region, total), date: q.date, scope: q.scope, source, children };
}
