import { sql } from 'drizzle-orm';
import { type ColumnKey, headerOf, mapHeader, rowCells } from '../../../domain/enterprise/columns.ts';
import {
  duplicateColumnMessage,
  missingColumnsMessage,
  NO_DATA_ROWS_MESSAGE,
  unknownColumnMessage,
} from '../../../domain/enterprise/messages.ts';
import { parseEnterpriseRow } from '../../../domain/enterprise/row.ts';
import type { Actor } from '../../actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { inScope } from '../../db/tx.ts';
import type { InspectedUpload } from '../../files/inspect.ts';
import { readRowsIsolated } from '../../files/isolated.ts';
import type { Keys } from '../../keys.ts';
import { type Issue, insertIssues } from '../batches.ts';
import { outcomeSql } from './outcome.ts';

type StagedRow = { row: number; uscc: string | null; data: Record<string, unknown> | null; has_errors: boolean };

/**
 * Rows per write. Each chunk goes to the database as one JSON parameter expanded by
 * `jsonb_to_recordset` (a handful of parameters instead of one per cell, and the same SQL
 * on both drivers), while the next chunk is being read and parsed.
 */
const FLUSH_ROWS = 5000;

/**
 * Reads the file row by row into the batch's staging rows, writing them a chunk at a time
 * and recording progress (`onCount` first has the file's rows, counted by the reading thread,
 * so progress reads rows read / total). One chunk is written while the next is read, so memory holds at
 * most two chunks, whatever the file's length. Returns the column keys the file had, or
 * null when its header is unusable (the issues say why).
 */
export async function readIntoBatch(
  db: Db,
  actor: Actor,
  keys: Keys,
  batchId: number,
  upload: { path: string; kind: InspectedUpload['kind'] },
  onCount: (nonEmptyRows: number) => unknown,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<ColumnKey[] | null> {
  let rows: StagedRow[] = [];
  let issues: Issue[] = [];
  let rowsRead = 0;
  let columnKeys: ColumnKey[] = [];
  let writing: Promise<void> = Promise.resolve();

  const write = async (r: StagedRow[], i: Issue[], read: number) => {
    await inScope(db, actor, async (tx) => {
      // A chunk need not wait for its own disk flush: if the server lost it in a crash, the
      // connection would be gone and reading would fail; and the batch becomes 'staged' in a
      // synchronous commit, which makes every chunk before it durable too.
      await tx.execute(sql`set local synchronous_commit = off`);
      if (i.length) await insertIssues(tx, batchId, i);
      await insertStagedRows(tx, batchId, columnKeys, r, read);
    });
    onProgress(read);
  };
  /** Starts writing what has been read once the previous write is done; chunks land in order. */
  const flush = async () => {
    await writing;
    writing = write(rows, issues, rowsRead);
    // Handled here so a failure while the next chunk is read is not an unhandled rejection;
    // the next flush or the end of reading awaits it and throws.
    writing.catch(() => {});
    rows = [];
    issues = [];
  };

  try {
    const columnKeys = await readChunks();
    await writing;
    return columnKeys;
  } catch (error) {
    // Nothing may still be writing when the caller cleans up after a failure.
    await writing.catch(() => {});
    throw error;
  }

  async function readChunks(): Promise<ColumnKey[] | null> {
    let columns: Map<number, ColumnKey> | null = null;
    for await (const { rowNumber, cells } of readRowsIsolated(upload.path, upload.kind, undefined, onCount)) {
      if (!columns) {
        const header = mapHeader(cells);
        for (const u of header.unknown) {
          issues.push({
            row: rowNumber,
            column: u.header,
            message: unknownColumnMessage(u.header, u.index + 1),
            severity: 'warning',
          });
        }
        for (const d of header.duplicates) {
          issues.push({
            row: rowNumber,
            column: d.header,
            message: duplicateColumnMessage(
              d.header,
              d.indexes.map((i) => i + 1),
            ),
            severity: 'error',
          });
        }
        if (header.missing.length > 0) {
          issues.push({
            row: rowNumber,
            column: header.missing.map(headerOf).join('、'),
            message: missingColumnsMessage(header.missing),
            severity: 'error',
          });
        }
        if (header.missing.length > 0 || header.duplicates.length > 0) {
          await flush();
          return null;
        }
        columns = header.columns;
        columnKeys = [...new Set(columns.values())];
        continue;
      }
      const parsed = parseEnterpriseRow(rowCells(columns, cells), rowNumber);
      rowsRead++;
      const uscc = parsed.value?.uscc ?? usccOf(columns, cells);
      rows.push({
        row: rowNumber,
        uscc,
        data: parsed.value ? stageData(parsed.value, keys) : null,
        has_errors: parsed.errors.length > 0,
      });
      for (const e of parsed.errors) issues.push({ ...e, severity: 'error' });
      for (const w of parsed.warnings) issues.push({ ...w, severity: 'warning' });
      if (rows.length >= FLUSH_ROWS) await flush();
    }
    if (!columns) {
      issues.push({ row: 1, column: '表头', message: NO_DATA_ROWS_MESSAGE, severity: 'error' });
      await flush();
      return null;
    }
    if (rowsRead === 0) issues.push({ row: 2, column: '表头', message: NO_DATA_ROWS_MESSAGE, severity: 'error' });
    await flush();
    return columnKeys;
  }
}

/** The uscc of a row that failed to parse, as written, so duplicates and missing still see it. */
function usccOf(columns: Map<number, ColumnKey>, cells: unknown[]): string | null {
  for (const [i, key] of columns) {
    if (key === 'uscc' && typeof cells[i] === 'string') return cells[i].trim().toUpperCase() || null;
  }
  return null;
}

/** The staged form: the phone never rests in clear, not even in the staging table. */
function stageData(value: NonNullable<ReturnType<typeof parseEnterpriseRow>['value']>, keys: Keys) {
  const { phone } = value;
  return phone
    ? { ...value, phone: keys.encrypt(phone), phoneHash: keys.lookupHash(phone) }
    : { ...value, phone: null, phoneHash: null };
}

/**
 * Writes staged rows and the batch's progress in one statement: the chunk travels as one JSON
 * parameter, and each row is written with its outcome against the ledger as it is now, which
 * the reconciliation after reading then only has to correct where the database checks found
 * errors.
 */
async function insertStagedRows(
  tx: Tx,
  batchId: number,
  columns: readonly ColumnKey[],
  rows: StagedRow[],
  rowsRead: number,
) {
  const outcome = outcomeSql(columns);
  await tx.execute(sql`
    with staged as (
      insert into import_rows (batch_id, row, uscc, data, has_errors, enterprise_id, diff, outcome, discrepancy)
      select ${batchId}, s.row, s.uscc, s.data, s.has_errors, ${sql.raw(outcome.columns)}
      from (
        select r.*, null::text as discrepancy
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as r("row" integer, uscc text, data jsonb, has_errors boolean)
      ) s ${sql.raw(outcome.joins)}
      order by s.row)
    update import_batches set rows_read = ${rowsRead} where id = ${batchId}`);
}
