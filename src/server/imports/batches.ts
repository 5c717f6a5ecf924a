// The batch of an import, whatever its kind (import_batches with its staging rows, issues and
// kept file): recorded before the file is read, read within the actor's scope, reported in
// the CLI's --json shape. Every kind's adapter and route reads and writes batches through here.
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { RowIssue } from '../../domain/enterprise/input.ts';
import type { Actor } from '../actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { importBatches, importIssues } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { notFound } from '../errors.ts';
import type { InspectedUpload, UploadKind } from '../files/inspect.ts';
import { inRegionScope } from '../regions/scope.ts';

/** The files the pipeline imports; import_batches.kind. */
export const BATCH_KINDS = ['enterprises', 'orgs', 'members', 'meetings', 'achievements', 'national_members'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

export const BATCH_STATUSES = ['reading', 'staged', 'applied', 'rejected', 'dry-run', 'failed', 'discarded'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export type Batch = typeof importBatches.$inferSelect;

/** How a file's rows compare with what was there: the counts a batch keeps and its result reports. */
interface RowCounts {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  discrepancies: number;
}

export interface Counts extends RowCounts {
  errorRows: number;
  errors: number;
  warnings: number;
}

export interface IssueRow {
  row: number;
  column: string;
  message: string;
}

export type Issue = RowIssue & { severity: 'error' | 'warning' };

/** What the CLI's --json and the API's result report of a batch. */
export interface ImportResult extends RowCounts {
  batchId: number;
  status: string;
  errors: IssueRow[];
  warnings: IssueRow[];
}

/**
 * How far a batch's reading has got, as recorded on the batch (rows_read, rows_total) and
 * told to whoever waits in the process: the file's data rows read and staged so far, of
 * how many it has — null until they are counted.
 */
export interface ReadProgress {
  rowsRead: number;
  rowsTotal: number | null;
}

export type OnProgress = (progress: ReadProgress) => void;

/** Records how many data rows the file has: its non-empty rows but the header. */
export async function recordRowsTotal(db: Db, actor: Actor, batchId: number, nonEmptyRows: number) {
  const rowsTotal = Math.max(0, nonEmptyRows - 1);
  await inScope(db, actor, (tx) => tx.update(importBatches).set({ rowsTotal }).where(eq(importBatches.id, batchId)));
  return rowsTotal;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export const offsetOf = (p: PageRequest) => (p.page - 1) * p.pageSize;

/**
 * Records the batch before reading, so its progress can be watched and it is never lost: under
 * the id its owner reserved and locked (ownership.ts).
 */
export async function createBatch(
  db: Db,
  actor: Actor,
  kind: BatchKind,
  upload: InspectedUpload,
  opts: { id: number; owner: string; fileName: string; partial: boolean; period: string; source: string },
): Promise<number> {
  const [batch] = await inScope(db, actor, (tx) =>
    tx
      .insert(importBatches)
      .values({
        id: opts.id,
        owner: opts.owner,
        kind,
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

export const fileKindOf = (fileName: string): UploadKind => (fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');

/** Issues a chunk at a time: one JSON parameter each, whatever the file's length. */
export async function insertIssues(tx: Tx, batchId: number, issues: Issue[]) {
  for (let i = 0; i < issues.length; i += 5000) {
    await tx.execute(sql`
      insert into import_issues (batch_id, row, "column", message, severity)
      select ${batchId}, i.row, i.column, i.message, i.severity
      from jsonb_to_recordset(${JSON.stringify(issues.slice(i, i + 5000))}::jsonb)
        as i("row" integer, "column" text, message text, severity text)`);
  }
}

export async function failBatch(db: Db, actor: Actor, batchId: number, failure: string) {
  await inScope(db, actor, async (tx) => {
    await tx.execute(sql`delete from import_rows where batch_id = ${batchId}`);
    await tx.update(importBatches).set({ status: 'failed', failure }).where(eq(importBatches.id, batchId));
  });
}

/**
 * A kind's batches in the actor's region; a secretary's, only their own: a secretary imports for
 * their org alone, and another org's batch in the same region is not theirs to see.
 */
const batchesOf = (actor: Actor, kind: BatchKind) =>
  and(
    eq(importBatches.kind, kind),
    inRegionScope(importBatches.regionCode, actor),
    actor.orgId === null ? undefined : eq(importBatches.actorId, actor.actorId ?? -1),
  );

/**
 * A batch of this kind the actor may see, or 404 as if it did not exist (row-level security
 * and the region condition agree). `forUpdate` locks it: confirming and discarding hold the
 * lock until their transaction ends, so a batch is written or discarded once.
 */
export async function batchOfKind(tx: Tx, actor: Actor, kind: BatchKind, id: number, forUpdate = false) {
  const query = tx
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), batchesOf(actor, kind)));
  const [batch] = forUpdate ? await query.for('update') : await query;
  if (!batch) throw notFound('导入批次');
  return batch;
}

/** The batches of one kind in scope, newest first. */
export async function listBatches(tx: Tx, actor: Actor, kind: BatchKind, p: PageRequest) {
  const where = batchesOf(actor, kind);
  const [{ total }] = await tx.select({ total: count() }).from(importBatches).where(where);
  const items = await tx
    .select()
    .from(importBatches)
    .where(where)
    .orderBy(desc(importBatches.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  return { total, items };
}

/** A batch's errors or warnings by row and column. */
export async function batchIssues(
  tx: Tx,
  actor: Actor,
  kind: BatchKind,
  id: number,
  severity: 'error' | 'warning',
  p: PageRequest,
) {
  await batchOfKind(tx, actor, kind, id);
  const where = and(eq(importIssues.batchId, id), eq(importIssues.severity, severity));
  const [{ total }] = await tx.select({ total: count() }).from(importIssues).where(where);
  const items = await tx
    .select({ row: importIssues.row, column: importIssues.column, message: importIssues.message })
    .from(importIssues)
    .where(where)
    .orderBy(asc(importIssues.row), asc(importIssues.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  return { total, items };
}

/**
 * The counts of a batch from its staging rows and issues. Only the enterprise file is checked
 * for missing enterprises and discrepancies: it says how to count them; other files have none.
 */
export async function countBatch(
  tx: Tx,
  batchId: number,
  checks: { missing: SQL; discrepancies: SQL } = { missing: sql`0`, discrepancies: sql`0` },
): Promise<Counts> {
  const [counts] = await queryRows<Counts>(
    tx,
    sql`select
          count(*)::int as rows,
          (count(*) filter (where outcome = 'added'))::int as added,
          (count(*) filter (where outcome = 'changed'))::int as changed,
          (count(*) filter (where outcome = 'unchanged'))::int as unchanged,
          ${checks.missing} as missing,
          ${checks.discrepancies} as discrepancies,
          (count(*) filter (where outcome = 'error'))::int as "errorRows",
          (select count(*)::int from import_issues where batch_id = ${batchId} and severity = 'error') as errors,
          (select count(*)::int from import_issues where batch_id = ${batchId} and severity = 'warning') as warnings
        from import_rows where batch_id = ${batchId}`,
  );
  return counts;
}

/** The batch as the CLI's --json and the API report it. */
export async function batchResult(tx: Tx, actor: Actor, kind: BatchKind, batchId: number): Promise<ImportResult> {
  const batch = await batchOfKind(tx, actor, kind, batchId);
  const issues = await tx
    .select({
      row: importIssues.row,
      column: importIssues.column,
      message: importIssues.message,
      severity: importIssues.severity,
    })
    .from(importIssues)
    .where(eq(importIssues.batchId, batchId))
    .orderBy(asc(importIssues.row), asc(importIssues.id));
  const c = batch.counts as Partial<Counts>;
  const strip = ({ row, column, message }: (typeof issues)[number]) => ({ row, column, message });
  return {
    batchId,
    status: batch.status,
    rows: c.rows ?? 0,
    added: c.added ?? 0,
    changed: c.changed ?? 0,
    unchanged: c.unchanged ?? 0,
    missing: c.missing ?? 0,
    discrepancies: c.discrepancies ?? 0,
    errors: issues.filter((i) => i.severity === 'error').map(strip),
    warnings: issues.filter((i) => i.severity === 'warning').map(strip),
  };
}
