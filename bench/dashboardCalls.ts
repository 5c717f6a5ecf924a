/**
 * Every call the dashboard page makes for a committee user (issue #14 item 8), each through the
 * whole app against the straightforward SQL computing what it answers, run beside it as the
 * tables' owner (bench/dashboardSql.ts): the page (GET /api/dashboard), the trend, the lagging
 * panel, the work prompts and the header bell's to-do count, for the city as its committee and
 * for a county as the county's committee, with the query strings the page sends. The trend's,
 * the lagging panel's and the prompts' totals are checked against that SQL. The trend's past
 * quarter ends are counted once and stored (migration 0025): the first request for a region,
 * and the first after a backdated change, are timed on their own. Runs on PostgreSQL
 * (bench/dashboard.ts) and on PGlite (bench/dashboardPglite.ts).
 */
import { sql } from 'drizzle-orm';
import { addDays } from '../src/domain/calendarDate.ts';
import { previousQuarter, quarterOf, quarterRange, trendDates } from '../src/domain/stats/quarter.ts';
import type { Actor } from '../src/server/actor.ts';
import type { Database } from '../src/server/db/client.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { inScope } from '../src/server/db/tx.ts';
import { refreshOrgCoverage } from '../src/server/orgs/coverage.ts';
import type { TestClient } from '../src/server/testing/client.ts';
import { today } from '../src/server/today.ts';
import { asOf, asOfEach, promptCounts, type Sql, type Totals, todoReads } from './dashboardSql.ts';
import { type Summary, summarize, timed } from './stats.ts';

