/**
 * The dashboard benchmark (issue #6): the coverage figures of the city and of one county, as
 * the app answers them — GET /api/stats/coverage through the whole app (session, permission,
 * the day's roll check, a transaction as dangjian_app under row-level security, the coverage
 * engine summing the trigger-kept ledger_counts, JSON) — against the straightforward GROUP BY
 * over the base table computing the same figures, run beside it with pg as the table's owner.
 * Every answer is compared with its GROUP BY. Then "never stale": writes committed the way
 * the app commits them, each followed at once by requests whose figures must equal the GROUP BY.
 */

import os from 'node:os';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { DEFAULT_KEY_WATCH_EMPLOYEES } from '../src/domain/enterprise/categories.ts';
import { type CoverageCounts, emptyCounts } from '../src/domain/stats/coverage.ts';
import type { Actor } from '../src/server/actor.ts';
import { createApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { queryRows } from '../src/server/db/rows.ts';
import { inScope } from '../src/server/db/tx.ts';
import { refreshInstructorCoverage } from '../src/server/instructors/coverage.ts';
import { keysFrom } from '../src/server/keys.ts';
import { refreshOrgCoverage } from '../src/server/orgs/coverage.ts';
import { TestClient } from '../src/server/testing/client.ts';
import { signIn } from '../src/server/testing/fixture.ts';
import { today } from '../src/server/today.ts';
import { type CoverageData, checkKeptTables, loadCoverageData } from './coverageData.ts';
import { type CallTimes, dashboardCalls, type FillTimes } from './dashboardCalls.ts';
import { CITY } from './data.ts';
import { BENCH_PASSWORD, type BenchDatabase, cityCommittee } from './db.ts';
import { type Summary, summarize, timed } from './stats.ts';

export interface RegionTimes {
  region: string;
  name: string;
  /** Enterprises under the region. */
  enterprises: number;
  app: Summary;
  baseline: Summary;
  /** baseline / app: how many times faster the app answers. */
  p95Speedup: number;
  p50Speedup: number;
  samples: { appMs: number; baselineMs: number }[];
}

export interface StaleCheck {
  change: string;
  /** The committed write transaction, triggers included. */
  writeMs: number;
  /** Figures of the first request after it, city and county, each equal to its GROUP BY. */
  city: Record<string, number>;
  county: Record<string, number>;
  cityDelta: Record<string, number>;
  countyDelta: Record<string, number>;
}

export interface DashboardFigures {
  data: CoverageData;
  requests: number;
  baselineRole: string;
  city: RegionTimes;
  county: RegionTimes;
  neverStale: StaleCheck[];
  /** The page's other calls against their SQL, and the first trend requests (issue #14 item 8). */
  calls: CallTimes[];
  fills: FillTimes[];
  loadAverage: { start: number[]; end: number[] };
}

type Counts = CoverageCounts;
type FiguresResponse = Counts & {
  region: string;
  name: string;
  source: string;
  children: (Counts & { region: string })[];
};

const FIELDS = [
  'inScope',
  'closed',
  'orgCovered',
  'standalone',
  'joint',
  'workCovered',
  'aboveScale',
  'employees',
  'withMembers',
  'members',
  'fullMembers',
] as const;

/** The counts as one flat record, for comparing and reporting. */
function flat(c: Counts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of FIELDS) out[f] = Number(c[f]);
  for (const [k, v] of Object.entries(c.categories)) out[`category.${k}`] = Number(v);
  for (const [k, v] of Object.entries(c.flags)) out[`flag.${k}`] = Number(v);
  return out;
}

/**
 * The straightforward GROUP BY: one pass over the region's enterprises, grouped by the child
 * region's prefix, every figure a filtered count or sum of the ledger's own columns
 * (org_coverage and has_instructor are the ledger's columns of today's coverage). Scope “all”,
 * the deployment's default, as the app answers.
 */
