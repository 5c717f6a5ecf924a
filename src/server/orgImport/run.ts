// An organization or member import from file to result: the batch recorded, the file read into
// staging rows in the background and checked against the database (the preview), then written
// on confirmation in one transaction — or, with errors and not in partial mode, nothing but the
// batch, its issues and the audit row.
import { eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { importBatches } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { inspectUpload } from '../files/inspect.ts';
import type { Deps } from '../http.ts';
import {
  type Batch,
  batchOfKind,
  batchResult,
  type Counts,
  countBatch,
  createBatch,
  failBatch,
  type ImportResult,
  keepFile,
  openKeptFile,
} from './batch.ts';
import { type ImportKind, KINDS } from './kinds.ts';
import { checkMembers, writeMembers } from './members.ts';
import { checkOrgs, writeOrgs } from './orgs.ts';
import { readIntoBatch } from './stage.ts';

export interface KindImportRequest {
  /** The uploaded file; a copy is kept in the data directory for the error report. */
  path: string;
  fileName: string;
  partial: boolean;
  dryRun: boolean;
}

type RunDeps = Pick<Deps, 'database' | 'keys' | 'config'>;

/** The checks of a batch against the database as it is now: its rows' outcomes and issues, and its counts. */
async function checkBatch(tx: Tx, actor: Actor, batch: Batch) {
  if (batch.kind === 'orgs') {
    const plans = await checkOrgs(tx, actor, batch);
    return { counts: await countBatch(tx, batch.id), write: () => writeOrgs(tx, actor, batch.id, plans) };
  }
  await checkMembers(tx, actor, batch);
  return { counts: await countBatch(tx, batch.id), write: () => writeMembers(tx, actor, batch) };
}

function audit(tx: Tx, actor: Actor, batch: Batch, action: string, status: string, counts?: Counts) {
  return writeAudit(tx, {
    actorId: actor.actorId,
    actorName: actor.username,
    ip: actor.ip,
    action,
    entity: 'import_batch',
    entityId: batch.id,
    result: status === 'rejected' ? 'failure' : 'success',
    diff: { kind: batch.kind, fileName: batch.fileName, sha256: batch.sha256, partial: batch.partial, status, counts },
  });
}

/**
 * Starts an import: inspects the file, records the batch and keeps the file; then reads and
 * checks it in the background (`finished`), recording progress and the outcome on the batch.
 */
export async function startKindImport(
  deps: RunDeps,
  actor: Actor,
  kind: ImportKind,
  req: KindImportRequest,
  onProgress?: (rowsRead: number) => void,
): Promise<{ batchId: number; finished: Promise<Error | null> }> {
  const { db } = deps.database;
  const upload = await inspectUpload(req.path, req.fileName, { maxBytes: deps.config.maxUploadBytes });
  const batchId = await createBatch(db, actor, kind, upload, req);
  await keepFile(deps.config.dataDir, deps.keys, batchId, kind, upload.kind, req.path);
  const finished = (async () => {
    try {
      const kept = await openKeptFile(deps.config.dataDir, deps.keys, batchId, kind, upload.kind);
      let columns: string[] | null;
      try {
        columns = await readIntoBatch(
          db,
          actor,
          deps.keys,
          kind,
          batchId,
          { path: kept.path, kind: upload.kind },
          onProgress,
        );
      } finally {
        await kept.cleanup();
      }
      await inScope(db, actor, async (tx) => {
        const [read] = await tx
          .update(importBatches)
          .set({ columns: columns ?? [] })
          .where(eq(importBatches.id, batchId))
          .returning();
        const counts = columns ? (await checkBatch(tx, actor, read)).counts : await countBatch(tx, batchId);
        // An unusable header or an empty file is rejected even in partial mode: there is nothing valid to write.
        const rejected = !columns || counts.rows === 0 || (counts.errorRows > 0 && !req.partial);
        const status = rejected ? 'rejected' : req.dryRun ? 'dry-run' : 'staged';
        await tx.update(importBatches).set({ status, counts }).where(eq(importBatches.id, batchId));
        if (status !== 'staged') await audit(tx, actor, read, KINDS[kind].action, status, counts);
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
 * Confirms a staged batch in one transaction: checked again against the database as it is now,
 * then written — or, if the check now finds errors and the batch is not partial, rejected with
 * nothing written. Returns the batch's new status.
 */
export async function applyKindBatch(deps: Pick<Deps, 'database'>, actor: Actor, kind: ImportKind, batchId: number) {
  return inScope(deps.database.db, actor, async (tx) => {
    const batch = await batchOfKind(tx, actor, kind, batchId, true);
    if (batch.status !== 'staged') {
      throw new HttpError(
        409,
        'batch_not_staged',
        `导入批次 ${batchId} 的状态为“${batch.status}”，只有待确认的批次可以写入`,
      );
    }
    const checked = await checkBatch(tx, actor, batch);
    const { counts } = checked;
    const status = counts.errorRows > 0 && !batch.partial ? 'rejected' : 'applied';
    if (status === 'applied') await checked.write();
    await tx
      .update(importBatches)
      .set({ status, counts, appliedAt: status === 'applied' ? new Date() : null })
      .where(eq(importBatches.id, batchId));
    await audit(tx, actor, batch, KINDS[kind].action, status, counts);
    return status;
  });
}

/** Discards a staged batch: nothing is written. */
export async function discardKindBatch(deps: Pick<Deps, 'database'>, actor: Actor, kind: ImportKind, batchId: number) {
  return inScope(deps.database.db, actor, async (tx) => {
    const batch = await batchOfKind(tx, actor, kind, batchId, true);
    if (batch.status !== 'staged') throw new HttpError(409, 'batch_not_staged', '只有待确认的批次可以放弃');
    const [after] = await tx
      .update(importBatches)
      .set({ status: 'discarded' })
      .where(eq(importBatches.id, batchId))
      .returning();
    await audit(tx, actor, batch, KINDS[kind].discardAction, 'discarded');
    return after;
  });
}

/** One import from file to result, waiting for it and writing at once unless it is a dry run: what the CLI does. */
export async function runKindImport(
  deps: RunDeps,
  actor: Actor,
  kind: ImportKind,
  req: KindImportRequest,
  onProgress?: (rowsRead: number) => void,
): Promise<ImportResult> {
  const { batchId, finished } = await startKindImport(deps, actor, kind, req, onProgress);
  const error = await finished;
  if (error) throw error;
  const status = await inScope(
    deps.database.db,
    actor,
    async (tx) => (await batchOfKind(tx, actor, kind, batchId)).status,
  );
  if (status === 'staged') await applyKindBatch(deps, actor, kind, batchId);
  return batchResult(deps.database.db, actor, kind, batchId);
}
