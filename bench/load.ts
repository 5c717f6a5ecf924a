/**
 * `npm run bench:load` (issue #12, defect 15): 200 connections for 30 s of ledger pages
 * against the real server on loopback, on PGlite and on PostgreSQL, each with a 200k-row
 * ledger. Reports throughput, p50/p99, failures other than explicit 503s, and how long after
 * the load the ledger page again answers within its unloaded latency, measured in the same run.
 *
 *   BENCH_LOAD_ROWS         enterprises in the ledger (default 200000)
 *   BENCH_LOAD_CONNECTIONS  concurrent connections (default 200)
 *   BENCH_LOAD_SECONDS      length of the load (default 30)
 *   BENCH_LOAD_DATABASES    pglite,postgresql (default both)
 *   BENCH_DATABASE_URL      PostgreSQL server (see db.ts)
 */
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Hono } from 'hono';
import { seeded } from '../src/domain/random.ts';
import { auditChainFor, bindAuditChain } from '../src/server/audit/chain.ts';
import { SESSION_COOKIE } from '../src/server/auth/sessions.ts';
import { prepare } from '../src/server/bootstrap.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { keysFrom } from '../src/server/keys.ts';
import { TestClient } from '../src/server/testing/client.ts';
import { signIn } from '../src/server/testing/fixture.ts';
import { TEST_PROVINCES } from '../src/server/testing/template.ts';
import { CITY } from './data.ts';
import { BENCH_PASSWORD, cityCommittee, createBenchDatabase } from './db.ts';
import { asks, queryString } from './ledger.ts';
import { loadLedger, type Queryable } from './ledgerData.ts';
import { percentile, round } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const rows = Number(process.env.BENCH_LOAD_ROWS ?? 200_000);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 200);
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const kinds = (process.env.BENCH_LOAD_DATABASES ?? 'pglite,postgresql').split(',') as ('pglite' | 'postgresql')[];
/** The benchmark's key: ledgerData.ts encrypts the phone numbers with it. */
const MASTER_KEY = '07'.repeat(32);
/** Longest wait for the page to come back after the load, before giving up on it. */
const RECOVERY_LIMIT_MS = 300_000;

const started = performance.now();
const log = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

interface LoadFigures {
  database: 'pglite' | 'postgresql';
  rows: number;
  connections: number;
  seconds: number;
  /** os.loadavg() before the load: the machine is shared. */
  loadAverage: number[];
  baseline: { n: number; p50: number; p95: number; max: number };
  /** A page answers "normally" with 200 within this many milliseconds. */
  normalMs: number;
  requests: number;
  throughput: number;
  ok: number;
  overloaded: number;
  /** Anything but 200 and 503: other statuses, socket errors, client timeouts. */
  failed: number;
  /** Of which: socket errors and requests unanswered after 30 s. */
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  latencyP50: number;
  latencyP99: number;
  recoveryMs: number | null;
  recoveryProbes: { afterMs: number; status: number; ms: number }[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/** Makes the database with the ledger and a committee user of the city; returns the server's environment. */
async function prepareDatabase(kind: 'pglite' | 'postgresql', dataDir: string) {
  const username = 'load_city';
  if (kind === 'postgresql') {
    const bench = await createBenchDatabase('load');
    await cityCommittee(bench.database, CITY, username);
    log(`PostgreSQL: loading ${rows} enterprises…`);
    await loadLedger(bench.pg, rows, log);
    return { env: { DATABASE_URL: bench.url } as Record<string, string>, username, drop: () => bench.drop() };
  }
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  await prepare(database, TEST_PROVINCES);
  bindAuditChain(database.db, auditChainFor(keysFrom(Buffer.from(MASTER_KEY, 'hex')), null));
  await cityCommittee(database, CITY, username);
  log(`PGlite: loading ${rows} enterprises…`);
  const client = (database.db as unknown as { $client: Queryable }).$client;
  await loadLedger(client, rows, log, '256MB');
  await database.close();
  return { env: {}, username, drop: async () => {} };
}

function startChild(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(here, 'loadServer.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', () => resolve(child));
    child.once('exit', (code, signal) => {
      log(`server exited (${code ?? signal})`);
      reject(new Error(`server exited with ${code ?? signal}`));
    });
  });
}

/**
 * Logs in over HTTP as the web app does (TestClient against the real server) and returns the
 * session cookie. A committee member may reveal ID numbers, so the first login enrols TOTP.
 */
async function login(base: string, username: string): Promise<string> {
  const overHttp = { request: (p: string, init: RequestInit) => fetch(`${base}${p}`, init) };
  const client = new TestClient(overHttp as unknown as Hono);
  await signIn(client, username, BENCH_PASSWORD);
  return `${SESSION_COOKIE}=${client.cookie(SESSION_COOKIE)}`;
}

