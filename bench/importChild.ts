/**
 * One import, or one read of the file alone (with `readRows`, or with ExcelJS's WorkbookReader),
 * in a process of its own so that its peak memory can be read (`process.resourceUsage().maxRSS`):
 *
 *   node --import tsx bench/importChild.ts import <databaseUrl> <file> <actor json>
 *   node --import tsx bench/importChild.ts read <file>
 *   node --import tsx bench/importChild.ts read-exceljs <file>
 *
 * Prints one JSON line: the outcome, the time, the peak resident set size and the heap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { permissionsOf } from '../src/domain/roles.ts';
import type { Actor } from '../src/server/actor.ts';
import { auditChainFor, bindAuditChain } from '../src/server/audit/chain.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { readRows } from '../src/server/files/rows.ts';
import { runImport } from '../src/server/imports/enterprises/run.ts';
import { keysFrom } from '../src/server/keys.ts';

async function importFile(url: string, file: string, actorJson: string) {
  const plain = JSON.parse(actorJson) as Omit<Actor, 'permissions'>;
  const actor: Actor = { ...plain, permissions: permissionsOf(plain.roles) };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dj-bench-child-'));
  const database = await openDatabase({ databaseUrl: url });
  const keys = keysFrom(Buffer.alloc(32, 7));
  bindAuditChain(database.db, auditChainFor(keys, null));
  const config = { ...loadConfig({}), dataDir, maxUploadBytes: 512 * 1024 * 1024 };
  try {
    const result = await runImport({ database, keys, config }, actor, {
      path: file,
      fileName: path.basename(file),
      period: '2026Q2',
      source: '市场监管局年报',
      partial: false,
      dryRun: false,
      apply: true,
    });
    return { status: result.status, rows: result.rows };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function readFile(file: string) {
  let rows = 0;
  for await (const _ of readRows(file, 'xlsx')) rows++;
  return { status: 'read', rows: rows - 1 };
}

async function readWithExcelJs(file: string) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader) for await (const _ of sheet) rows++;
  return { status: 'read', rows: rows - 1 };
}

const [mode, ...args] = process.argv.slice(2);
const start = performance.now();
const outcome =
  mode === 'read'
    ? await readFile(args[0])
    : mode === 'read-exceljs'
      ? await readWithExcelJs(args[0])
      : await importFile(args[0], args[1], args[2]);
const ms = performance.now() - start;
const { heapUsed, heapTotal } = process.memoryUsage();
// maxRSS is in kilobytes.
console.log(
  JSON.stringify({ ...outcome, ms, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapUsed, heapTotal }),
);
