/**
 * The backup file: one line naming the format, one line of JSON describing the snapshot (the
 * row count of every table, the audit chain's head, the master key's fingerprint), then the
 * database's own dump (PGlite's data directory as a gzipped tarball, or pg_dump's custom
 * format). The master key is never in it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

const MAGIC = 'DANGJIAN-BACKUP 1';

export interface BackupHeader {
  kind: 'pglite' | 'postgresql';
  createdAt: string;
  /** The `when` of the newest migration applied: code older than this cannot read the backup. */
  migration: number;
  /** keys.ts `fingerprint`: a restore under another master key refuses before writing. */
  keyFingerprint: string;
  tables: Record<string, number>;
  audit: { seq: number; hash: string } | null;
  payloadBytes: number;
  payloadSha256: string;
}

function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  return pipeline(fs.createReadStream(file), hash).then(() => hash.digest('hex'));
}

/** Writes header and payload to `out` through a temporary file, so a failed backup leaves no half file. */
export async function writeBackupFile(
  out: string,
  header: Omit<BackupHeader, 'payloadBytes' | 'payloadSha256'>,
  payloadFile: string,
): Promise<BackupHeader> {
  const full: BackupHeader = {
    ...header,
    payloadBytes: fs.statSync(payloadFile).size,
    payloadSha256: await sha256File(payloadFile),
  };
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, `${MAGIC}\n${JSON.stringify(full)}\n`, { mode: 0o600 });
    await pipeline(fs.createReadStream(payloadFile), fs.createWriteStream(tmp, { flags: 'a' }));
    fs.renameSync(tmp, out);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return full;
}

export async function readBackupHeader(file: string): Promise<{ header: BackupHeader; offset: number }> {
  if (!fs.existsSync(file)) throw new Error(`备份文件 ${file} 不存在`);
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(256 * 1024);
  const n = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const first = head.indexOf(10);
  const second = first < 0 ? -1 : head.indexOf(10, first + 1);
  if (first < 0 || second < 0 || second >= n || head.subarray(0, first).toString() !== MAGIC)
    throw new Error(`${file} 不是 Dangjian 备份文件`);
  return { header: JSON.parse(head.subarray(first + 1, second).toString('utf8')), offset: second + 1 };
}

/** Copies the payload out to `dest`, refusing a file that was cut short or changed since the backup. */
export async function extractPayload(file: string, offset: number, header: BackupHeader, dest: string) {
  await pipeline(fs.createReadStream(file, { start: offset }), fs.createWriteStream(dest, { mode: 0o600 }));
  const size = fs.statSync(dest).size;
  if (size !== header.payloadBytes || (await sha256File(dest)) !== header.payloadSha256)
    throw new Error('备份文件已损坏（长度或校验和与备份时不符），未写入任何数据');
}
