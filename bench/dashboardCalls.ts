/**
 * The dashboard page's other calls (issue #14 item 8): the page itself, the trend, the lagging
 * panel and the work prompts, each through the whole app as the city committee, against the
 * straightforward SQL computing what it answers, run beside it as the tables' owner. The
 * trend's and the lagging panel's totals are checked against that SQL. The trend's past
 * quarter ends are counted once and stored (migration 0025): the first request for a region,
 * and the first after a backdated change, are timed on their own.
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { addDays } from '../src/domain/calendarDate.ts';
import { weekMonday } from '../src/domain/casework/weeks.ts';
import { DEFAULT_KEY_WATCH_EMPLOYEES } from '../src/domain/enterprise/categories.ts';
import { previousQuarter, quarterOf, quarterRange, trendDates } from '../src/domain/stats/quarter.ts';
import type { Actor } from '../src/server/actor.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { inScope } from '../src/server/db/tx.ts';
import { refreshOrgCoverage } from '../src/server/orgs/coverage.ts';
import type { TestClient } from '../src/server/testing/client.ts';
import { today } from '../src/server/today.ts';
import type { BenchDatabase } from './db.ts';
import { type Summary, summarize, timed } from './stats.ts';

export interface CallTimes {
  call: string;
  region: string;
  app: Summary;
  baseline: Summary;
  /** app p95 / baseline p95: how many times the straightforward SQL's time the call takes. */
  p95Ratio: number;
}

export interface FillTimes {
  what: string;
  ms: number;
}

interface Region {
  code: string;
  name: string;
  prefix: string;
}

interface Totals {
  inScope: number;
  orgCovered: number;
  workCovered: number;
}

