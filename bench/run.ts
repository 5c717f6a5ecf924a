/**
 * `npm run bench`: the import and ledger benchmarks on PostgreSQL, in a database of their
 * own created and dropped by this run. Every figure is reported against a baseline measured
 * in the same run on the same machine; the results go to bench/results.json.
 *
 *   BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_ROWS          rows of the import file (default 100000)
 *   BENCH_LEDGER_ROWS   enterprises in the ledger benchmark (default 1000000)
 *   BENCH_REPEAT        runs of each import figure, reported as medians (default 3)
 *   BENCH_DASHBOARD_REQUESTS  requests for each region and way in the dashboard benchmark (default 40)
 *   BENCH_ANNUAL_REPEAT runs of each way in the annual statistics benchmark (default 5)
 *   BENCH_ONLY          import | ledger | dashboard | annual | dashboard-pglite, or several separated by commas
 *   BENCH_PGLITE_DIR    dashboard-pglite: keep the demo's PGlite data directory there (see dashboardPglite.ts)
 *
 * dashboard-pglite needs no PostgreSQL: the demo city on PGlite, the page's calls against their SQL.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// annual.ts is loaded only when it runs: it needs the reports' workbook writer.
import type { AnnualFigures } from './annual.ts';
import { type CoverageData, loadCoverageData } from './coverageData.ts';
import { type DashboardFigures, dashboardBenchmark } from './dashboard.ts';
import type { CallTimes } from './dashboardCalls.ts';
import { dashboardPgliteBenchmark, type PgliteFigures } from './dashboardPglite.ts';
import { CITY } from './data.ts';
import { cityCommittee, createBenchDatabase } from './db.ts';
import { type ImportFigures, importBenchmark } from './import.ts';
import { type LedgerFigures, ledgerBenchmark } from './ledger.ts';
import { round } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH_ONLY;
const BENCHMARKS = ['import', 'ledger', 'dashboard', 'annual', 'dashboard-pglite'] as const;
// The PGlite benchmark builds a demo city of its own: only when asked for.
const chosen = only?.split(',') ?? BENCHMARKS.filter((b) => b !== 'dashboard-pglite');
if (chosen.some((b) => !(BENCHMARKS as readonly string[]).includes(b)))
  throw new Error(`BENCH_ONLY must be one or more of ${BENCHMARKS.join(', ')}, separated by commas`);
const runs = (b: (typeof BENCHMARKS)[number]) => chosen.includes(b);
const importRows = Number(process.env.BENCH_ROWS ?? 100_000);
const ledgerRows = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const dashboardRequests = Math.max(1, Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 40));
const annualRepeat = Math.max(1, Number(process.env.BENCH_ANNUAL_REPEAT ?? 5));

const started = performance.now();
const log = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);
const MB = 1024 * 1024;
const s = (ms: number) => `${round(ms / 1000, 2)} s`;

type Line = [figure: string, value: string, note: string];

function importTable(f: ImportFigures): Line[] {
  const runs = (xs: number[]) => `runs: ${xs.map((x) => round(x / 1000, 1)).join(', ')} s`;
  return [
    [
      'import file',
      `${f.rows} rows, ${round(f.fileBytes / MB, 1)} MB`,
      `written in ${s(f.writeXlsxMs)}; medians of ${f.repeat} runs below`,
    ],
    [
      '(a) floor 1: ExcelJS WorkbookReader',
      s(f.excelJsReaderMs),
      `our readRows on the file: ${s(f.readRowsMs)} (${runs(f.runs.readRowsMs)}); ${runs(f.runs.excelJsReaderMs)}`,
    ],
    ['(b) floor 2: COPY', s(f.copyMs), `${f.copyMethod}, foreign keys checked; ${runs(f.runs.copyMs)}`],
    [
      "(b') COPY, no foreign keys",
      s(f.copyNoForeignKeysMs),
      `for comparison: (c)/((a)+(b')) = ${round(f.importRatioNoForeignKeys)}×; ${runs(f.runs.copyNoForeignKeysMs)}`,
    ],
    [
      '(c) import, empty ledger',
      s(f.importMs),
      `(c)/((a)+(b)) = ${round(f.importRatio)}× (target ≤ 3×); ${runs(f.runs.importMs)}`,
    ],
    [
      '(d) re-import, unchanged',
      s(f.reimportMs),
      `(d)/((a)+(b)) = ${round(f.reimportRatio)}×; ${runs(f.runs.reimportMs)}`,
    ],
    ...f.rss.map(
      (r): Line => [
        `peak RSS, ${r.rows} rows, heap ${r.heap}`,
        `${round(r.importMaxRssBytes / MB, 1)} MB`,
        `import in a fresh process (${s(r.importMs)}); reading the file alone: ${round(r.readMaxRssBytes / MB, 1)} MB (ExcelJS: ${round(r.excelJsReadMaxRssBytes / MB, 1)} MB)`,
      ],
    ),
    ...f.rssDelta.map(
      (d): Line => [
        `peak RSS difference, heap ${d.heap}`,
        `${round(d.importBytes / MB, 1)} MB`,
        `target ≤ 50 MB; reading the file alone: ${round(d.readBytes / MB, 1)} MB (ExcelJS: ${round(d.excelJsReadBytes / MB, 1)} MB)`,
      ],
    ),
  ];
}

function ledgerTable(f: LedgerFigures): Line[] {
  return [
    ['ledger', `${f.rows} enterprises`, `loaded in ${s(f.loadMs)}`],
    [
      'direct SQL (count + page)',
      `p50 ${round(f.direct.p50)} ms, p95 ${round(f.direct.p95)} ms`,
      `${f.requests} requests`,
    ],
    ['HTTP GET /api/enterprises', `p50 ${round(f.http.p50)} ms, p95 ${round(f.http.p95)} ms`, `${f.requests} requests`],
    ['p95 ratio HTTP / direct', `${round(f.p95Ratio)}×`, `target ≤ 2× (p50 ratio ${round(f.p50Ratio)}×)`],
    ...(f.nameSearch ?? []).map(
      (n): Line => [
        `name search ${n.fragment} in ${n.region} (${n.matches} found)`,
        `p50 ${round(n.function.p50)} ms, ${round(n.functionRatio, 1)}× direct`,
        `plain ILIKE under RLS ${round(n.ilike.p50)} ms (${round(n.ilikeRatio, 1)}×), direct ${round(n.direct.p50)} ms`,
      ],
    ),
  ];
}

function dashboardTable(f: DashboardFigures): Line[] {
  const load = (xs: number[]) => xs.map((x) => round(x, 1)).join(', ');
  const region = (label: string, r: DashboardFigures['city']): Line[] => [
    [
      `${label} GROUP BY (${r.enterprises} enterprises)`,
      `p50 ${round(r.baseline.p50)} ms, p95 ${round(r.baseline.p95)} ms`,
      `${f.requests} requests, as the ${f.baselineRole}`,
    ],
    [
      `${label} GET /api/stats/coverage`,
      `p50 ${round(r.app.p50)} ms, p95 ${round(r.app.p95)} ms`,
      `${f.requests} requests, region=${r.region} (${r.name})`,
    ],
    [`${label} p95 GROUP BY / app`, `${round(r.p95Speedup, 1)}×`, `target ≥ 5× (p50 ${round(r.p50Speedup, 1)}×)`],
  ];
  return [
    [
      'coverage data',
      `${f.data.rows} enterprises`,
      `loaded in ${s(f.data.loadMs)} with the triggers on; ${f.data.orgs} orgs, ${f.data.coverages} coverages, ${f.data.assignments} assignments in ${s(f.data.recordsMs)}; ledger_counts ${f.data.ledgerCountsRows} rows`,
    ],
    ...region('city', f.city),
    ...region('county', f.county),
    ...callLines(f.calls ?? []),
    ...(f.fills ?? []).map((x): Line => ['first request', `${round(x.ms)} ms`, x.what]),
    ...f.neverStale.map(
      (c): Line => [
        'never stale',
        `write ${round(c.writeMs)} ms`,
        `${c.change}: next request equals the GROUP BY; county moved ${JSON.stringify(c.countyDelta)}`,
      ],
    ),
    ['load average', load(f.loadAverage.end), `at the start: ${load(f.loadAverage.start)}`],
  ];
}

function callLines(calls: CallTimes[], where = ''): Line[] {
  return calls.map(
    (c): Line => [
      `${where}${c.call} (${c.region})`,
      `p50 ${round(c.app.p50)} ms, p95 ${round(c.app.p95)} ms`,
      `its SQL p50 ${round(c.baseline.p50)} ms, p95 ${round(c.baseline.p95)} ms; ratio p50 ${round(c.p50Ratio ?? Number.NaN, 2)}×, p95 ${round(c.p95Ratio, 2)}× (${c.app.n} requests)`,
    ],
  );
}

function pgliteTable(f: PgliteFigures): Line[] {
  const load = (xs: number[]) => xs.map((x) => round(x, 1)).join(', ');
  return [
    [
      'PGlite demo city',
      `${Object.entries(f.enterprises)
        .map(([r, n]) => `${r}: ${n}`)
        .join(', ')} enterprises`,
      `${f.demoMs === null ? 'the kept data directory' : `dangjian demo in ${s(f.demoMs)}`}${f.analyzed ? ', then ANALYZE' : ', not analysed'}`,
    ],
    ...callLines(f.calls, 'PGlite '),
    ...f.fills.map((x): Line => ['PGlite first request', `${round(x.ms)} ms`, x.what]),
    ['PGlite load average', load(f.loadAverage.end), `at the start: ${load(f.loadAverage.start)}`],
  ];
}

function annualTable(f: AnnualFigures): Line[] {
  return f.years.map(
    (y): Line => [
      `annual ${y.year} .xlsx / figures alone`,
      `${round(y.ratio)}×`,
      `target < 2×; region ${f.region}, as of ${y.asOf}, ${y.rows} rows, ${y.inScope} in scope: figures ${s(y.figures.p50)}, .xlsx ${s(y.xlsx.p50)} (medians of ${y.runs.length}), ${round(y.bytes / 1024, 1)} KB`,
    ],
  );
}

function print(lines: Line[]) {
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  for (const [a, b, c] of lines) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGB: round(os.totalmem() / 1024 ** 3, 1), node: process.version },
};
if (runs('dashboard-pglite')) {
  results['dashboard-pglite'] = await dashboardPgliteBenchmark({
    requests: Math.max(5, Math.round(dashboardRequests / 2)),
    log,
  });
}
const onPostgres = BENCHMARKS.some((b) => b !== 'dashboard-pglite' && runs(b));
if (onPostgres) await onPostgresql();

/** The benchmarks that run on PostgreSQL, in a database of their own created and dropped here. */
async function onPostgresql() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-bench-'));
  const db = await createBenchDatabase('run');
  log(`database ${db.name}`);
  results.server = (await db.pg.query('select version()')).rows[0].version;
  try {
    const username = 'bench_city';
    const { actor } = await cityCommittee(db.database, CITY, username);
    if (runs('import')) {
      results.import = await importBenchmark(db, actor, { rows: importRows, repeat, workDir, log });
    }
    if (runs('ledger')) {
      results.ledger = await ledgerBenchmark(db, { actor, username }, { rows: ledgerRows, log });
    }
    // The dashboard and the annual statistics read the same loaded ledger, orgs and assignments.
    let coverageData: CoverageData | undefined;
    if (runs('dashboard') || runs('annual')) coverageData = await loadCoverageData(db.pg, ledgerRows, log);
    if (runs('dashboard')) {
      results.dashboard = await dashboardBenchmark(
        db,
        { actor, username },
        { rows: ledgerRows, requests: dashboardRequests, log, data: coverageData },
      );
    }
    if (runs('annual')) {
      const { annualBenchmark, PROVINCE } = await import('./annual.ts');
      const { actor: province } = await cityCommittee(db.database, PROVINCE, 'bench_province');
      results.annual = await annualBenchmark(db, province, { repeat: annualRepeat, log });
    }
  } finally {
    await db.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

console.log();
const lines: Line[] = [];
if (results.import) lines.push(...importTable(results.import as ImportFigures));
if (results.ledger) lines.push(...ledgerTable(results.ledger as LedgerFigures));
if (results.dashboard) lines.push(...dashboardTable(results.dashboard as DashboardFigures));
if (results.annual) lines.push(...annualTable(results.annual as AnnualFigures));
if (results['dashboard-pglite']) lines.push(...pgliteTable(results['dashboard-pglite'] as PgliteFigures));
print(lines);
results.seconds = round((performance.now() - started) / 1000, 1);
const resultsFile = path.join(here, 'results.json');
// Milliseconds to a hundredth are plenty; the project's formatter then lays the file out as
// it would any other, so a fresh run leaves the repository's check clean.
const rounded = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v) : v);
// A run of some benchmarks keeps the figures of the others from the file (each carries its `at`).
const previous = fs.existsSync(resultsFile) && only ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : {};
for (const b of BENCHMARKS) if (results[b]) results[b] = { at: results.at, ...(results[b] as object) };
fs.writeFileSync(resultsFile, `${JSON.stringify({ ...previous, ...results }, rounded, 2)}\n`);
spawnSync(path.join(here, '../node_modules/.bin/biome'), ['format', '--write', resultsFile], { stdio: 'ignore' });
log(`written bench/results.json (${results.seconds} s in all)`);
