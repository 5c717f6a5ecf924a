// 非公企业新建党组织季报 (reports.md §1): Part A by child region, Part B one row per new org.
// Coverage figures come from the coverage engine; orgs are counted by their own region.
import { sql } from 'drizzle-orm';
import { compareDates } from '../../domain/calendarDate.ts';
import { FORMATIONS, ORG_TYPES } from '../../domain/org/codes.ts';
import {
  QUARTERLY_COUNT_KEYS,
  type QuarterlyCountKey,
  type QuarterlyRow,
  typeColumn,
} from '../../domain/reports/forms.ts';
import { changePoints, type RegionKey, sumFields } from '../../domain/reports/rows.ts';
import { type CoverageScope, type CoverageSettings, rate } from '../../domain/stats/coverage.ts';
import { previousQuarter, quarterRange } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { HttpError } from '../errors.ts';
import { regionInScope } from '../regions/scope.ts';
import { coverage } from '../stats/engine.ts';
import { countsFrom, packed, type RemoteStanding, remotePackages } from '../upward/remote.ts';
import { RegionFrame, scopeCondition } from './common.ts';

/** Part B: one new organization. */
export interface NewOrgLine {
  id: number;
  region: string;
  regionName: string;
  name: string;
  type: string;
  typeLabel: string;
  formation: string;
  formationLabel: string;
  /** Names of the enterprises it covers at the report date. */
  enterprises: string[];
  fullMembers: number;
  probationaryMembers: number;
  /** Whether members are recorded one by one (else the counts reported at founding are shown). */
  membersRecorded: boolean;
  secretary: string | null;
  establishedOn: string;
  approvedBy: string | null;
}

export interface QuarterlyReport {
  report: 'quarterly';
  region: string;
  name: string;
  quarter: string;
  from: string;
  to: string;
  /** The date figures are as of: the quarter end, or today for the quarter in progress. */
  asOf: string;
  previousQuarter: string;
  previousDate: string;
  scope: CoverageScope;
  total: QuarterlyRow;
  rows: (QuarterlyRow & { remote?: RemoteStanding })[];
  /** Part B; a child deployment's new orgs stay in its own deployment (its package has Part A only). */
  orgs: NewOrgLine[];
  /** Set when the region runs its own deployment: the figures are its package's (upward/remote.ts). */
  remote?: RemoteStanding;
}

const label = (list: readonly { code: string; label: string }[], code: string) =>
  list.find((x) => x.code === code)?.label ?? code;

function emptyCounts(): Record<QuarterlyCountKey, number> {
  return Object.fromEntries(QUARTERLY_COUNT_KEYS.map((k) => [k, 0])) as Record<QuarterlyCountKey, number>;
}

function finish(key: RegionKey, c: Record<QuarterlyCountKey, number>): QuarterlyRow {
  const now = rate(c.orgCovered, c.inScope);
  const before = rate(c.prevOrgCovered, c.prevInScope);
  return { ...key, ...c, orgCoverageRate: now, prevOrgCoverageRate: before, changePoints: changePoints(now, before) };
}

/** The new orgs of the region's subtree established from `from` to `asOf`, with Part B's facts as of `asOf`. */
async function newOrgs(tx: Tx, prefix: string, from: string, asOf: string) {
  return queryRows<Omit<NewOrgLine, 'typeLabel' | 'formationLabel'>>(
    tx,
    sql`select o.id, o.region_code as region, r.name as "regionName", o.name, o.type, o.formation,
          o.established_on::text as "establishedOn", o.approved_by as "approvedBy",
          coalesce(cov.names, '{}') as enterprises,
          coalesce(m.recorded, 0) > 0 as "membersRecorded",
          (case when m.recorded > 0 then m.full else coalesce(o.reported_full_count, 0) end)::int as "fullMembers",
          (case when m.recorded > 0 then m.recorded - m.full else coalesce(o.reported_probationary_count, 0) end)::int
            as "probationaryMembers",
          sec.person_name as secretary
        from party_orgs o
        join regions r on r.code = o.region_code
        left join lateral (
          select array_agg(e.name order by e.name) as names from org_coverages c join enterprises e on e.id = c.enterprise_id
          where c.org_id = o.id and c.start_on <= ${asOf}::date and (c.end_on is null or c.end_on > ${asOf}::date)
        ) cov on true
        left join lateral (
          -- Members holding their relation here at the date; full once their full date has passed.
          select count(*) as recorded,
                 count(*) filter (where (full_on is not null and full_on <= ${asOf}::date)
                                     or (full_on is null and status = 'full')) as full
          from members
          where org_id = o.id and relation_org_name is null and joined_on <= ${asOf}::date
            and (left_on is null or left_on > ${asOf}::date)
        ) m on true
        left join lateral (
          select person_name from org_officers
          where org_id = o.id and post = 'secretary' and (start_on is null or start_on <= ${asOf}::date)
            and (end_on is null or end_on > ${asOf}::date)
          order by start_on desc nulls last, id desc limit 1
        ) sec on true
        where o.region_code like ${`${prefix}%`} and o.established_on between ${from}::date and ${asOf}::date
        order by o.region_code, o.established_on, o.id`,
  );
}