const BASELINE_SQL = `
  select left(region_code, $2) as p,
    count(*) filter (where in_scope)::int as "inScope",
    count(*) filter (where not in_scope)::int as closed,
    count(*) filter (where in_scope and org_coverage is not null)::int as "orgCovered",
    count(*) filter (where in_scope and org_coverage = 'standalone')::int as standalone,
    count(*) filter (where in_scope and org_coverage = 'joint')::int as joint,
    count(*) filter (where in_scope and (org_coverage is not null or has_instructor))::int as "workCovered",
    count(*) filter (where in_scope and category = 'standalone')::int as "category.standalone",
    count(*) filter (where in_scope and category = 'joint')::int as "category.joint",
    count(*) filter (where in_scope and category = 'should_form')::int as "category.should_form",
    count(*) filter (where in_scope and category = 'joint_candidate')::int as "category.joint_candidate",
    count(*) filter (where in_scope and category = 'no_member')::int as "category.no_member",
    count(*) filter (where in_scope and org_coverage is null and employees >= ${DEFAULT_KEY_WATCH_EMPLOYEES})::int as "flag.key_watch",
    count(*) filter (where in_scope and org_coverage is null and not has_instructor)::int as "flag.needs_instructor",
    count(*) filter (where in_scope and above_scale)::int as "aboveScale",
    coalesce(sum(employees) filter (where in_scope), 0)::bigint as employees,
    count(*) filter (where in_scope and member_count > 0)::int as "withMembers",
    coalesce(sum(member_count) filter (where in_scope), 0)::int as members,
    coalesce(sum(full_member_count) filter (where in_scope), 0)::int as "fullMembers"
  from enterprises where region_code like $1 group by 1`;

export interface RegionInfo {
  code: string;
  name: string;
  prefix: string;
  /** Child prefix → child code. */
  kids: Map<string, string>;
  kidPrefixLength: number;
}

async function regionInfo(client: pg.Client, code: string): Promise<RegionInfo> {
  const { rows: r } = await client.query('select code, name, prefix from regions where code = $1', [code]);
  const { rows: kids } = await client.query('select code, prefix from regions where parent_code = $1', [code]);
  const lengths = new Set(kids.map((k) => k.prefix.length));
  if (lengths.size !== 1) throw new Error(`${code}: children with prefixes of ${[...lengths].join(', ')} characters`);
  return {
    ...r[0],
    kids: new Map(kids.map((k) => [k.prefix, k.code])),
    kidPrefixLength: [...lengths][0],
  };
}

/** The GROUP BY's figures per child region (enterprises registered at the region itself under its own code). */
export async function baselineFigures(client: pg.Client, r: RegionInfo): Promise<Map<string, Record<string, number>>> {
  const { rows } = await client.query(BASELINE_SQL, [`${r.prefix}%`, r.kidPrefixLength]);
  const out = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const child = r.kids.get(row.p) ?? r.code;
    const sum = out.get(child) ?? flat(emptyCounts());
    for (const k of Object.keys(sum)) sum[k] += Number(row[k]);
    out.set(child, sum);
  }
  return out;
}

/** Throws unless the app's figures equal the GROUP BY's, child by child and in total. */
function compare(what: string, app: FiguresResponse, base: Map<string, Record<string, number>>) {
  const zero = flat(emptyCounts());
  const total = flat(emptyCounts());
  const seen = new Set<string>();
  for (const child of app.children) {
    const a = flat(child);
    const b = base.get(child.region) ?? zero;
    seen.add(child.region);
    for (const k of Object.keys(a)) {
      if (a[k] !== b[k]) throw new Error(`${what}: ${child.region} ${k}: the app says ${a[k]}, the GROUP BY ${b[k]}`);
      total[k] += b[k];
    }
  }
  for (const [child, b] of base) {
    if (!seen.has(child) && Object.values(b).some((v) => v !== 0))
      throw new Error(`${what}: the GROUP BY has enterprises in ${child}, the app no row for it`);
  }
  const a = flat(app);
  for (const k of Object.keys(a))
    if (a[k] !== total[k]) throw new Error(`${what}: total ${k}: the app says ${a[k]}, the GROUP BY ${total[k]}`);
  return a;
}

const delta = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(
    Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .map((k) => [k, after[k] - before[k]]),
  );

