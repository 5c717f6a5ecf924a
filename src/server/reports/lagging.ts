// 进展滞后督促清单 (reports.md §4, rules.md §9): child regions flagged lagging with the reasons,
// and the items to chase — enterprises that should form an org, key-watch enterprises,
// overdue re-elections and overdue development steps — each with who is responsible.
import { sql } from 'drizzle-orm';
import { compareDates } from '../../domain/calendarDate.ts';
import { DEVELOPMENT_DATES, type DevelopmentRecord, developmentOverdue } from '../../domain/org/development.ts';
import { electionStatus } from '../../domain/org/terms.ts';
import { type LaggingReason, laggingReasons } from '../../domain/reports/lagging.ts';
import { quarterDueOn } from '../../domain/reports/submission.ts';
import type { CoverageScope, CoverageSettings } from '../../domain/stats/coverage.ts';
import { previousQuarter, quarterOf, quarterRange } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { withoutJit } from '../db/jit.ts';
import { queryRows } from '../db/rows.ts';
import { developmentDatesSelect } from '../developments/record.ts';
import { regionInScope } from '../regions/scope.ts';
import { coverage, keyWatchSql, type RegionFigures } from '../stats/engine.ts';
import { notFuture, RegionFrame, scopeCondition } from './common.ts';
import { missedQuarters } from './laggingQuarterly.ts';
import { weakOrgsByRegion } from './laggingWeak.ts';

/** Each list carries at most this many rows (and its full total); the figures link to the whole list. */
export const LIST_LIMIT = 500;

export interface LaggingRegion {
  region: string;
  name: string;
  inScope: number;
  orgCovered: number;
  orgCoverageRate: number | null;
  previousRate: number | null;
  overdueReelections: number;
  /** Whether the quarterly report due before the date was submitted by its due date (and not returned since). */
  quarterlyFiled: boolean | null;
  lagging: boolean;
  reasons: LaggingReason[];
}

export interface Responsible {
  orgId: number | null;
  name: string;
}

export interface LaggingEnterprise {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  employees: number;
  fullMembers: number;
  responsible: Responsible;
}

export interface LaggingOrg {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  termEndsOn: string;
  daysOverdue: number;
  responsible: Responsible;
}

export interface LaggingDevelopment {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  regionCode: string;
  step: string;
  dueOn: string;
  message: string;
  responsible: Responsible;
}

interface List<T> {
  total: number;
  rows: T[];
}

export interface LaggingReport {
  report: 'lagging';
  region: string;
  name: string;
  date: string;
  scope: CoverageScope;
  previousDate: string;
  laggingPoints: number;
  orgCoverageRate: number | null;
  /** The quarterly report checked: the last one due before the date. */
  quarterly: { quarter: string; dueOn: string };
  /** Child regions flagged lagging. */
  regions: LaggingRegion[];
  /** Every child region with its figures, flagged or not. */
  children: LaggingRegion[];
  shouldForm: List<LaggingEnterprise>;
  keyWatch: List<LaggingEnterprise>;
  overdueReelections: List<LaggingOrg>;
  overdueDevelopments: List<LaggingDevelopment>;
}

/** The last quarter whose report fell due before the date. */
export function quarterDueBefore(date: string, dueDays: number): { quarter: string; dueOn: string } {
  let q = previousQuarter(quarterOf(date));
  for (;;) {
    const dueOn = quarterDueOn(q, dueDays);
    if (compareDates(dueOn, date) < 0) return { quarter: q, dueOn };
    q = previousQuarter(q);
  }
}

/**
 * Who answers for an item: the managing org (mo) of the org concerned (o), else that org
 * itself, else — for an enterprise no org covers — the committee of its region (r).
 */
const RESPONSIBLE = sql`coalesce(mo.id, o.id) as "responsibleId",
  coalesce(mo.name, o.name, r.name || '党委（属地）') as "responsibleName"`;

type WithResponsible<T> = T & { responsibleId: number | null; responsibleName: string; total: number };
const responsible = <T>({ responsibleId, responsibleName, total: _, ...r }: WithResponsible<T>) => ({
  ...(r as T),
  responsible: { orgId: responsibleId, name: responsibleName },
});