/** Enterprises org-covered at `asOf` and not at `before`, by region, kind and band (for the survey scope). */
async function newlyCovered(
  tx: Tx,
  prefix: string,
  asOf: string,
  before: string,
  scope: CoverageScope,
  s: CoverageSettings,
) {
  return queryRows<{ regionCode: string; n: number }>(
    tx,
    sql`select f.region_code as "regionCode", count(*)::int as n
        from dangjian_enterprise_facts(${prefix}, ${asOf}::date) f
        left join dangjian_enterprise_facts(${prefix}, ${before}::date) p on p.enterprise_id = f.enterprise_id
        where f.in_scope and f.org_coverage is not null and p.org_coverage is null and ${scopeCondition(scope, s)}
        group by 1`,
  );
}

export async function quarterlyReport(
  tx: Tx,
  actor: Actor,
  q: { region: string; quarter: string; scope?: CoverageScope },
  settings: CoverageSettings,
  today: string,
): Promise<QuarterlyReport> {
  const region = await regionInScope(tx, actor, q.region);
  const { from, to } = quarterRange(q.quarter);
  if (compareDates(from, today) > 0) throw new HttpError(400, 'validation', `quarter：${q.quarter} 尚未开始`);
  const asOf = compareDates(to, today) > 0 ? today : to;
  const prevQuarter = previousQuarter(q.quarter);
  const previousDate = quarterRange(prevQuarter).to;
  const scope = q.scope ?? settings.defaultScope;
  const frame = await RegionFrame.of(tx, region);
  const remote = await remotePackages(tx, [region.code, ...frame.children.map((c) => c.code)], q.quarter);
  const head = {
    report: 'quarterly',
    region: region.code,
    name: region.name,
    quarter: q.quarter,
    from,
    to,
    asOf,
    previousQuarter: prevQuarter,
    previousDate,
  } as const;
  const own = remote.get(region.code);
  if (own) {
    // A region with its own deployment: its package's Part A, read-only.
    const p = packed(own, 'quarterly');
    const rows = (p?.rows ?? []).map((r) =>
      finish(
        { region: r.region, name: r.name, ...(r.direct ? { direct: true } : {}) },
        countsFrom(QUARTERLY_COUNT_KEYS, r),
      ),
    );
    const total = finish({ region: region.code, name: '合计' }, sumFields(rows, QUARTERLY_COUNT_KEYS));
    return {
      ...head,
      scope: (p?.scope as CoverageScope | undefined) ?? scope,
      total,
      rows,
      orgs: [],
      remote: own.standing,
    };
  }

  const counts = new Map<string, Record<QuarterlyCountKey, number>>();
  const at = (key: string) => {
    const c = counts.get(key) ?? emptyCounts();
    counts.set(key, c);
    return c;
  };
  const now = await coverage(tx, actor, { region: region.code, date: asOf, scope }, settings, today);
  const prev = await coverage(tx, actor, { region: region.code, date: previousDate, scope }, settings, today);
  for (const c of now.children) Object.assign(at(c.region), { orgCovered: c.orgCovered, inScope: c.inScope });
  for (const c of prev.children) Object.assign(at(c.region), { prevOrgCovered: c.orgCovered, prevInScope: c.inScope });
  for (const g of await newlyCovered(tx, region.prefix, asOf, previousDate, scope, settings)) {
    at(frame.keyOf(g.regionCode)).newlyCovered += g.n;
  }
  const orgs: NewOrgLine[] = [];
  for (const o of await newOrgs(tx, region.prefix, from, asOf)) {
    const c = at(frame.keyOf(o.region));
    c.newOrgs++;
    c[o.formation === 'joint' ? 'joint' : 'standalone']++;
    c[typeColumn(o.type)]++;
    orgs.push({ ...o, typeLabel: label(ORG_TYPES, o.type), formationLabel: label(FORMATIONS, o.formation) });
  }
  // A child region with its own deployment counts by its package (none: 未报, zeros).
  const rows = frame.keys(counts.has(region.code)).map((k) => {
    const r = remote.get(k.region);
    if (!r) return finish(k, at(k.region));
    return { ...finish(k, countsFrom(QUARTERLY_COUNT_KEYS, packed(r, 'quarterly')?.total)), remote: r.standing };
  });
  const total = finish({ region: region.code, name: '合计' }, sumFields(rows, QUARTERLY_COUNT_KEYS));
  return {
    report: 'quarterly',
    region: region.code,
    name: region.name,
    quarter: q.quarter,
    from,
    to,
    asOf,
    previousQuarter: prevQuarter,
    previousDate,
    scope,
    total,
    rows,
    orgs,
  };
}
