/**
 * The import benchmark: the end-to-end import of an N-row .xlsx against two floors measured
 * on the same file in the same run — reading it with ExcelJS's streaming reader, as the issue
 * defines the floor (our own reader, `readRows`, is timed beside it), and writing its rows with
 * PostgreSQL COPY — and the peak memory of the import at 10,000 and N rows.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Actor } from '../src/server/actor.ts';
import { loadConfig } from '../src/server/config.ts';
import { readRows } from '../src/server/files/rows.ts';
import { runImport } from '../src/server/imports/enterprises/run.ts';
import { keysFrom } from '../src/server/keys.ts';
import { type BenchDatabase, emptyLedger } from './db.ts';
import { COPY_COLUMNS, writeCopyText, writeImportXlsx } from './files.ts';
import { median, timed } from './stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const keys = keysFrom(Buffer.alloc(32, 7));

export interface ImportFigures {
  rows: number;
  repeat: number;
  fileBytes: number;
  writeXlsxMs: number;
  /** Our streaming reader (`readRows`) over the whole file, beside floor 1; median of the runs. */
  readRowsMs: number;
  /** Floor 1: ExcelJS's streaming WorkbookReader over the whole file; median of the runs. */
  excelJsReaderMs: number;
  /** Floor 2: COPY of the same rows, in stored form, into a table shaped like `enterprises`. */
  copyMs: number;
  /** The same COPY into a copy without the foreign keys, for comparison. */
  copyNoForeignKeysMs: number;
  copyMethod: string;
  /** (c) and (d): medians of the runs. */
  importMs: number;
  reimportMs: number;
  importRatio: number;
  reimportRatio: number;
  /** (c) against floor 1 plus the COPY without foreign keys. */
  importRatioNoForeignKeys: number;
  /** Every run, for the record. */
  runs: {
    readRowsMs: number[];
    excelJsReaderMs: number[];
    copyMs: number[];
    copyNoForeignKeysMs: number[];
    importMs: number[];
    reimportMs: number[];
  };
  /**
   * Peak memory of the import, of reading the file alone with `readRows`, and of reading it
   * with ExcelJS's WorkbookReader, each in a fresh process: with Node's default heap limit,
   * and with the old generation capped (as a server may be run).
   */
  rss: {
    heap: string;
    rows: number;
    importMaxRssBytes: number;
    readMaxRssBytes: number;
    excelJsReadMaxRssBytes: number;
    importMs: number;
  }[];
  /** peak(N) − peak(10,000) of the import, of reading alone and of ExcelJS reading, per heap setting. */
  rssDelta: { heap: string; importBytes: number; readBytes: number; excelJsReadBytes: number }[];
}

/** The heap settings the memory figures are taken with: Node's default, and a capped old generation. */
const HEAPS = [
  { heap: 'default', flags: [] as string[] },
  { heap: '--max-old-space-size=256', flags: ['--max-old-space-size=256'] },
];

async function readAll(file: string): Promise<number> {
  let n = 0;
  for await (const _ of readRows(file, 'xlsx')) n++;
  return n;
}

async function readWithExcelJs(file: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let n = 0;
  for await (const sheet of reader) for await (const _ of sheet) n++;
  return n;
}

