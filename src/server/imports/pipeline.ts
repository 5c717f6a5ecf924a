// One import pipeline for every file kind: the upload is inspected, the batch recorded and the
// file kept; the file is read into staging rows in the background and checked against the
// database (the preview); then the batch is confirmed in ONE transaction that locks it within
// the actor's scope, checks it again, writes it and audits — or it is discarded. What differs
// between the enterprise, org and member files is an adapter (./adapters/), small enough to read
// at a glance; the later areas' imports plug in the same way.
import type { z } from '@hono/zod-openapi';
import { eq, sql } from 'drizzle-orm';
import type { AuditAction } from '../../domain/auditActions.ts';
import type { Permission } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { importBatches } from '../db/schema.ts';
import { detached } from '../db/turns.ts';
import { inScope } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { faultPoint } from '../faultPoint.ts';
import { inspectUpload, type UploadKind } from '../files/inspect.ts';
import type { Deps } from '../http.ts';
import type { Keys } from '../keys.ts';
import { describeForLog } from '../logSafe.ts';
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
  type OnProgress,
  type PageRequest,
  recordRowsTotal,
} from './batches.ts';
import { keepFile, openKeptFile } from './keptFiles.ts';
import { type Claim, claimNewBatch } from './ownership.ts';

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
  actions: {
    import: AuditAction;
    discard: AuditAction;
    template: AuditAction;
    list: AuditAction;
    read: AuditAction;
    errorReport: AuditAction;
  };
  /** The summaries that differ between kinds (the API document's). */
  summaries: { template: string; upload: string; list: string; rows: string; apply: string; discard: string };
  /** The batch's period and source, checked (the enterprise file is filed under them), or refused with 400. */
  labels(req: { period?: string; source?: string; partial?: boolean }): { period: string; source: string };
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
  /** What the file lacks of what we hold (the reconciliation's “missing”), where the kind has it. */
  missing?: MissingList;
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

export interface MissingList {
  summary: string;
  item: z.ZodType;
  list(tx: Tx, actor: Actor, id: number, page: PageRequest, keys: Keys): Promise<{ total: number; items: unknown[] }>;
}

export interface ReadContext {
  db: Db;
  actor: Actor;
  keys: Keys;
  batchId: number;
  file: { path: string; kind: UploadKind };
  /** Called with the file's non-empty rows once they are counted, before the first row is read. */
  onCount: (nonEmptyRows: number) => Promise<unknown>;
  /** Called with the rows read and staged so far, after each chunk is written. */
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
 * so whoever started it can leave and come back. The batch is this process's (its lock held,
 * ownership.ts) while it is read; with `keepOwnership` (the CLI, which applies it next) until
 * the caller calls `release`, otherwise a staged batch is handed to whoever confirms it.
 */
export async function startImport(
  deps: PipelineDeps,
  actor: Actor,
  adapter: ImportAdapter,
  req: ImportRequest,
  onProgress: OnProgress = () => {},
  keepOwnership = false,
): Promise<{ batchId: number; owner: string; finished: Promise<Error | null>; release: () => Promise<void> }> {
  const { db } = deps.database;
  const labels = adapter.labels(req);
  const upload = await inspectUpload(req.path, req.fileName, { maxBytes: deps.config.maxUploadBytes });
  const claim = await claimNewBatch(deps.database);
  let batchId: number;
  try {
    batchId = await createBatch(db, actor, adapter.kind, upload, { ...req, ...labels, ...claim });
  } catch (err) {
    await claim.release();
    throw err;
  }
  const { dataDir } = deps.config;
  // Kept before this returns, not in the background: the caller removes its upload once it
  // has the batch. A failure to keep it fails the batch below, like any failure of the read.
  const notKept = await keepFile(dataDir, deps.keys, batchId, upload.kind, req.path).then(
    () => null,
    (err: unknown) => err,
  );
  // Not the upload's request's work: its client leaving must not stop the read (db/turns.ts).
  const finished = detached(async () => {
    try {
      if (notKept) throw notKept;
      const kept = await openKeptFile(dataDir, deps.keys, batchId, upload.kind);
      let columns: string[] | null;
      try {
        await faultPoint('import-read');
        const file = { path: kept.path, kind: upload.kind };
        let rowsTotal: number | null = null;
        const onCount = async (nonEmptyRows: number) => {
          rowsTotal = await recordRowsTotal(db, actor, batchId, nonEmptyRows);
          onProgress({ rowsRead: 0, rowsTotal });
        };
        const onRead = (rowsRead: number) => onProgress({ rowsRead, rowsTotal });
        columns = await adapter.read({ db, actor, keys: deps.keys, batchId, file, onCount, onProgress: onRead });
      } finally {
        await kept.cleanup();
      }
      await faultPoint('import-stage');
      await inScope(db, actor, async (tx) => {
        const read = await stillReading(tx, actor, adapter, batchId, claim);
        // What was read is the whole: a file whose header stopped the reading ends "0 / 0".
        const [withColumns] = await tx
          .update(importBatches)
          .set({ columns: columns ?? [], rowsTotal: read.rowsRead })
          .where(eq(importBatches.id, batchId))
          .returning();
        const counts = columns
          ? (await adapter.check(tx, actor, withColumns, 'read')).counts
          : await adapter.unreadable(tx, batchId);
        // An unusable header or an empty file is rejected even in partial mode: there is nothing valid to write.
        const rejected = !columns || counts.rows === 0 || (counts.errorRows > 0 && !req.partial);
        const status = rejected ? 'rejected' : req.dryRun ? 'dry-run' : 'staged';
        const owner = status === 'staged' && !keepOwnership ? null : read.owner;
        await tx.update(importBatches).set({ status, counts, owner }).where(eq(importBatches.id, batchId));
        if (status !== 'staged') await audit(tx, actor, adapter, withColumns, status, 'read', counts);
      });
      return null;
    } catch (err) {
      const error = failure(batchId, err);
      await failBatch(db, actor, batchId, error.message).catch(() => {});
      return error;
    } finally {
      if (!keepOwnership) await claim.release();
    }
  });
  return { batchId, owner: claim.owner, finished, release: claim.release };
}