/** Enterprises in should_form or key_watch at the date; responsible: the covering org's managing org, else the region's committee. */
async function enterprises(
  tx: Tx,
  prefix: string,
  date: string,
  which: 'should_form' | 'key_watch',
  scope: CoverageScope,
  s: CoverageSettings,
): Promise<List<LaggingEnterprise>> {
  const cond = which === 'should_form' ? sql`f.category = 'should_form'` : keyWatchSql('f', s);
  const rows = await queryRows<WithResponsible<LaggingEnterprise>>(
    tx,
    sql`select f.enterprise_id as id, e.name, f.region_code as "regionCode", r.name as "regionName", f.employees,
               f.full_member_count as "fullMembers", ${RESPONSIBLE},
               count(*) over ()::int as total
        from dangjian_enterprise_facts(${prefix}, ${date}::date) f
        join enterprises e on e.id = f.enterprise_id
        join regions r on r.code = f.region_code
        left join lateral (
          select o.id, o.name, o.managing_org_id from org_coverages c join party_orgs o on o.id = c.org_id
          where c.enterprise_id = f.enterprise_id and c.start_on <= ${date}::date
            and (c.end_on is null or c.end_on > ${date}::date)
            and o.established_on <= ${date}::date and (o.dissolved_on is null or o.dissolved_on > ${date}::date)
          order by o.id limit 1
        ) o on true
        left join party_orgs mo on mo.id = o.managing_org_id
        where f.in_scope and ${cond} and ${scopeCondition(scope, s)}
        order by f.region_code, e.name, f.enterprise_id
        limit ${LIST_LIMIT}`,
  );
  return { total: rows[0]?.total ?? 0, rows: rows.map(responsible) };
}

/** Orgs in force at the date whose term (the last election by then) ended before it. */
async function overdueElections(tx: Tx, prefix: string, date: string): Promise<LaggingOrg[]> {
  const rows = await queryRows<WithResponsible<Omit<LaggingOrg, 'daysOverdue'>>>(
    tx,
    sql`select o.id, o.name, o.region_code as "regionCode", r.name as "regionName", t.ends_on::text as "termEndsOn",
               ${RESPONSIBLE}, 0 as total
        from party_orgs o
        join regions r on r.code = o.region_code
        join lateral (
          select ends_on from org_elections where org_id = o.id and elected_on <= ${date}::date
          order by elected_on desc, id desc limit 1
        ) t on true
        left join party_orgs mo on mo.id = coalesce(o.managing_org_id, o.parent_id)
        where o.region_code like ${`${prefix}%`} and o.established_on <= ${date}::date
          and (o.dissolved_on is null or o.dissolved_on > ${date}::date) and t.ends_on < ${date}::date
        order by t.ends_on, o.id`,
  );
  return rows.flatMap((r) => {
    const status = electionStatus(r.termEndsOn, date);
    return status.status === 'overdue' ? [{ ...responsible(r), daysOverdue: -status.daysLeft }] : [];
  });
}

/** Development steps overdue at the date, judged on what had been recorded by then (rules.md §6). */
async function overdueDevelopments(tx: Tx, prefix: string, date: string): Promise<LaggingDevelopment[]> {
  const rows = await queryRows<Record<string, unknown>>(
    tx,
    sql`select d.id, d.name, o.id as "orgId", o.name as "orgName", o.region_code as "regionCode",
               d.extension_months as "extensionMonths", ${RESPONSIBLE},
               ${developmentDatesSelect}
        from developments d join party_orgs o on o.id = d.org_id
        join regions r on r.code = o.region_code
        left join party_orgs mo on mo.id = coalesce(o.managing_org_id, o.parent_id)
        where o.region_code like ${`${prefix}%`} and d.applied_on <= ${date}::date
          and (d.closed_on is null or d.closed_on > ${date}::date)
        order by d.id`,
  );
  const out: LaggingDevelopment[] = [];
  for (const raw of rows) {
    // A step recorded after the date had not happened yet at the date.
    const record: DevelopmentRecord = { extensionMonths: Number(raw.extensionMonths ?? 0) };
    for (const c of DEVELOPMENT_DATES) {
      const v = raw[c] as string | null;
      if (v !== null && compareDates(v, date) <= 0) record[c] = v;
    }
    for (const item of developmentOverdue(record, date)) {
      out.push({
        id: raw.id as number,
        name: raw.name as string,
        orgId: raw.orgId as number,
        orgName: raw.orgName as string,
        regionCode: raw.regionCode as string,
        step: item.step,
        dueOn: item.dueOn,
        message: item.message,
        responsible: { orgId: raw.responsibleId as number, name: raw.responsibleName as string },
      });
    }
  }
  return out;
}

const ratio = (f: Pick<RegionFigures, 'orgCovered' | 'inScope'> | undefined) => ({
  n: f?.orgCovered ?? 0,
  d: f?.inScope ?? 0,
});

const limited = <T>(rows: T[]): List<T> => ({ total: rows.length, rows: rows.slice(0, LIST_LIMIT) });