async function timedGet(url: string, cookie: string): Promise<{ status: number; ms: number }> {
  const t = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t };
}

async function runOne(kind: 'pglite' | 'postgresql'): Promise<LoadFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `dangjian-load-${kind}-`));
  const db = await prepareDatabase(kind, dataDir);
  const port = await freePort();
  const child = await startChild({
    ...db.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DANGJIAN_DATA_DIR: dataDir,
    DANGJIAN_MASTER_KEY: MASTER_KEY,
    DANGJIAN_PROVINCES: TEST_PROVINCES.join(','),
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const cookie = await login(base, db.username);
    const pages = asks(50, seeded(4205)).map((a) => `/api/enterprises?${queryString(a)}`);
    // The page the recovery is measured on, and its unloaded latency.
    const probe = `${base}${pages[0]}`;
    for (let i = 0; i < 5; i++) await timedGet(probe, cookie);
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await timedGet(probe, cookie);
      if (r.status !== 200) throw new Error(`baseline request answered ${r.status}`);
      samples.push(r.ms);
    }
    const baseline = {
      n: samples.length,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      max: Math.max(...samples),
    };
    // Normal: within twice the unloaded p95 (the machine is shared; one slow tick is not overload).
    const normalMs = 2 * baseline.p95;
    const loadAverage = os.loadavg().map((x) => round(x, 1));
    log(
      `${kind}: baseline p50 ${round(baseline.p50)} ms, p95 ${round(baseline.p95)} ms; load ${loadAverage.join(' ')}`,
    );

    log(`${kind}: ${connections} connections for ${seconds} s…`);
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      timeout: 30,
      headers: { cookie },
      requests: pages.map((p) => ({ method: 'GET', path: p })),
    });
    const ended = performance.now();

    const probes: LoadFigures['recoveryProbes'] = [];
    let recoveryMs: number | null = null;
    while (performance.now() - ended < RECOVERY_LIMIT_MS) {
      const r = await timedGet(probe, cookie).catch(() => ({ status: 0, ms: 0 }));
      const afterMs = performance.now() - ended;
      if (r.status === 0) throw new Error('the server no longer answers after the load');
      probes.push({ afterMs: round(afterMs), status: r.status, ms: round(r.ms) });
      if (r.status === 200 && r.ms <= normalMs) {
        recoveryMs = afterMs;
        break;
      }
    }

    const statuses: Record<string, number> = {};
    for (const [code, s] of Object.entries(result.statusCodeStats ?? {}))
      statuses[code] = (s as { count: number }).count;
    const ok = statuses['200'] ?? 0;
    const overloaded = statuses['503'] ?? 0;
    const otherStatuses = Object.entries(statuses)
      .filter(([code]) => code !== '200' && code !== '503')
      .reduce((n, [, c]) => n + c, 0);
    return {
      database: kind,
      rows,
      connections,
      seconds,
      loadAverage,
      baseline: {
        n: baseline.n,
        p50: round(baseline.p50),
        p95: round(baseline.p95),
        max: round(baseline.max),
      },
      normalMs: round(normalMs),
      requests: result.requests.total,
      throughput: round(result.requests.average, 1),
      ok,
      overloaded,
      failed: otherStatuses + result.errors,
      errors: result.errors,
      timeouts: result.timeouts,
      statuses,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      recoveryMs: recoveryMs === null ? null : round(recoveryMs),
      recoveryProbes: probes,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const figures: LoadFigures[] = [];
for (const kind of kinds) figures.push(await runOne(kind));

const s = (ms: number | null) => (ms === null ? 'not within 300 s' : `${round(ms / 1000, 2)} s`);
for (const f of figures) {
  console.log(
    [
      `${f.database}: ${f.rows} rows, ${f.connections} connections × ${f.seconds} s (load average before: ${f.loadAverage.join(' ')})`,
      `  unloaded page: p50 ${f.baseline.p50} ms, p95 ${f.baseline.p95} ms (normal ≤ ${f.normalMs} ms)`,
      `  requests ${f.requests} (${f.throughput}/s): 200 × ${f.ok}, 503 × ${f.overloaded}, failed ${f.failed} (${f.timeouts} unanswered after 30 s)`,
      `  latency under load: p50 ${f.latencyP50} ms, p99 ${f.latencyP99} ms`,
      `  back to normal ${s(f.recoveryMs)} after the load (${f.recoveryProbes.length} probes)`,
    ].join('\n'),
  );
}
const out = path.join(here, 'load-results.json');
fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
log(`written to ${out}`);
