import { sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { UploadKind } from '../../files/inspect.ts';
import type { Keys } from '../../keys.ts';
import { type Issue, insertIssues } from '../batches.ts';
import { type StageReading, stageFile } from '../stage.ts';
import { type ImportKind, noDataRowsMessage, READINGS, type StagedData } from './kinds.ts';

export type { Issue };

export interface StagedRow {
  row: number;
  data: StagedData;
  has_errors: boolean;
  outcome: 'error' | null;
}

/** Rows per write, and per update of the checks' outcomes. */
const FLUSH_ROWS = 1000;

/** How an org or member file is staged (the shared loop is `stageFile`). */
function kindReading(kind: ImportKind, keys: Keys): StageReading<string, StagedRow> {
  const reading = READINGS[kind];
  return {
    header(cells, rowNumber) {
      const header = reading.mapHeader(cells, rowNumber);
      const issues: Issue[] = [
        ...header.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
        ...header.errors.map((e) => ({ ...e, severity: 'error' as const })),
      ];
      return { columns: header.errors.length > 0 ? null : header.columns, issues };
    },
    row(columns, cells, rowNumber) {
      const parsed = reading.parse(columns, cells, rowNumber);
      const staged: StagedRow = parsed.ok
        ? {
            row: rowNumber,
            data: { v: reading.stage(parsed.value, keys), warnings: parsed.warnings },
            has_errors: false,
            outcome: null,
          }
        : { row: rowNumber, data: { raw: reading.raw(columns, cells) ?? {} }, has_errors: true, outcome: 'error' };
      const issues: Issue[] = [
        ...parsed.errors.map((e) => ({ ...e, severity: 'error' as const })),
        ...parsed.warnings.map((w) => ({ ...w, severity: 'warning' as const })),
      ];
      return { staged, issues };
    },
    insert: insertStagedRows,
    // These files are small, so a chunk is a few hundred kilobytes of JSON at most.
    chunkRows: FLUSH_ROWS,
    noDataRows: noDataRowsMessage(kind),
  };
}

/**
 * Reads an org or member file into the batch's staging rows (import_rows.data) and its issues.
 * Returns the column keys the header had, or null when the header is unusable (the issues say why).
 */
export function readIntoBatch(
  db: Db,
  actor: Actor,
  keys: Keys,
  kind: ImportKind,
  batchId: number,
  file: { path: string; kind: UploadKind },
  onCount: (nonEmptyRows: number) => unknown,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<string[] | null> {
  return stageFile(db, actor, batchId, file, kindReading(kind, keys), onCount, onProgress);
}

export async function insertStagedRows(tx: Tx, batchId: number, rows: StagedRow[], rowsRead: number) {
  if (rows.length) {
    await tx.execute(sql`
      insert into import_rows (batch_id, row, data, has_errors, outcome)
      select ${batchId}, r.row, r.data, r.has_errors, r.outcome
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r("row" integer, data jsonb, has_errors boolean, outcome text)
      order by r.row`);
  }
  await tx.execute(sql`update import_batches set rows_read = ${rowsRead} where id = ${batchId}`);
}

/** A row's outcome after the checks against the database: what the preview shows and the apply writes. */
export interface RowOutcome {
  row: number;
  outcome: 'added' | 'changed' | 'unchanged' | 'error';
  diff: Record<string, { before: unknown; after: unknown }> | null;
  /** Merged into the row's data as `r` (what the checks resolved), when given. */
  resolved?: Record<string, number | null>;
}

/**
 * Records the checks' result for rows that parsed: their issues replace the ones the last check
 * left (the rows' own parse warnings are issued again from their data), and each gets its outcome.
 */
export async function recordOutcomes(tx: Tx, batchId: number, outcomes: RowOutcome[], issues: Issue[]) {
  if (outcomes.length === 0) return;
  const rowList = `{${outcomes.map((o) => o.row).join(',')}}`;
  await tx.execute(sql`delete from import_issues where batch_id = ${batchId} and row = any(${rowList}::int[])`);
  await insertIssues(tx, batchId, issues);
  for (let i = 0; i < outcomes.length; i += FLUSH_ROWS) {
    const chunk = outcomes.slice(i, i + FLUSH_ROWS).map((o) => ({ ...o, resolved: o.resolved ?? null }));
    await tx.execute(sql`
      update import_rows r set
        outcome = o.outcome, diff = o.diff, has_errors = o.outcome = 'error',
        data = case when o.resolved is null then r.data else jsonb_set(r.data, '{r}', o.resolved) end
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
        as o("row" integer, outcome text, diff jsonb, resolved jsonb)
      where r.batch_id = ${batchId} and r.row = o.row`);
  }
}

/** The parse warnings a staged row carries, as issues. */
export function warningsOf(data: StagedData): Issue[] {
  return (data.warnings ?? []).map((w) => ({ ...w, severity: 'warning' as const }));
}
