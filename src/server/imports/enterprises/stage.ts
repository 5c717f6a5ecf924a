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
import type { InspectedUpload } from '../../files/inspect.ts';
import type { Keys } from '../../keys.ts';
import type { Issue } from '../batches.ts';
import { type StageReading, stageFile } from '../stage.ts';
import { outcomeSql } from './outcome.ts';

type StagedRow = { row: number; uscc: string | null; data: Record<string, unknown> | null; has_errors: boolean };

/** How an enterprise file is staged (the shared loop is `stageFile`). */
function enterpriseReading(keys: Keys): StageReading<ColumnKey, StagedRow> {
  return {
    header(cells, rowNumber) {
      const header = mapHeader(cells);
      const issues: Issue[] = [];
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
      const usable = header.missing.length === 0 && header.duplicates.length === 0;
      return { columns: usable ? header.columns : null, issues };
    },
    row(columns, cells, rowNumber) {
      const parsed = parseEnterpriseRow(rowCells(columns, cells), rowNumber);
      const staged = {
        row: rowNumber,
        uscc: parsed.value?.uscc ?? usccOf(columns, cells),
        data: parsed.value ? stageData(parsed.value, keys) : null,
        has_errors: parsed.errors.length > 0,
      };
      const issues: Issue[] = [
        ...parsed.errors.map((e) => ({ ...e, severity: 'error' as const })),
        ...parsed.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
      ];
      return { staged, issues };
    },
    insert: insertStagedRows,
    // Each chunk goes to the database as one JSON parameter expanded by `jsonb_to_recordset` (a
    // handful of parameters instead of one per cell, and the same SQL on both drivers).
    chunkRows: 5000,
    noDataRows: NO_DATA_ROWS_MESSAGE,
  };
}

/**
 * Reads an enterprise file into the batch's staging rows and issues. Returns the column keys the
 * file had, or null when its header is unusable (the issues say why).
 */
export function readIntoBatch(
  db: Db,
  actor: Actor,
  keys: Keys,
  batchId: number,
  upload: { path: string; kind: InspectedUpload['kind'] },
  onCount: (nonEmptyRows: number) => unknown,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<ColumnKey[] | null> {
  return stageFile(db, actor, batchId, upload, enterpriseReading(keys), onCount, onProgress);
}

/** The uscc of a row that failed to parse, as written, so duplicates and missing still see it. */
function usccOf(columns: Map<number, ColumnKey>, cells: readonly unknown[]): string | null {
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
  rows: StagedRow[],
  rowsRead: number,
  columns: readonly ColumnKey[],
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