/** The lagging list's regions part: what the dashboard's panel shows, without the lists of items to chase. */
export type LaggingRegions = Omit<
  LaggingReport,
  'shouldForm' | 'keyWatch' | 'overdueReelections' | 'overdueDevelopments'
>;

/**
 * The child regions with their figures and reasons (rules.md §9). The figures now and at the
 * previous quarter end come from the coverage engine (today's kept counts, a past date's
 * stored counts), so this part costs the region's size in regions, not in enterprises.
 */
async function laggingRegionsOf(
  tx: Tx,
  actor: Actor,
  q: { region: string; date: string; scope?: CoverageScope },
  settings: CoverageSettings,
  today: string,
): Promise<{ regions: LaggingRegions; lateElections: LaggingOrg[]; prefix: string }> {
  const region = await regionInScope(tx, actor, q.region);
  notFuture(q.date, today, 'date');
  const scope = q.scope ?? settings.defaultScope;
  const previousDate = quarterRange(previousQuarter(quarterOf(q.date))).to;
  const now = await coverage(tx, actor, { region: region.code, date: q.date, scope }, settings, today);
  const before = await coverage(tx, actor, { region: region.code, date: previousDate, scope }, settings, today);
  const quarterly = quarterDueBefore(q.date, settings.quarterlyDueDays);
  const frame = await RegionFrame.of(tx, region);
  const lateElections = await overdueElections(tx, region.prefix, q.date);
  const overdueBy = new Map<string, number>();
  for (const o of lateElections) {
    const key = frame.keyOf(o.regionCode);
    overdueBy.set(key, (overdueBy.get(key) ?? 0) + 1);
  }
  const missed = await missedQuarters(
    tx,
    frame.children.map((c) => c.code),
    quarterly,
    q.date,
  );
  const weak = new Map<string, number>();
  for (const [code, n] of await weakOrgsByRegion(tx, region.prefix, q.date)) {
    const key = frame.keyOf(code);
    weak.set(key, (weak.get(key) ?? 0) + n);
  }
  // Lagging is a region's state against its parent: the region's own level (本级) is not a region.
  const children = frame.children.map((c): LaggingRegion => {
    const n = now.children.find((x) => x.region === c.code);
    const b = before.children.find((x) => x.region === c.code);
    const missedQuarter = missed.get(c.code) ?? null;
    const overdue = overdueBy.get(c.code) ?? 0;
    const reasons = laggingReasons(
      {
        parent: ratio(now),
        now: ratio(n),
        before: ratio(b),
        previousDate,
        overdueReelections: overdue,
        missedQuarter,
        weakOrgs: weak.get(c.code) ?? 0,
      },
      settings.laggingPoints,
    );
    return {
      region: c.code,
      name: c.name,
      inScope: n?.inScope ?? 0,
      orgCovered: n?.orgCovered ?? 0,
      orgCoverageRate: n?.orgCoverageRate ?? null,
      previousRate: b?.orgCoverageRate ?? null,
      overdueReelections: overdue,
      quarterlyFiled: missedQuarter === null,
      lagging: reasons.length > 0,
      reasons,
    };
  });
  return {
    regions: {
      report: 'lagging',
      region: region.code,
      name: region.name,
      date: q.date,
      scope,
      previousDate,
      laggingPoints: settings.laggingPoints,
      orgCoverageRate: now.orgCoverageRate,
      quarterly,
      regions: children.filter((c) => c.lagging),
      children,
    },
    lateElections,
    prefix: region.prefix,
  };
}

export async function laggingRegions(
  tx: Tx,
  actor: Actor,
  q: { region: string; date: string; scope?: CoverageScope },
  settings: CoverageSettings,
  today: string,
): Promise<LaggingRegions> {
  await withoutJit(tx);
  return (await laggingRegionsOf(tx, actor, q, settings, today)).regions;
}

export async function laggingReport(
  tx: Tx,
  actor: Actor,
  q: { region: string; date: string; scope?: CoverageScope },
  settings: CoverageSettings,
  today: string,
): Promise<LaggingReport> {
  const { regions, lateElections, prefix } = await laggingRegionsOf(tx, actor, q, settings, today);
  return {
    ...regions,
    shouldForm: await enterprises(tx, prefix, q.date, 'should_form', regions.scope, settings),
    keyWatch: await enterprises(tx, prefix, q.date, 'key_watch', regions.scope, settings),
    overdueReelections: limited(lateElections),
    overdueDevelopments: limited(await overdueDevelopments(tx, prefix, q.date)),
  };
}