/** The figures as of a date, straight from the states, coverages and assignments. */
async function asOf(pg: pg.Client, prefix: string, date: string): Promise<Totals> {
  const { rows } = await pg.query(
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

/** The prompts' counts straight from the ledger, and the assignments that missed last week. */
async function promptCounts(pg: pg.Client, prefix: string) {
  const lastWeek = addDays(weekMonday(today()), -7);
  const { rows } = await pg.query(
    `select count(*) filter (where in_scope and category = 'should_form')::int as should_form,
            count(*) filter (where in_scope and org_coverage is null and employees >= $2)::int as key_watch,
            count(*) filter (where in_scope and category = 'joint_candidate')::int as joint_candidate,
            (select count(*)::int from assignments a join enterprises e on e.id = a.enterprise_id
             where e.region_code like $1 and a.start_on <= $3::date and (a.end_on is null or a.end_on > $4::date)
               and not exists (select 1 from contacts c where c.assignment_id = a.id
                                 and c.on_date >= $3::date and c.on_date < $3::date + 7)) as contact_missed
     from enterprises where region_code like $1`,
    [`${prefix}%`, DEFAULT_KEY_WATCH_EMPLOYEES, lastWeek, today()],
  );
  return rows[0] as Record<string, number>;
}

const same = (what: string, app: Totals, base: Totals) => {
  for (const k of ['inScope', 'orgCovered', 'workCovered'] as const)
    if (Number(app[k]) !== base[k]) throw new Error(`${what}: ${k}: the app says ${app[k]}, the SQL ${base[k]}`);
};

export async function dashboardCalls(
  db: BenchDatabase,
  client: TestClient,
  actor: Actor,
  regions: { city: Region; county: Region },
  opts: { requests: number; log: (s: string) => void },
): Promise<{ calls: CallTimes[]; fills: FillTimes[] }> {
  const get = async (path: string) => {
    const res = await client.get(path);
    if (res.status !== 200) throw new Error(`GET ${path} ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  const now = today();
  const dates = trendDates(now, 6);
  const previous = quarterRange(previousQuarter(quarterOf(now))).to;
  const trend = async (r: Region) => {
    const points = await get(`/api/stats/trend?region=${r.code}&quarters=6`);
    return { r, points };
  };
  const trendBase = async (r: Region) => Promise.all(dates.map((d) => asOf(db.pg, r.prefix, d.date)));
  const checkTrend = (app: { points: Totals[] }, base: Totals[]) =>
    base.forEach((b, i) => {
      same(`trend ${dates[i]!.quarter}`, app.points[i]!, b);
    });

  const fills: FillTimes[] = [];
  const fill = async (what: string, r: Region) => {
    const t = await timed(() => trend(r));
    checkTrend(t.value, await trendBase(r));
    fills.push({ what, ms: t.ms });
  };
  opts.log('dashboard calls: the first trend requests, which count the past quarter ends…');
  await fill(`trend, first request for ${regions.county.name} (5 quarter ends counted)`, regions.county);
  await fill(`trend, first request for ${regions.city.name} (5 quarter ends counted)`, regions.city);

  type Way = { call: string; app: (r: Region) => Promise<unknown>; baseline: (r: Region) => Promise<unknown> };
  const ways: Way[] = [
    {
      call: 'GET /api/dashboard',
      app: (r) => get(`/api/dashboard?region=${r.code}`),
      baseline: (r) => asOf(db.pg, r.prefix, now),
    },
    { call: 'GET /api/stats/trend', app: trend, baseline: trendBase },
    {
      call: 'GET /api/reports/lagging/regions',
      app: (r) => get(`/api/reports/lagging/regions?region=${r.code}`),
      baseline: (r) => Promise.all([asOf(db.pg, r.prefix, now), asOf(db.pg, r.prefix, previous)]),
    },
  ];
  const calls: CallTimes[] = [];
  const measure = async (call: string, r: Region, app: () => Promise<unknown>, base: () => Promise<unknown>) => {
    opts.log(`dashboard calls: ${call} for ${r.name}…`);
    await app();
    await base();
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < opts.requests; i++) {
      for (const way of i % 2 === 0 ? ['app', 'base'] : ['base', 'app']) {
        if (way === 'app') a.push((await timed(app)).ms);
        else b.push((await timed(base)).ms);
      }
    }
    const app95 = summarize(a);
    const base95 = summarize(b);
    calls.push({ call, region: r.code, app: app95, baseline: base95, p95Ratio: app95.p95 / base95.p95 });
  };
  for (const r of [regions.city, regions.county]) {
    for (const w of ways)
      await measure(
        w.call,
        r,
        () => w.app(r),
        () => w.baseline(r),
      );
  }
  // The prompts answer for the actor's own scope: the city.
  const prompts = await get('/api/prompts');
  const base = await promptCounts(db.pg, regions.city.prefix);
  for (const key of ['should_form', 'joint_candidate', 'contact_missed']) {
    const section = prompts.sections.find((s: { key: string }) => s.key === key);
    if (section.total !== base[key])
      throw new Error(`prompts ${key}: the app says ${section.total}, the SQL ${base[key]}`);
  }
  await measure(
    'GET /api/prompts',
    regions.city,
    () => get('/api/prompts'),
    () => promptCounts(db.pg, regions.city.prefix),
  );
  const lagging = await get(`/api/reports/lagging/regions?region=${regions.city.code}`);
  const cityNow = await asOf(db.pg, regions.city.prefix, now);
  const rate = cityNow.inScope ? cityNow.orgCovered / cityNow.inScope : null;
  if (Math.abs((lagging.orgCoverageRate ?? 0) - (rate ?? 0)) > 1e-9)
    throw new Error(`lagging: rate ${lagging.orgCoverageRate}, the SQL ${rate}`);

  opts.log('dashboard calls: a backdated coverage, then the trend again…');
  const [target] = await queryRows<{ id: number }>(
    db.database.db,
    sql`select id from enterprises where region_code like ${`${regions.county.prefix}%`} and in_scope
        and org_coverage is null and founded_on < ${dates[0]!.date}::date order by id limit 1`,
  );
  const since = addDays(dates[0]!.date, -30);
  await inScope(db.database.db, actor, async (tx) => {
    const [org] = await queryRows<{ id: number }>(
      tx,
      sql`insert into party_orgs (name, region_code, type, formation, established_on)
          values ('基准测试补录党支部', ${regions.county.code}, 'branch', 'standalone', ${since}::date) returning id`,
    );
    await tx.execute(
      sql`insert into org_coverages (org_id, enterprise_id, start_on) values (${org!.id}, ${target!.id}, ${since}::date)`,
    );
    await refreshOrgCoverage(tx, actor, [target!.id], now);
  });
  await fill(`trend, first request for ${regions.city.name} after a coverage backdated to ${since}`, regions.city);
  return { calls, fills };
}
