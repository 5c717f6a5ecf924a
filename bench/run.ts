/**
 * `npm run bench`: the import and ledger benchmarks on PostgreSQL, in a database of their
 * own created and dropped by this run. Every figure is reported against a baseline measured
 * in the same run on the same machine; the results go to bench/results.json.
 *
 *   BENCH_DATABASE_URL  server to use (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_ROWS          rows of the import file (default 100000)
 *   BENCH_LEDGER_ROWS   enterprises in the ledger benchmark (default 1000000)
 *   BENCH_REPEAT        runs of each import figure, reported as medians (default 3)
 *   BENCH_ONLY          import | ledger
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITY } from './data.ts';
import { cityCommittee, createBenchDatabase } from './db.ts';
import { type ImportFigures, importBenchmark } from './import.ts';
import { type LedgerFigures, ledgerBenchmark } from './ledger.ts';
import { round } from './stats.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH_ONLY;
if (only && only !== 'import' && only !== 'ledger') throw new Error('BENCH_ONLY must be import or ledger');
const importRows = Number(process.env.BENCH_ROWS ?? 100_000);
const ledgerRows = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));

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
  ];
}

function print(lines: Line[]) {
  const w0 = Math.max(...lines.map((l) => l[0].length));
  const w1 = Math.max(...lines.map((l) => l[1].length));
  for (const [a, b, c] of lines) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-bench-'));
const db = await createBenchDatabase('run');
log(`database ${db.name}`);
const results: Record<string, unknown> = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGB: round(os.totalmem() / 1024 ** 3, 1), node: process.version },
  server: (await db.pg.query('select version()')).rows[0].version,
};
try {
  const username = 'bench_city';
  const { actor } = await cityCommittee(db.database, CITY, username);
  if (only !== 'ledger') {
    results.import = await importBenchmark(db, actor, { rows: importRows, repeat, workDir, log });
  }
  if (only !== 'import') {
    results.ledger = await ledgerBenchmark(db, { actor, username }, { rows: ledgerRows, log });
  }
} finally {
  await db.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
}

console.log();
const lines: Line[] = [];
if (results.import) lines.push(...importTable(results.import as ImportFigures));
if (results.ledger) lines.push(...ledgerTable(results.ledger as LedgerFigures));
print(lines);
results.seconds = round((performance.now() - started) / 1000, 1);
const resultsFile = path.join(here, 'results.json');
// Milliseconds to a hundredth are plenty; the project's formatter then lays the file out as
// it would any other, so a fresh run leaves the repository's check clean.
const rounded = (_key: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round(v) : v);
fs.writeFileSync(resultsFile, `${JSON.stringify(results, rounded, 2)}\n`);
spawnSync(path.join(here, '../node_modules/.bin/biome'), ['format', '--write', resultsFile], { stdio: 'ignore' });
log(`written bench/results.json (${results.seconds} s in all)`);
