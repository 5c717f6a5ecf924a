// The uploaded file of a batch, kept in the data directory for the error report to read again.
// It rests only encrypted (AES-256-GCM under a key derived from the master key: 12-byte IV,
// ciphertext, 16-byte tag), is opened as a short-lived plaintext copy that dies with its
// process, and is removed once its batch has ended and the retention time has passed.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { alive } from '../db/dataDir.ts';
import { queryRows } from '../db/rows.ts';
import { HttpError } from '../errors.ts';
import type { UploadKind } from '../files/inspect.ts';
import type { Keys } from '../keys.ts';

const IV = 12;
const TAG = 16;

const importsDir = (dataDir: string) => path.join(dataDir, 'imports');
const keptPath = (dataDir: string, batchId: number, fileKind: UploadKind) =>
  path.join(importsDir(dataDir), `${batchId}.${fileKind}.enc`);
/** Plaintext copies are made here, named after the process that uses them. */
const OPEN_PREFIX = 'open-';

export async function keepFile(dataDir: string, keys: Keys, batchId: number, fileKind: UploadKind, source: string) {
  const target = keptPath(dataDir, batchId, fileKind);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const iv = randomBytes(IV);
  const cipher = keys.fileCipher(iv);
  await fs.writeFile(target, iv, { mode: 0o600 });
  await pipeline(createReadStream(source), cipher, createWriteStream(target, { flags: 'a' }));
  await fs.appendFile(target, cipher.getAuthTag());
}

/** 404 now, before a download starts, when the kept file is gone (removed after the retention time). */
export async function assertKeptFile(dataDir: string, batchId: number, fileKind: UploadKind) {
  await fs.access(keptPath(dataDir, batchId, fileKind)).catch(() => {
    throw removed(batchId);
  });
}

const removed = (batchId: number) =>
  new HttpError(404, 'file_removed', `导入批次 ${batchId} 的原文件已按保留期限删除，无法再生成错误报告`);

/**
 * The kept file decrypted to a path readRows can read; `cleanup` removes the copy. 404 when the
 * file is gone (removed after the retention time).
 */
export async function openKeptFile(
  dataDir: string,
  keys: Keys,
  batchId: number,
  fileKind: UploadKind,
): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const kept = keptPath(dataDir, batchId, fileKind);
  const input = await fs.open(kept).catch((err: NodeJS.ErrnoException) => {
    throw err.code === 'ENOENT' ? removed(batchId) : err;
  });
  const dir = await fs.mkdtemp(path.join(importsDir(dataDir), `${OPEN_PREFIX}${process.pid}-`));
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  const file = path.join(dir, `${batchId}.${fileKind}`);
  try {
    const { size } = await input.stat();
    if (size < IV + TAG) throw new Error(`导入批次 ${batchId} 的原文件已损坏`);
    const head = Buffer.alloc(IV);
    const tag = Buffer.alloc(TAG);
    await input.read(head, 0, IV, 0);
    await input.read(tag, 0, TAG, size - TAG);
    const decipher = keys.fileDecipher(head);
    decipher.setAuthTag(tag);
    const body = createReadStream(kept, { start: IV, end: size - TAG - 1 });
    await pipeline(body, decipher, createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    await cleanup();
    throw err;
  } finally {
    await input.close();
  }
  return { path: file, cleanup };
}

/** Removes a batch's kept file now (an abandoned batch's). */
export async function removeKeptFile(dataDir: string, batchId: number) {
  const dir = importsDir(dataDir);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(`${batchId}.`)) await fs.rm(path.join(dir, name), { force: true });
  }
}

/**
 * Removes the kept files of batches that ended (applied, rejected, dry run, failed, discarded)
 * more than `retentionDays` ago, or that no longer exist, and plaintext copies left by a process
 * that died. Kept files from before encryption (`N.xlsx`, `N.csv`) go by the same rule.
 * Returns the batch ids whose files were removed.
 */
export async function sweepKeptFiles(db: Db, dataDir: string, retentionDays: number): Promise<number[]> {
  const dir = importsDir(dataDir);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = name.startsWith(OPEN_PREFIX) ? Number(name.slice(OPEN_PREFIX.length).split('-')[0]) : null;
    if (pid !== null && !alive(pid)) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
  const ids = [...new Set(names.map((n) => /^(\d+)\./.exec(n)?.[1]).filter((x) => x !== undefined))].map(Number);
  if (ids.length === 0) return [];
  const kept = await queryRows<{ id: number }>(
    db,
    sql`select id from import_batches
        where id = any(${`{${ids.join(',')}}`}::int[])
          and (status in ('reading', 'staged') or coalesce(ended_at, created_at) > now() - make_interval(days => ${retentionDays}::int))`,
  );
  const keep = new Set(kept.map((r) => r.id));
  const removed = ids.filter((id) => !keep.has(id));
  for (const id of removed) await removeKeptFile(dataDir, id);
  return removed;
}