export async function dashboardBenchmark(
  db: BenchDatabase,
  committee: { actor: Actor; username: string },
  opts: { rows: number; requests: number; log: (s: string) => void; data?: CoverageData },
): Promise<DashboardFigures> {
  const loadStart = os.loadavg();
  const data = opts.data ?? (await loadCoverageData(db.pg, opts.rows, opts.log));
  const { log } = opts;

  const keys = keysFrom(Buffer.alloc(32, 7));
  const app = createApp({ database: db.database, keys, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
  const client = new TestClient(app, '10.42.0.6');
  await signIn(client, committee.username, BENCH_PASSWORD);

  const city = await regionInfo(db.pg, CITY);
  // The county with the most enterprises: the dashboard's heaviest county.
  const { rows: top } = await db.pg.query(
    `select left(region_code, 6) as code, count(*)::int as n from enterprises where region_code like $1
     group by 1 order by 2 desc limit 1`,
    [`${city.prefix}%`],
  );
  const county = await regionInfo(db.pg, top[0].code);
  const sizes = new Map<string, number>([
    [city.code, data.rows],
    [county.code, top[0].n],
  ]);

  const ask = async (r: RegionInfo): Promise<FiguresResponse> => {
    const res = await client.get(`/api/stats/coverage?region=${r.code}`);
    if (res.status !== 200) throw new Error(`GET /api/stats/coverage ${res.status}: ${JSON.stringify(res.body)}`);
    if (res.body.source !== 'counts') throw new Error(`today's figures came from ${res.body.source}, not the counts`);
    return res.body;
  };
  const both = async (r: RegionInfo, what: string) => {
    const a = await ask(r);
    return compare(what, a, await baselineFigures(db.pg, r));
  };

  log('dashboard: warming up…');
  for (let i = 0; i < 3; i++) for (const r of [city, county]) await both(r, 'warm-up');

  log(`dashboard: ${opts.requests} requests each way, for the city and for ${county.name}…`);
  const times = new Map<string, { app: number[]; baseline: number[] }>();
  for (const r of [city, county]) times.set(r.code, { app: [], baseline: [] });
  for (let i = 0; i < opts.requests; i++) {
    for (const r of [city, county]) {
      const t = times.get(r.code)!;
      // Alternate which goes first, so neither always finds the other's pages in the cache.
      let answer: FiguresResponse | undefined;
      let base: Map<string, Record<string, number>> | undefined;
      for (const way of i % 2 === 0 ? ['app', 'baseline'] : ['baseline', 'app']) {
        if (way === 'app') {
          const a = await timed(() => ask(r));
          t.app.push(a.ms);
          answer = a.value;
        } else {
          const b = await timed(() => baselineFigures(db.pg, r));
          t.baseline.push(b.ms);
          base = b.value;
        }
      }
      compare(`request ${i} for ${r.code}`, answer!, base!);
    }
  }
  const regionTimes = (r: RegionInfo): RegionTimes => {
    const t = times.get(r.code)!;
    const app = summarize(t.app);
    const baseline = summarize(t.baseline);
    return {
      region: r.code,
      name: r.name,
      enterprises: sizes.get(r.code)!,
      app,
      baseline,
      p95Speedup: baseline.p95 / app.p95,
      p50Speedup: baseline.p50 / app.p50,
      samples: t.app.map((appMs, i) => ({ appMs, baselineMs: t.baseline[i] })),
    };
  };

  // The county's own committee, for the calls that answer for the user's scope (prompts, to-dos).
  const countyUser = await cityCommittee(db.database, county.code, 'bench_county');
  const countyClient = new TestClient(app, '10.42.0.7');
  await signIn(countyClient, 'bench_county', BENCH_PASSWORD);
  const { calls, fills } = await dashboardCalls(
    { sql: db.pg, database: db.database },
    {
      city: { region: city, client, actor: committee.actor },
      county: { region: county, client: countyClient, actor: countyUser.actor },
    },
    { requests: Math.max(5, Math.round(opts.requests / 2)), log },
  );

  log('dashboard: never stale…');
  const neverStale = await staleChecks(db, committee.actor, county, city, ask);
  await checkKeptTables(db.pg, 'after the changes');

  return {
    data,
    requests: opts.requests,
    baselineRole: 'owner (no row-level security), one pg connection',
    city: regionTimes(city),
    county: regionTimes(county),
    neverStale,
    calls,
    fills,
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
}

/**
 * Changes committed as the app commits them, each followed at once by one request for the
 * city and one for the county, whose figures must equal the GROUP BY's and move by exactly
 * the change.
 */
async function staleChecks(
  db: BenchDatabase,
  actor: Actor,
  county: RegionInfo,
  city: RegionInfo,
  ask: (r: RegionInfo) => Promise<FiguresResponse>,
): Promise<StaleCheck[]> {
  const like = `${county.prefix}%`;
  const ids = async (where: string, n: number): Promise<number[]> =>
    (
      await db.pg.query(`select id from enterprises where region_code like $1 and ${where} order by id limit ${n}`, [
        like,
      ])
    ).rows.map((r) => r.id);
  const figures = async (what: string) => ({
    city: compare(`${what}, city`, await ask(city), await baselineFigures(db.pg, city)),
    county: compare(`${what}, county`, await ask(county), await baselineFigures(db.pg, county)),
  });
  const out: StaleCheck[] = [];
  let before = await figures('before the changes');
  const step = async (change: string, write: () => Promise<unknown>, expect: Record<string, number>) => {
    const w = await timed(write);
    const after = await figures(`after: ${change}`);
    const check: StaleCheck = {
      change,
      writeMs: w.ms,
      city: after.city,
      county: after.county,
      cityDelta: delta(after.city, before.city),
      countyDelta: delta(after.county, before.county),
    };
    for (const [k, v] of Object.entries(expect)) {
      if (check.cityDelta[k] !== v || check.countyDelta[k] !== v)
        throw new Error(
          `${change}: ${k} moved by ${check.cityDelta[k]} (city), ${check.countyDelta[k]} (county), not ${v}`,
        );
    }
    out.push(check);
    before = after;
  };

  const toCover = await ids('in_scope and org_coverage is null', 1000);
  await step(
    `1000 uncovered enterprises of ${county.code} covered by a new joint org (as the committee user, refreshOrgCoverage)`,
    () =>
      inScope(db.database.db, actor, async (tx) => {
        const [org] = await queryRows<{ id: number }>(
          tx,
          sql`insert into party_orgs (name, region_code, type, formation, joint_basis, established_on)
              values ('基准测试联合党支部', ${county.code}, 'joint_branch', 'joint', 'area', ${today()}::date) returning id`,
        );
        await tx.execute(sql`
          insert into org_coverages (org_id, enterprise_id, start_on)
          select ${org.id}, id, ${today()}::date from unnest(${`{${toCover.join(',')}}`}::int[]) id`);
        await refreshOrgCoverage(tx, actor, toCover, today());
      }),
    { orgCovered: 1000, joint: 1000 },
  );

  const toAssign = await ids('in_scope and org_coverage is null and not has_instructor', 500);
  await step(
    `500 enterprises of ${county.code} without party work given an instructor (refreshInstructorCoverage)`,
    () =>
      inScope(db.database.db, actor, async (tx) => {
        await tx.execute(sql`
          insert into assignments (instructor_id, enterprise_id, start_on)
          select (select min(id) from instructors), id, ${today()}::date from unnest(${`{${toAssign.join(',')}}`}::int[]) id`);
        await refreshInstructorCoverage(tx, actor, toAssign, today());
      }),
    { workCovered: 500, 'flag.needs_instructor': -500 },
  );

  const toClose = await ids(`in_scope and registration_status = 'active'`, 500);
  await step(
    `500 enterprises of ${county.code} revoked by a plain UPDATE`,
    () =>
      db.pg.query(
        `update enterprises set registration_status = 'revoked', updated_at = now() where id = any($1::int[])`,
        [toClose],
      ),
    { inScope: -500, closed: 500 },
  );
  return out;
}
