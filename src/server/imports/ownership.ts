// Who works on an import batch. The process that reads a batch (and the CLI, which also
// applies it) holds the batch's lock for as long as it works on it and records itself as the
// owner; clean-up touches only batches whose lock no one holds — their process died — so a
// server starting beside a CLI import leaves that import alone.
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../audit/audit.ts';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { inSystem } from '../db/tx.ts';
import { sweepDeadUploads } from '../files/receive.ts';
import { removeKeptFile, sweepKeptFiles } from './keptFiles.ts';

// Any constant works; it only has to be the same for every process (the audit chain uses 7146201).
const BATCH_LOCK = 7_146_203;

export const ABANDONED = '处理该批次的进程已中断，读取或写入没有完成，台账未改变；请重新导入';

/** This process, as recorded on the batches it owns. */
export const processOwner = () => `${os.hostname()}:${process.pid}`;

export interface Claim {
  id: number;
  owner: string;
  release: () => Promise<void>;
}

/**
 * Reserves the next batch id and takes its lock before the batch row exists: no clean-up can
 * ever see the batch unowned while its process lives.
 */
export async function claimNewBatch(database: Database): Promise<Claim> {
  const [{ id }] = await queryRows<{ id: number }>(
    database.db,
    sql`select nextval('import_batches_id_seq')::int as id`,
  );
  const release = await database.tryLock(BATCH_LOCK, id);
  if (!release) throw new Error(`导入批次 ${id} 的锁已被占用`);
  return { id, owner: processOwner(), release };
}

/**
 * Fails the batches whose process died while working on them — still reading, or staged by a
 * CLI that never applied them — deleting their staged rows and kept file, each under its lock,
 * and audits each. A batch whose owner lives is left alone. Returns the ids it failed.
 */
export async function cleanAbandonedBatches(database: Database, dataDir: string): Promise<number[]> {
  const { db } = database;
  const candidates = await queryRows<{ id: number }>(
    db,
    sql`select id from import_batches where status = 'reading' or (status = 'staged' and owner is not null) order by id`,
  );
  const failed: number[] = [];
  for (const { id } of candidates) {
    const release = await database.tryLock(BATCH_LOCK, id);
    if (!release) continue;
    try {
      const done = await inSystem(db, async (tx) => {
        const [batch] = await queryRows<{ owner: string | null; status: string }>(
          tx,
          sql`select owner, status from import_batches
              where id = ${id} and (status = 'reading' or (status = 'staged' and owner is not null)) for update`,
        );
        if (!batch) return false;
        await tx.execute(sql`delete from import_rows where batch_id = ${id}`);
        await tx.execute(sql`update import_batches set status = 'failed', failure = ${ABANDONED} where id = ${id}`);
        await writeAudit(tx, {
          actorId: null,
          actorName: 'system',
          ip: null,
          action: 'import_batch.abandoned',
          entity: 'import_batch',
          entityId: id,
          result: 'failure',
          diff: { status: batch.status, owner: batch.owner },
        });
        return true;
      });
      if (done) {
        await removeKeptFile(dataDir, id);
        failed.push(id);
      }
    } finally {
      await release();
    }
  }
  return failed;
}

/**
 * Abandoned batches failed, kept files past their retention removed, and uploads a killed
 * process was receiving removed: at start-up and then now and then.
 */
export async function importHousekeeping(database: Database, dataDir: string, retentionDays: number) {
  const abandoned = await cleanAbandonedBatches(database, dataDir);
  const removed = await sweepKeptFiles(database.db, dataDir, retentionDays);
  const uploads = await sweepDeadUploads();
  return { abandoned, removed, uploads };
}
