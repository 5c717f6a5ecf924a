import fs from 'node:fs/promises';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import { writeAudit } from '../../audit/audit.ts';
import { importBatches, importIssues } from '../../db/schema.ts';
import { inScope } from '../../db/tx.ts';
import { HttpError } from '../../errors.ts';
import { inspectUpload } from '../../files/inspect.ts';
import type { Deps } from '../../http.ts';
import { analyzeAfterBulkChange } from './analyze.ts';
import { applyBatch } from './apply.ts';
import { checkAgainstDatabase, reconcile } from './reconcile.ts';
import { createBatch, failBatch, readIntoBatch } from './stage.ts';

export interface ImportRequest {
  /** The uploaded file; it is moved into the data directory, where the error report reads it again. */
  path: string;
  fileName: string;
  period: string;
  source: string;
  partial: boolean;
  dryRun: boolean;
  /** Write into the ledger at once (the CLI); the web app previews first and confirms. */
  apply: boolean;
}

export interface ImportResult {
  batchId: number;
  status: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  discrepancies: number;
  errors: { row: number; column: string; message: string }[];
  warnings: { row: number; column: string; message: string }[];
}

const PERIOD = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function checkBatchLabels(period: string, source: string) {
  if (!PERIOD.test(period)) {
    throw new HttpError(
      400,
      'bad_period',
      `期间“${period}”格式不对：应为年份加季度（如 2026Q3）、年月（2026-09）或年份（2026）`,
      [{ field: 'period', message: '格式不对' }],
    );
  }
  if (!source.trim() || source.length > 50) {
    throw new HttpError(400, 'bad_source', '数据来源须为 1–50 个字符，如“市场监管局年报”', [
      { field: 'source', message: '须为 1–50 个字符' },
    ]);
  }
}

export function storedFile(dataDir: string, batchId: number, kind: string) {
  return path.join(dataDir, 'imports', `${batchId}.${kind}`);
}

/**
 * Starts an import: inspects the file, records the batch and keeps the file; then reads,
 * checks and reconciles it in the background (`finished`), recording progress and the
 * outcome on the batch, so whoever started it can leave and come back.
 */
export async function startImport(
  deps: Pick<Deps, 'database' | 'keys' | 'config'>,
  actor: Actor,
  req: Omit<ImportRequest, 'apply'>,
  onProgress?: (rowsRead: number) => void,
): Promise<{ batchId: number; finished: Promise<Error | null> }> {
  const { db } = deps.database;
  checkBatchLabels(req.period, req.source);
  const upload = await inspectUpload(req.path, req.fileName, { maxBytes: deps.config.maxUploadBytes });
  const batchId = await createBatch(db, actor, upload, { ...req, source: req.source.trim() });
  const stored = storedFile(deps.config.dataDir, batchId, upload.kind);
  await fs.mkdir(path.dirname(stored), { recursive: true, mode: 0o700 });
  await fs.copyFile(req.path, stored);
  const finished = (async () => {
    try {
      let rowsRead = 0;
      const columns = await readIntoBatch(db, actor, deps.keys, batchId, { path: stored, kind: upload.kind }, (n) => {
        rowsRead = n;
        onProgress?.(n);
      });
      // Fresh statistics for the rows just staged, so the checks and the reconciliation join
      // them to the ledger by hashing rather than row by row.
      await analyzeAfterBulkChange(db, 'import_rows', rowsRead);
      await finishReading(deps, actor, batchId, columns, req, upload.sha256);
      return null;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      await failBatch(db, actor, batchId, error.message).catch(() => {});
      return error;
    }
  })();
  return { batchId, finished };
}

async function finishReading(
  deps: Pick<Deps, 'database'>,
  actor: Actor,
  batchId: number,
  columns: string[] | null,
  req: Omit<ImportRequest, 'apply'>,
  sha256: string,
) {
  await inScope(deps.database.db, actor, async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(eq(importBatches.id, batchId));
    let counts = {
      rows: 0,
      added: 0,
      changed: 0,
      unchanged: 0,
      missing: 0,
      discrepancies: 0,
      errorRows: 0,
      errors: 0,
      warnings: 0,
    };
    if (columns) {
      await checkAgainstDatabase(tx, actor, batchId);
      counts = await reconcile(tx, actor, { ...batch, columns });
    }
    // An unusable header or an empty file is rejected even in partial mode: there is nothing valid to write.
    const rejected = !columns || counts.rows === 0 || (counts.errorRows > 0 && !req.partial);
    const next = rejected ? 'rejected' : req.dryRun ? 'dry-run' : 'staged';
    await tx
      .update(importBatches)
      .set({ status: next, columns: columns ?? [], counts })
      .where(eq(importBatches.id, batchId));
    if (next !== 'staged') {
      await writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'enterprise.import',
        entity: 'import_batch',
        entityId: batchId,
        result: next === 'rejected' ? 'failure' : 'success',
        diff: { fileName: req.fileName, sha256, period: req.period, source: req.source, status: next, counts },
      });
    }
  });
}

/** One import from file to result, waiting for it: what the CLI does. */
export async function runImport(
  deps: Pick<Deps, 'database' | 'keys' | 'config'>,
  actor: Actor,
  req: ImportRequest,
  onProgress?: (rowsRead: number) => void,
): Promise<ImportResult> {
  const { batchId, finished } = await startImport(deps, actor, req, onProgress);
  const error = await finished;
  if (error) throw error;
  const [batch] = await deps.database.db
    .select({ status: importBatches.status })
    .from(importBatches)
    .where(eq(importBatches.id, batchId));
  if (req.apply && batch.status === 'staged') await applyBatch(deps.database.db, actor, batchId);
  return batchResult(deps, actor, batchId);
}

/** The batch as the CLI's --json and the API report it. */
export async function batchResult(deps: Pick<Deps, 'database'>, actor: Actor, batchId: number): Promise<ImportResult> {
  return inScope(deps.database.db, actor, async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(eq(importBatches.id, batchId));
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
    const c = batch.counts as Partial<ImportResult>;
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
  });
}
