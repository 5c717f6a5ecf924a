/**
 * The dashboard page's calls on the embedded database (issue #14 item 8: "the demo city on
 * PGlite"): `dangjian demo --region 420500 --scale city` into a PGlite data directory of its
 * own, as the CLI runs it (openPrepared, then runDemo), then the app in-process on that PGlite
 * and every call the page makes (bench/dashboardCalls.ts), against their straightforward SQL
 * on the same PGlite as its owner. PGlite runs one statement at a time, so the app and the SQL
 * never overlap.
 *
 *   BENCH_PGLITE_DIR      keep the data directory there: the demo is built only when the directory
 *                         has no database yet (otherwise a temporary directory, removed at the end)
 *   BENCH_PGLITE_ANALYZE  0: no ANALYZE before timing (the demo's statistics as it leaves them)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/server/app.ts';
import { closeAuditChain } from '../src/server/audit/anchor.ts';
import { openPrepared } from '../src/server/bootstrap.ts';
import { loadConfig } from '../src/server/config.ts';
import { runDemo } from '../src/server/demo/run.ts';
import { TestClient } from '../src/server/testing/client.ts';
import { signIn } from '../src/server/testing/fixture.ts';
import { type CallTimes, dashboardCalls, type FillTimes, type RegionUser } from './dashboardCalls.ts';
import type { Sql } from './dashboardSql.ts';
import { CITY } from './data.ts';
import { BENCH_PASSWORD, cityCommittee } from './db.ts';
import { timed } from './stats.ts';

export interface PgliteFigures {
  region: string;
  analyzed: boolean;
  /** The demo's own run, or null when a kept directory already held it. */
  demoMs: number | null;
  enterprises: Record<string, number>;
  requests: number;
  calls: CallTimes[];
  fills: FillTimes[];
  loadAverage: { start: number[]; end: number[] };
}

export async function dashboardPgliteBenchmark(opts: {
  requests: number;
  log: (s: string) => void;
}): Promise<PgliteFigures> {
  const loadStart = os.loadavg();
  const kept = process.env.BENCH_PGLITE_DIR;
  const dataDir = kept ? path.resolve(kept) : fs.mkdtempSync(path.join(os.tmpdir(), 'dj-bench-pglite-'));
  const built = fs.existsSync(path.join(dataDir, 'pglite'));
  const config = { ...loadConfig({ DANGJIAN_DATA_DIR: dataDir }), queueWaitMs: 120_000 };
  const opened = await openPrepared(config);
  try {
    let demoMs: number | null = null;
    if (!built) {
      opts.log(`dashboard on PGlite: dangjian demo --region ${CITY} --scale city --seed 1 into ${dataDir}…`);
      demoMs = (
        await timed(() =>
          runDemo({ ...opened, config }, (line) => opts.log(`  ${line}`), { region: CITY, scale: 'city', seed: 1 }),
        )
      ).ms;
    }
    const { database, keys } = opened;
    // The PGlite under the app: the straightforward SQL runs on it as its owner.
    const owner = (database.db as unknown as { $client: Sql }).$client;
    // PGlite has no autovacuum: after the demo only the enterprises are analysed (by the import),
    // and the straightforward SQL over enterprise_states, estimated at one row, turns into a
    // nested loop (2.9 s for the city). Statistics for every table, so that the SQL is timed
    // at its best; BENCH_PGLITE_ANALYZE=0 times the demo as it is left.
    if (process.env.BENCH_PGLITE_ANALYZE !== '0') await owner.query('analyze');
    const app = createApp({ database, keys, config });
    const region = async (code: string) =>
      (await owner.query('select code, name, prefix from regions where code = $1', [code])).rows[0];
    const { rows: top } = await owner.query(
      `select left(region_code, 6) as code, count(*)::int as n from enterprises where region_code like $1
       group by 1 order by 2 desc limit 1`,
      [`${(await region(CITY)).prefix}%`],
    );
    const { rows: all } = await owner.query('select count(*)::int as n from enterprises where region_code like $1', [
      `${(await region(CITY)).prefix}%`,
    ]);
    // Users of their own each run, so a kept directory can be run again.
    const suffix = randomBytes(3).toString('hex');
    const user = async (code: string, ip: string): Promise<RegionUser> => {
      const username = `bench_${code}_${suffix}`;
      const { actor } = await cityCommittee(database, code, username);
      const client = new TestClient(app, ip);
      await signIn(client, username, BENCH_PASSWORD);
      return { region: await region(code), client, actor };
    };
    const city = await user(CITY, '10.42.0.8');
    const county = await user(top[0].code, '10.42.0.9');
    opts.log(
      `dashboard on PGlite: ${all[0].n} enterprises in ${city.region.name}, ${top[0].n} in ${county.region.name}`,
    );
    const { calls, fills } = await dashboardCalls({ sql: owner, database }, { city, county }, opts);
    return {
      region: CITY,
      analyzed: process.env.BENCH_PGLITE_ANALYZE !== '0',
      demoMs,
      enterprises: { [CITY]: all[0].n, [top[0].code]: top[0].n },
      requests: opts.requests,
      calls,
      fills,
      loadAverage: { start: loadStart, end: os.loadavg() },
    };
  } finally {
    try {
      await closeAuditChain(opened.database.db);
    } finally {
      await opened.database.close();
    }
    if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