/**
 * The batch at the end of its reading, locked: still reading, still this process's, and every
 * row read staged. Otherwise something failed it under the reader (a clean-up that found its
 * lock gone), and nothing read may be staged.
 */
async function stillReading(tx: Tx, actor: Actor, adapter: ImportAdapter, batchId: number, claim: Claim) {
  const batch = await batchOfKind(tx, actor, adapter.kind, batchId, true);
  if (batch.status !== 'reading' || batch.owner !== claim.owner) {
    throw new HttpError(
      409,
      'batch_taken',
      `导入批次 ${batchId} 在读取时被标记为“${batch.status}”，读取的内容不予暂存，请重新导入`,
    );
  }
  await assertAllStaged(tx, batch);
  return batch;
}

/** The staged rows are as many as the rows read, or the batch is refused (409) and nothing is written. */
async function assertAllStaged(tx: Tx, batch: Batch) {
  const [{ n }] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from import_rows where batch_id = ${batch.id}`,
  );
  if (n !== batch.rowsRead) {
    throw new HttpError(
      409,
      'batch_incomplete',
      `导入批次 ${batch.id} 暂存的行数（${n}）与读取的行数（${batch.rowsRead}）不符，未写入；请重新导入`,
    );
  }
}

/**
 * What a failed batch tells its readers: a refusal meant for users (a file over a limit, a cell
 * named by row and column) as it is; anything else — a database error, whose message holds the
 * SQL and its parameters — only as a notice, its details going to the server log without them.
 */
function failure(batchId: number, err: unknown): Error {
  if (err instanceof HttpError) return err;
  console.error(`导入批次 ${batchId} 失败：${describeForLog(err)}`);
  return new Error(
    `导入批次 ${batchId} 读取失败（服务器内部错误），未写入任何数据。请重新导入；如仍失败，请联系系统管理员查看服务器日志`,
  );
}

/**
 * Confirms a staged batch inside the caller's one transaction: locks it within the actor's
 * scope (404 outside it), checks it again against the database as it is now, then writes it —
 * or, if the check now finds errors and the batch is not partial, refuses or rejects it as the
 * adapter says, writing nothing. Returns the batch as it now is.
 */
export async function applyBatch(
  tx: Tx,
  actor: Actor,
  adapter: ImportAdapter,
  batchId: number,
  owner: string | null = null,
) {
  const batch = await batchOfKind(tx, actor, adapter.kind, batchId, true);
  if (batch.status !== 'staged') {
    throw new HttpError(
      409,
      'batch_not_staged',
      `导入批次 ${batchId} 的状态为“${batch.status}”，只有待确认的批次可以写入`,
    );
  }
  // A batch a CLI import still works on is that import's to apply.
  if (batch.owner !== owner) {
    throw new HttpError(409, 'batch_owned', `导入批次 ${batchId} 正由另一进程处理，不能在此确认`);
  }
  await assertAllStaged(tx, batch);
  const checked = await adapter.check(tx, actor, batch, 'apply');
  const { counts } = checked;
  const hasErrors = counts.errorRows > 0 && !batch.partial;
  if (hasErrors && adapter.errorsOnApply.mode === 'refuse') {
    throw new HttpError(409, 'batch_has_errors', adapter.errorsOnApply.message);
  }
  const status = hasErrors ? 'rejected' : 'applied';
  if (status === 'applied') await checked.write();
  await faultPoint('import-apply');
  const [after] = await tx
    .update(importBatches)
    .set({ status, counts, appliedAt: status === 'applied' ? new Date() : null })
    .where(eq(importBatches.id, batchId))
    .returning();
  await audit(tx, actor, adapter, batch, status, 'apply', counts);
  return { batch: after, counts };
}

/** Confirms a staged batch in one transaction of its own, then runs what follows the commit. */
export async function applyInOwnTransaction(
  db: Db,
  actor: Actor,
  adapter: ImportAdapter,
  batchId: number,
  owner: string | null = null,
) {
  const applied = await inScope(db, actor, (tx) => applyBatch(tx, actor, adapter, batchId, owner));
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
  onProgress?: OnProgress,
): Promise<ImportResult> {
  const { db } = deps.database;
  const { batchId, owner, finished, release } = await startImport(deps, actor, adapter, req, onProgress, true);
  try {
    const error = await finished;
    if (error) throw error;
    const { status } = await inScope(db, actor, (tx) => batchOfKind(tx, actor, adapter.kind, batchId));
    if (status === 'staged') {
      if (req.apply !== false) await applyInOwnTransaction(db, actor, adapter, batchId, owner);
      // Previewed only: the staged batch is handed to whoever confirms or discards it.
      else await db.update(importBatches).set({ owner: null }).where(eq(importBatches.id, batchId));
    }
    return await inScope(db, actor, (tx) => batchResult(tx, actor, adapter.kind, batchId));
  } finally {
    await release();
  }
}
