// One import pipeline for every file kind: the upload is inspected, the batch recorded and the
// file kept; the file is read into staging rows in the background and checked against the
// database (the preview); then the batch is confirmed in ONE transaction that locks it within
// the actor's scope, checks it again, writes it and audits — or it is discarded. What differs
// between the enterprise, org and member files is an adapter (./adapters/), small enough to read
// at a glance; the later areas' imports plug in the same way.
import type { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Permission } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { importBatches } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { inspectUpload, type UploadKind } from '../files/inspect.ts';
import type { Deps } from '../http.ts';
import type { Keys } from '../keys.ts';
import {
  type Batch,
  type BatchKind,
  type BatchStatus,
  batchOfKind,
  batchResult,
  type Counts,
  createBatch,
  failBatch,
  type ImportResult,
  keepFile,
  openKeptFile,
  type PageRequest,
} from './batches.ts';

export type PipelineDeps = Pick<Deps, 'database' | 'keys' | 'config'>;

/** When a batch is audited: its reading ended (dry run, rejection), it was confirmed, or discarded. */
export type Moment = 'read' | 'apply' | 'discard';

/** A batch's rows checked against the database as it is now, and how to write them. */
export interface Checked {
  counts: Counts;
  write: () => Promise<unknown>;
}

export interface ImportAdapter {
  kind: BatchKind;
  /** The API document's tag of the kind's routes. */
  tag: string;
  /** The file's name in messages, summaries and the template's file name. */
  title: string;
  /** What uploading, confirming and discarding need, and what reading the batches needs. */
  permission: Permission;
  readPermission: Permission;
  /** The audit actions of the kind's routes. */
  actions: { import: string; discard: string; template: string; list: string; read: string; errorReport: string };
  /** The summaries that differ between kinds (the API document's). */
  summaries: { template: string; upload: string; list: string; rows: string; apply: string; discard: string };
  /** The kept file is encrypted at rest (it holds ID or phone numbers in clear). */
  encryptKept: boolean;
  /** The batch's period and source, checked (the enterprise file is filed under them), or refused with 400. */
  labels(req: { period?: string; source?: string }): { period: string; source: string };
  template(): Promise<Buffer>;
  /** Reads the kept file into the batch's staging rows; the column keys its header had, or null if unusable. */
  read(ctx: ReadContext): Promise<string[] | null>;
  /** Checks the staged rows against the database: on reading (the preview) and again on confirmation. */
  check(tx: Tx, actor: Actor, batch: Batch, moment: 'read' | 'apply'): Promise<Checked>;
  /** The counts of a batch whose header could not be read. */
  unreadable(tx: Tx, batchId: number): Promise<Counts>;
  /** What the audit row of the batch records. */
  auditDiff(
    batch: Batch,
    status: BatchStatus,
    counts: Counts | undefined,
    moment: Moment,
  ): Record<string, unknown> | undefined;
  /**
   * Errors found on confirmation of a batch that is not partial: 'refuse' answers 409 and
   * leaves the batch staged; 'reject' records the batch as rejected (audited) and then answers 409.
   */
  errorsOnApply: { mode: 'refuse' | 'reject'; message: string };
  /** After the confirmation's transaction commits (e.g. fresh planner statistics). */
  afterApply?(db: Db, counts: Counts): Promise<void>;
  rows: {
    outcome: z.ZodType<string>;
    item: z.ZodType;
    list(
      tx: Tx,
      actor: Actor,
      id: number,
      outcome: string,
      page: PageRequest,
    ): Promise<{ total: number; items: unknown[] }>;
  };
}

export interface ReadContext {
  db: Db;
  actor: Actor;
  keys: Keys;
  batchId: number;
  file: { path: string; kind: UploadKind };
  onProgress: (rowsRead: number) => void;
}

export interface ImportRequest {
  /** The uploaded file; a copy is kept in the data directory, where the error report reads it again. */
  path: string;
  fileName: string;
  partial: boolean;
  dryRun: boolean;
  /** The enterprise file's labels. */
  period?: string;
  source?: string;
}

function audit(
  tx: Tx,
  actor: Actor,
  adapter: ImportAdapter,
  batch: Batch,
  status: BatchStatus,
  moment: Moment,
  counts?: Counts,
) {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action: moment === 'discard' ? adapter.actions.discard : adapter.actions.import,
    entity: 'import_batch',
    entityId: batch.id,
    result: status === 'rejected' ? 'failure' : 'success',
    diff: adapter.auditDiff(batch, status, counts, moment) ?? null,
  });
}

/**
 * Starts an import: inspects the file, records the batch and keeps the file; then reads and
 * checks it in the background (`finished`), recording progress and the outcome on the batch,
 * so whoever started it can leave and come back.
 */