function hasPgCopyStreams(): boolean {
  try {
    createRequire(import.meta.url).resolve('pg-copy-streams');
    return true;
  } catch {
    return false;
  }
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${err}`))));
  });
}

/**
 * COPY through psql's \copy (pg-copy-streams is not a dependency of the project) into a copy
 * of `enterprises`: its columns, defaults, generated columns, checks and indexes, and — unless
 * `foreignKeys` is false — its two foreign keys, which LIKE leaves out.
 */
async function copyFloor(db: BenchDatabase, file: string, foreignKeys = true): Promise<number> {
  await db.pg.query('drop table if exists bench_copy');
  await db.pg.query('create table bench_copy (like enterprises including all)');
  if (foreignKeys) {
    await db.pg.query(`alter table bench_copy
      add foreign key (region_code) references regions (code),
      add foreign key (industry_code) references industries (code)`);
  }
  const { ms } = await timed(() =>
    run('psql', [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-d',
      db.url,
      '-c',
      `\\copy bench_copy (${COPY_COLUMNS.join(', ')}) from '${file}'`,
    ]),
  );
  const { rows } = await db.pg.query('select count(*)::int as n from bench_copy');
  await db.pg.query('drop table bench_copy');
  if (rows[0].n === 0) throw new Error('COPY floor wrote no rows');
  return ms;
}

interface ChildOutcome {
  status: string;
  rows: number;
  ms: number;
  maxRssBytes: number;
}

async function child(flags: string[], args: string[]): Promise<ChildOutcome> {
  const out = await run(process.execPath, [...flags, '--import', 'tsx', 'bench/importChild.ts', ...args]);
  return JSON.parse(out.trim().split('\n').pop() as string);
}

async function childImport(db: BenchDatabase, flags: string[], file: string, actor: Actor) {
  await emptyLedger(db.pg);
  const { permissions: _, ...plain } = actor;
  const result = await child(flags, ['import', db.url, file, JSON.stringify(plain)]);
  if (result.status !== 'applied') throw new Error(`child import ended ${result.status}`);
  return result;
}

export async function importBenchmark(
  db: BenchDatabase,
  actor: Actor,
  opts: { rows: number; repeat: number; workDir: string; log: (s: string) => void },
): Promise<ImportFigures> {
  const { rows, repeat, workDir, log } = opts;
  const file = path.join(workDir, `enterprises-${rows}.xlsx`);
  const copyFile = path.join(workDir, `enterprises-${rows}.tsv`);
  log(`writing ${rows}-row .xlsx…`);
  const written = await timed(() => writeImportXlsx(file, rows));
  writeCopyText(copyFile, rows, keys);

  const dataDir = fs.mkdtempSync(path.join(workDir, 'data-'));
  const deps = {
    database: db.database,
    keys,
    config: { ...loadConfig({}), dataDir, maxUploadBytes: 512 * 1024 * 1024 },
  };
  const req = {
    path: file,
    fileName: path.basename(file),
    period: '2026Q2',
    source: '市场监管局年报',
    partial: false,
    dryRun: false,
    apply: true,
  };
  const runs: ImportFigures['runs'] = {
    readRowsMs: [],
    excelJsReaderMs: [],
    copyMs: [],
    copyNoForeignKeysMs: [],
    importMs: [],
    reimportMs: [],
  };
  // The floors and the imports take turns, so that a busy moment of the machine falls on both.
  for (let i = 1; i <= repeat; i++) {
    log(`run ${i}/${repeat}: floor 1, reading the file (ExcelJS, then readRows)…`);
    const floorRead = await timed(() => readWithExcelJs(file));
    if (floorRead.value !== rows + 1) throw new Error(`ExcelJS read ${floorRead.value} rows, expected ${rows + 1}`);
    runs.excelJsReaderMs.push(floorRead.ms);
    const read = await timed(() => readAll(file));
    if (read.value !== rows + 1) throw new Error(`read ${read.value} rows, expected ${rows + 1}`);
    runs.readRowsMs.push(read.ms);
    log(`run ${i}/${repeat}: floor 2, COPY…`);
    runs.copyMs.push(await copyFloor(db, copyFile));
    runs.copyNoForeignKeysMs.push(await copyFloor(db, copyFile, false));

    await emptyLedger(db.pg);
    log(`run ${i}/${repeat}: import into an empty ledger…`);
    const first = await timed(() => runImport(deps, actor, req));
    if (first.value.status !== 'applied' || first.value.added !== rows) {
      throw new Error(`import: ${JSON.stringify({ ...first.value, errors: first.value.errors.slice(0, 5) })}`);
    }
    runs.importMs.push(first.ms);
    log(`run ${i}/${repeat}: re-import of the same file…`);
    const again = await timed(() => runImport(deps, actor, { ...req, period: '2026Q3' }));
    if (again.value.status !== 'applied' || again.value.unchanged !== rows) {
      throw new Error(`re-import: ${JSON.stringify({ ...again.value, errors: again.value.errors.slice(0, 5) })}`);
    }
    runs.reimportMs.push(again.ms);
  }

  const rss: ImportFigures['rss'] = [];
  const small = Math.min(10_000, rows);
  const smallFile = path.join(workDir, `enterprises-${small}.xlsx`);
  if (small !== rows) await writeImportXlsx(smallFile, small);
  for (const { heap, flags } of HEAPS) {
    for (const [n, f] of [
      [small, small === rows ? file : smallFile],
      [rows, file],
    ] as const) {
      log(`peak memory of a ${n}-row import and of reading it alone, heap ${heap} (child processes)…`);
      const imported = await childImport(db, flags, f, actor);
      const read = await child(flags, ['read', f]);
      const excelJsRead = await child(flags, ['read-exceljs', f]);
      rss.push({
        heap,
        rows: n,
        importMaxRssBytes: imported.maxRssBytes,
        readMaxRssBytes: read.maxRssBytes,
        excelJsReadMaxRssBytes: excelJsRead.maxRssBytes,
        importMs: imported.ms,
      });
    }
  }
  await emptyLedger(db.pg);

  const floor = median(runs.excelJsReaderMs) + median(runs.copyMs);
  const rssDelta = HEAPS.map(({ heap }) => {
    const [lo, hi] = rss.filter((r) => r.heap === heap);
    return {
      heap,
      importBytes: hi.importMaxRssBytes - lo.importMaxRssBytes,
      readBytes: hi.readMaxRssBytes - lo.readMaxRssBytes,
      excelJsReadBytes: hi.excelJsReadMaxRssBytes - lo.excelJsReadMaxRssBytes,
    };
  });
  return {
    rows,
    repeat,
    fileBytes: written.value,
    writeXlsxMs: written.ms,
    readRowsMs: median(runs.readRowsMs),
    excelJsReaderMs: median(runs.excelJsReaderMs),
    copyMs: median(runs.copyMs),
    copyNoForeignKeysMs: median(runs.copyNoForeignKeysMs),
    copyMethod: hasPgCopyStreams() ? 'psql \\copy' : 'psql \\copy (pg-copy-streams is not installed)',
    importMs: median(runs.importMs),
    reimportMs: median(runs.reimportMs),
    importRatio: median(runs.importMs) / floor,
    importRatioNoForeignKeys: median(runs.importMs) / (median(runs.excelJsReaderMs) + median(runs.copyNoForeignKeysMs)),
    reimportRatio: median(runs.reimportMs) / floor,
    runs,
    rss,
    rssDelta,
  };
}