export interface CallTimes {
  call: string;
  region: string;
  app: Summary;
  baseline: Summary;
  /** app p95 / baseline p95: how many times the straightforward SQL's time the call takes. */
  p95Ratio: number;
  p50Ratio: number;
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

/** A region and its committee's signed-in client, with the actor it acts as. */
export interface RegionUser {
  region: Region;
  client: TestClient;
  actor: Actor;
}

const same = (what: string, app: Totals, base: Totals) => {
  for (const k of ['inScope', 'orgCovered', 'workCovered'] as const)
    if (Number(app[k]) !== base[k]) throw new Error(`${what}: ${k}: the app says ${app[k]}, the SQL ${base[k]}`);
};

export async function dashboardCalls(
  owner: { sql: Sql; database: Database },
  users: { city: RegionUser; county: RegionUser },
  opts: { requests: number; log: (s: string) => void },
): Promise<{ calls: CallTimes[]; fills: FillTimes[] }> {
  const get = async (u: RegionUser, path: string) => {
    const res = await u.client.get(path);
    if (res.status !== 200) throw new Error(`GET ${path} ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  };
  const now = today();
  const dates = trendDates(now, 6);
  const previous = quarterRange(previousQuarter(quarterOf(now))).to;
  // The query strings the page sends (src/web/pages/dashboard/): the date and scope are sent by
  // the trend and the lagging panel, not by the page's own call while the date is today.
  const trend = (u: RegionUser) =>
    get(u, `/api/stats/trend?region=${u.region.code}&date=${now}&scope=all&quarters=6`) as Promise<Totals[]>;
  const trendBase = (u: RegionUser) =>
    asOfEach(
      owner.sql,
      u.region.prefix,
      dates.map((d) => d.date),
    );
  const checkTrend = (app: Totals[], base: Totals[]) =>
    base.forEach((b, i) => {
      same(`trend ${dates[i]!.quarter}`, app[i]!, b);
    });

  const fills: FillTimes[] = [];
  const fill = async (what: string, u: RegionUser) => {
    const t = await timed(() => trend(u));
    checkTrend(t.value, await trendBase(u));
    fills.push({ what, ms: t.ms });
  };
  opts.log('dashboard calls: the first trend requests, which count the past quarter ends…');
  await fill(`trend, first request for ${users.county.region.name} (5 quarter ends counted)`, users.county);
  await fill(`trend, first request for ${users.city.region.name} (5 quarter ends counted)`, users.city);

  // Totals the app must agree with before anything is timed.
  for (const u of [users.city, users.county]) {
    const lagging = await get(u, `/api/reports/lagging/regions?region=${u.region.code}&date=${now}&scope=all`);
    const here = await asOf(owner.sql, u.region.prefix, now);
    const rate = here.inScope ? here.orgCovered / here.inScope : null;
    if (Math.abs((lagging.orgCoverageRate ?? 0) - (rate ?? 0)) > 1e-9)
      throw new Error(`lagging ${u.region.code}: rate ${lagging.orgCoverageRate}, the SQL ${rate}`);
    const prompts = await get(u, '/api/prompts');
    const base = await promptCounts(owner.sql, u.region.prefix, now);
    for (const key of ['should_form', 'joint_candidate', 'contact_missed']) {
      const section = prompts.sections.find((s: { key: string }) => s.key === key);
      if ((section?.total ?? 0) !== base[key])
        throw new Error(`prompts ${u.region.code} ${key}: the app says ${section?.total}, the SQL ${base[key]}`);
    }
  }

  type Way = { call: string; app: (u: RegionUser) => Promise<unknown>; baseline: (u: RegionUser) => Promise<unknown> };
  const ways: Way[] = [
    {
      call: 'GET /api/dashboard',
      app: (u) => get(u, `/api/dashboard?region=${u.region.code}`),
      baseline: (u) => asOf(owner.sql, u.region.prefix, now),
    },
    { call: 'GET /api/stats/trend', app: trend, baseline: trendBase },
    {
      call: 'GET /api/reports/lagging/regions',
      app: (u) => get(u, `/api/reports/lagging/regions?region=${u.region.code}&date=${now}&scope=all`),
      baseline: (u) => asOfEach(owner.sql, u.region.prefix, [now, previous]),
    },
    // The prompts and the bell answer for the user's own scope.
    {
      call: 'GET /api/prompts',
      app: (u) => get(u, '/api/prompts'),
      baseline: (u) => promptCounts(owner.sql, u.region.prefix, now),
    },
    {
      call: 'GET /api/todo/count',
      app: (u) => get(u, '/api/todo/count'),
      baseline: (u) => todoReads(owner.sql, u.region.prefix, now),
    },
  ];
  const calls: CallTimes[] = [];
  const measure = async (call: string, u: RegionUser, app: () => Promise<unknown>, base: () => Promise<unknown>) => {
    opts.log(`dashboard calls: ${call} for ${u.region.name}…`);
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
    const appTimes = summarize(a);
    const baseTimes = summarize(b);
    calls.push({
      call,
      region: u.region.code,
      app: appTimes,
      baseline: baseTimes,
      p95Ratio: appTimes.p95 / baseTimes.p95,
      p50Ratio: appTimes.p50 / baseTimes.p50,
    });
  };
  for (const u of [users.city, users.county])
    for (const w of ways)
      await measure(
        w.call,
        u,
        () => w.app(u),
        () => w.baseline(u),
      );

  opts.log('dashboard calls: a backdated coverage, then the trend again…');
  const county = users.county.region;
  const [target] = await queryRows<{ id: number }>(
    owner.database.db,
    sql`select id from enterprises where region_code like ${`${county.prefix}%`} and in_scope
        and org_coverage is null and founded_on < ${dates[0]!.date}::date order by id limit 1`,
  );
  if (!target) return { calls, fills };
  const since = addDays(dates[0]!.date, -30);
  const actor = users.city.actor;
  await inScope(owner.database.db, actor, async (tx) => {
    const [org] = await queryRows<{ id: number }>(
      tx,
      sql`insert into party_orgs (name, region_code, type, formation, established_on)
          values ('基准测试补录党支部', ${county.code}, 'branch', 'standalone', ${since}::date) returning id`,
    );
    await tx.execute(
      sql`insert into org_coverages (org_id, enterprise_id, start_on) values (${org!.id}, ${target.id}, ${since}::date)`,
    );
    await refreshOrgCoverage(tx, actor, [target.id], now);
  });
  await fill(`trend, first request for ${users.city.region.name} after a coverage backdated to ${since}`, users.city);
  return { calls, fills };
}
