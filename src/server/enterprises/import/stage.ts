import { eq, sql } from 'drizzle-orm';
import { type ColumnKey, headerOf, mapHeader, rowCells } from '../../../domain/enterprise/columns.ts';
import type { RowIssue } from '../../../domain/enterprise/input.ts';
import {
  duplicateColumnMessage,
  missingColumnsMessage,
  NO_DATA_ROWS_MESSAGE,
  unknownColumnMessage,
} from '../../../domain/enterprise/messages.ts';
import { parseEnterpriseRow } from '../../../domain/enterprise/row.ts';
import type { Actor } from '../../actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import { importBatches, importIssues, importRows } from '../../db/schema.ts';
import { inScope } from '../../db/tx.ts';
import type { InspectedUpload } from '../../files/inspect.ts';
import { readRows } from '../../files/rows.ts';
import type { Keys } from '../../keys.ts';

export interface BatchOptions {
  fileName: string;
  period: string;
  source: string;
  partial: boolean;
}

/** Records the batch before reading, so its progress can be watched and it is never lost. */
export async function createBatch(db: Db, actor: Actor, upload: InspectedUpload, opts: BatchOptions): Promise<number> {
  const [batch] = await inScope(db, actor, (tx) =>
    tx
      .insert(importBatches)
      .values({
        kind: 'enterprises',
        period: opts.period,
        source: opts.source,
        fileName: opts.fileName,
        size: upload.size,
        sha256: upload.sha256,
        status: 'reading',
        partial: opts.partial,
        actorId: actor.actorId,
        actorName: actor.username,
        regionCode: actor.regionCode,
      })
      .returning({ id: importBatches.id }),
  );
  return batch.id;
}

type StagedRow = typeof importRows.$inferInsert;
type Issue = RowIssue & { severity: 'error' | 'warning' };

const FLUSH_ROWS = 1000;

/**
 * Reads the file row by row into the batch's staging rows, flushing every thousand rows
 * and recording progress. Memory holds one chunk, whatever the file's length. Returns the
 * column keys the file had, or null when its header is unusable (the issues say why).
 */
export async function readIntoBatch(
  db: Db,
  actor: Actor,
  keys: Keys,
  batchId: number,
  upload: { path: string; kind: InspectedUpload['kind'] },
  onProgress: (rowsRead: number) => void = () => {},
): Promise<ColumnKey[] | null> {
  let columns: Map<number, ColumnKey> | null = null;
  let rows: StagedRow[] = [];
  let issues: Issue[] = [];
  let rowsRead = 0;

  const flush = async () => {
    const [r, i] = [rows, issues];
    rows = [];
    issues = [];
    await inScope(db, actor, async (tx) => {
      if (r.length) await tx.insert(importRows).values(r);
      if (i.length) await insertIssues(tx, batchId, i);
      await tx.update(importBatches).set({ rowsRead }).where(eq(importBatches.id, batchId));
    });
    onProgress(rowsRead);
  };

  for await (const { rowNumber, cells } of readRows(upload.path, upload.kind)) {
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
      continue;
    }
    const parsed = parseEnterpriseRow(rowCells(columns, cells), rowNumber);
    rowsRead++;
    const uscc = parsed.value?.uscc ?? usccOf(columns, cells);
    rows.push({
      batchId,
      row: rowNumber,
      uscc,
      data: parsed.value ? stageData(parsed.value, keys) : null,
      hasErrors: parsed.errors.length > 0,
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
  return [...new Set(columns.values())];
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
  const { phone, ...rest } = value;
  return phone
    ? { ...rest, phone: keys.encrypt(phone), phoneHash: keys.lookupHash(phone) }
    : { ...rest, phone: null, phoneHash: null };
}

export async function insertIssues(tx: Tx, batchId: number, issues: Issue[]) {
  for (let i = 0; i < issues.length; i += 1000) {
    await tx.insert(importIssues).values(issues.slice(i, i + 1000).map((x) => ({ batchId, ...x })));
  }
}

export async function failBatch(db: Db, actor: Actor, batchId: number, failure: string) {
  await inScope(db, actor, async (tx) => {
    await tx.execute(sql`delete from import_rows where batch_id = ${batchId}`);
    await tx.update(importBatches).set({ status: 'failed', failure }).where(eq(importBatches.id, batchId));
  });
}

/** Reading runs inside the server process: a batch still 'reading' at start-up was cut off by a restart. */
export async function failInterruptedBatches(db: Db) {
  await db.execute(
    sql`delete from import_rows where batch_id in (select id from import_batches where status = 'reading')`,
  );
  await db
    .update(importBatches)
    .set({ status: 'failed', failure: '读取时服务重启，读取未完成，请重新导入' })
    .where(eq(importBatches.status, 'reading'));
}