export async function startImport(
  deps: PipelineDeps,
  actor: Actor,
  adapter: ImportAdapter,
  req: ImportRequest,
  onProgress: (rowsRead: number) => void = () => {},
): Promise<{ batchId: number; finished: Promise<Error | null> }> {
  const { db } = deps.database;
  const labels = adapter.labels(req);
  const upload = await inspectUpload(req.path, req.fileName, { maxBytes: deps.config.maxUploadBytes });
  const batchId = await createBatch(db, actor, adapter.kind, upload, { ...req, ...labels });
  const { dataDir } = deps.config;
  await keepFile(dataDir, deps.keys, batchId, upload.kind, req.path, adapter.encryptKept);
  const finished = (async () => {
    try {
      const kept = await openKeptFile(dataDir, deps.keys, batchId, upload.kind, adapter.encryptKept);
      let columns: string[] | null;
      try {
        const file = { path: kept.path, kind: upload.kind };
        columns = await adapter.read({ db, actor, keys: deps.keys, batchId, file, onProgress });
      } finally {
        await kept.cleanup();
      }
      await inScope(db, actor, async (tx) => {
        const [read] = await tx
          .update(importBatches)
          .set({ columns: columns ?? [] })
          .where(eq(importBatches.id, batchId))
          .returning();
        const counts = columns
          ? (await adapter.check(tx, actor, read, 'read')).counts
          : await adapter.unreadable(tx, batchId);
        // An unusable header or an empty file is rejected even in partial mode: there is nothing valid to write.
        const rejected = !columns || counts.rows === 0 || (counts.errorRows > 0 && !req.partial);
        const status = rejected ? 'rejected' : req.dryRun ? 'dry-run' : 'staged';
        await tx.update(importBatches).set({ status, counts }).where(eq(importBatches.id, batchId));
        if (status !== 'staged') await audit(tx, actor, adapter, read, status, 'read', counts);
      });
      return null;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      await failBatch(db, actor, batchId, error.message).catch(() => {});
      return error;
    }
  })();
  return { batchId, finished };
}

/**
 * Confirms a staged batch inside the caller's one transaction: locks it within the actor's
 * scope (404 outside it), checks it again against the database as it is now, then writes it —
 * or, if the check now finds errors and the batch is not partial, refuses or rejects it as the
 * adapter says, writing nothing. Returns the batch as it now is.
 */
export async function applyBatch(tx: Tx, actor: Actor, adapter: ImportAdapter, batchId: number) {
  const batch = await batchOfKind(tx, actor, adapter.kind, batchId, true);
  if (batch.status !== 'staged') {
    throw new HttpError(
      409,
      'batch_not_staged',
      `导入批次 ${batchId} 的状态为“${batch.status}”，只有待确认的批次可以写入`,
    );
  }
  const checked = await adapter.check(tx, actor, batch, 'apply');
  const { counts } = checked;
  const hasErrors = counts.errorRows > 0 && !batch.partial;
  if (hasErrors && adapter.errorsOnApply.mode === 'refuse') {
    throw new HttpError(409, 'batch_has_errors', adapter.errorsOnApply.message);
  }
  const status = hasErrors ? 'rejected' : 'applied';
  if (status === 'applied') await checked.write();
  const [after] = await tx
    .update(importBatches)
    .set({ status, counts, appliedAt: status === 'applied' ? new Date() : null })
    .where(eq(importBatches.id, batchId))
    .returning();
  await audit(tx, actor, adapter, batch, status, 'apply', counts);
  return { batch: after, counts };
}

/** Confirms a staged batch in one transaction of its own, then runs what follows the commit. */
export async function applyInOwnTransaction(db: Db, actor: Actor, adapter: ImportAdapter, batchId: number) {
  const applied = await inScope(db, actor, (tx) => applyBatch(tx, actor, adapter, batchId));
  if (applied.batch.status === 'applied') await adapter.afterApply?.(db, applied.counts);
  return applied.batch;
}

/** Discards a staged batch: nothing is written. */
export async function discardBatch(tx: Tx, actor: Actor, adapter: ImportAdapter, batchId: number) {
  const batch = await batchOfKind(tx, actor, adapter.kind, batchId, true);
  if (batch.status !== 'staged') throw new HttpError(409, 'batch_not_staged', '只有待确认的批次可以放弃');
  const [after] = await tx
    .update(importBatches)
    .set({ status: 'discarded' })
    .where(eq(importBatches.id, batchId))
    .returning();
  await audit(tx, actor, adapter, batch, 'discarded', 'discard');
  return after;
}

/**
 * One import from file to result, waiting for it: what the CLI does. A staged batch is
 * written at once unless `apply` is false (a test that previews first).
 */
export async function runImport(
  deps: PipelineDeps,
  actor: Actor,
  adapter: ImportAdapter,
  req: ImportRequest & { apply?: boolean },
  onProgress?: (rowsRead: number) => void,
): Promise<ImportResult> {
  const { db } = deps.database;
  const { batchId, finished } = await startImport(deps, actor, adapter, req, onProgress);
  const error = await finished;
  if (error) throw error;
  const { status } = await inScope(db, actor, (tx) => batchOfKind(tx, actor, adapter.kind, batchId));
  if (req.apply !== false && status === 'staged') await applyInOwnTransaction(db, actor, adapter, batchId);
  return inScope(db, actor, (tx) => batchResult(tx, actor, adapter.kind, batchId));
}
