// The batch record of an organization or member import (import_batches, kind 'orgs' or
// 'members'), the uploaded file kept beside it, and the result the CLI and the API report.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { importBatches, importIssues } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { storedFile } from '../enterprises/import/run.ts';
import { notFound } from '../errors.ts';
import type { InspectedUpload, UploadKind } from '../files/inspect.ts';
import type { Keys } from '../keys.ts';
import { inRegionScope } from '../regions/scope.ts';
import { type ImportKind, KINDS } from './kinds.ts';

export type Batch = typeof importBatches.$inferSelect;

export interface Counts {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  discrepancies: number;
  errorRows: number;
  errors: number;
  warnings: number;
}

export interface IssueRow {
  row: number;
  column: string;
  message: string;
}

/** The CLI's --json and the API's result: the enterprise import's shape. */
export interface ImportResult {
  batchId: number;
  status: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  discrepancies: number;
  errors: IssueRow[];
  warnings: IssueRow[];
}

export async function createBatch(
  db: Db,
  actor: Actor,
  kind: ImportKind,
  upload: InspectedUpload,
  opts: { fileName: string; partial: boolean },
): Promise<number> {
  const [batch] = await inScope(db, actor, (tx) =>
    tx
      .insert(importBatches)
      .values({
        kind,
        period: '',
        source: KINDS[kind].source,
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

/**
 * Where the uploaded file is kept for the error report. A member roster holds ID and phone
 * numbers, which rest only encrypted: its copy is the ciphertext of the file's bytes.
 */
function keptPath(dataDir: string, batchId: number, kind: ImportKind, fileKind: UploadKind): string {
  const file = storedFile(dataDir, batchId, fileKind);
  return kind === 'members' ? `${file}.enc` : file;
}

export async function keepFile(
  dataDir: string,
  keys: Keys,
  batchId: number,
  kind: ImportKind,
  fileKind: UploadKind,
  source: string,
) {
  const target = keptPath(dataDir, batchId, kind, fileKind);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  if (kind === 'members') {
    const bytes = await fs.readFile(source);
    await fs.writeFile(target, keys.encrypt(bytes.toString('base64')), { mode: 0o600 });
  } else {
    await fs.copyFile(source, target);
  }
}

/** The kept file as a path readRows can read; `cleanup` removes a decrypted copy at once. */
export async function openKeptFile(
  dataDir: string,
  keys: Keys,
  batchId: number,
  kind: ImportKind,
  fileKind: UploadKind,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const kept = keptPath(dataDir, batchId, kind, fileKind);
  if (kind !== 'members') return { path: kept, cleanup: async () => {} };
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-roster-'));
  const file = path.join(dir, `roster.${fileKind}`);
  const plain = Buffer.from(keys.decrypt(await fs.readFile(kept, 'utf8')), 'base64');
  await fs.writeFile(file, plain, { mode: 0o600 });
  return { path: file, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

export const fileKindOf = (fileName: string): UploadKind => (fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx');

export async function failBatch(db: Db, actor: Actor, batchId: number, failure: string) {
  await inScope(db, actor, async (tx) => {
    await tx.execute(sql`delete from import_rows where batch_id = ${batchId}`);
    await tx.update(importBatches).set({ status: 'failed', failure }).where(eq(importBatches.id, batchId));
  });
}

/** A batch of this kind the actor may see, or 404 as if it did not exist. */
export async function batchOfKind(tx: Tx, actor: Actor, kind: ImportKind, id: number, forUpdate = false) {
  const query = tx
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), eq(importBatches.kind, kind), inRegionScope(importBatches.regionCode, actor)));
  const [batch] = forUpdate ? await query.for('update') : await query;
  if (!batch) throw notFound('导入批次');
  return batch;
}

/** The counts of a batch from its staging rows and issues. */
export async function countBatch(tx: Tx, batchId: number): Promise<Counts> {
  const [counts] = await queryRows<Counts>(
    tx,
    sql`select
          count(*)::int as rows,
          (count(*) filter (where outcome = 'added'))::int as added,
          (count(*) filter (where outcome = 'changed'))::int as changed,
          (count(*) filter (where outcome = 'unchanged'))::int as unchanged,
          0 as missing,
          0 as discrepancies,
          (count(*) filter (where outcome = 'error'))::int as "errorRows",
          (select count(*)::int from import_issues where batch_id = ${batchId} and severity = 'error') as errors,
          (select count(*)::int from import_issues where batch_id = ${batchId} and severity = 'warning') as warnings
        from import_rows where batch_id = ${batchId}`,
  );
  return counts;
}

export async function batchResult(db: Db, actor: Actor, kind: ImportKind, batchId: number): Promise<ImportResult> {
  return inScope(db, actor, async (tx) => {
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
      missing: 0,
      discrepancies: 0,
      errors: issues.filter((i) => i.severity === 'error').map(strip),
      warnings: issues.filter((i) => i.severity === 'warning').map(strip),
    };
  });
}
