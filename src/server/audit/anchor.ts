/**
 * The audit chain's head, kept outside the database: a file under the data directory with
 * the last checkpointed sequence number and hash, and the first keyed row (so a rewrite
 * back to plain SHA-256 shows). The table's owner can neither move it back nor forge it:
 * the file is the app's (mode 0600) and carries an HMAC under the audit key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { desc, eq, min } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { canonicalJson } from './canonical.ts';
import { type AuditChain, boundChain, cancelScheduled, runExclusive } from './chain.ts';
import { rowHashOk } from './rowHash.ts';

export interface AnchorHead {
  seq: number;
  hash: string;
  /** The first row keyed with HMAC; rows before it are the plain SHA-256 chain of before migration 0015. */
  keyedFrom: number | null;
}

export type AnchorRead = { state: 'none' } | { state: 'invalid'; reason: string } | { state: 'ok'; anchor: AnchorHead };

export function anchorPath(dataDir: string): string {
  return path.join(dataDir, 'audit', 'anchor.json');
}

const anchorMac = (chain: AuditChain, head: AnchorHead) =>
  chain.mac(canonicalJson({ anchor: 1, seq: head.seq, hash: head.hash, keyedFrom: head.keyedFrom }));

export function readAnchor(chain: AuditChain): AnchorRead {
  if (!chain.anchorFile || !fs.existsSync(chain.anchorFile)) return { state: 'none' };
  try {
    const raw = JSON.parse(fs.readFileSync(chain.anchorFile, 'utf8'));
    const head: AnchorHead = { seq: raw.seq, hash: raw.hash, keyedFrom: raw.keyedFrom ?? null };
    if (!Number.isSafeInteger(head.seq) || typeof head.hash !== 'string' || raw.mac !== anchorMac(chain, head))
      return { state: 'invalid', reason: `审计链锚点文件 ${chain.anchorFile} 校验失败（被改动，或主密钥不同）` };
    return { state: 'ok', anchor: head };
  } catch {
    return { state: 'invalid', reason: `审计链锚点文件 ${chain.anchorFile} 无法读取` };
  }
}

/** Replaces the anchor atomically: a crash leaves the old file or the new one, never half of either. */
export function writeAnchor(chain: AuditChain, head: AnchorHead): void {
  const file = chain.anchorFile;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const body = `${JSON.stringify({ ...head, at: new Date().toISOString(), mac: anchorMac(chain, head) })}\n`;
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, body);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

export interface CheckpointResult {
  anchored: AnchorHead | null;
  /** Why the anchor was left where it was: the chain does not continue the anchored one. */
  refused?: string;
}

/**
 * Moves the anchor to the table's last row, but only forward along the same chain: when the
 * table ends before the anchor, or the anchored row changed, or the last row's hash is wrong,
 * the anchor stays so that `audit verify` goes on reporting it.
 */
async function checkpoint(db: Db): Promise<CheckpointResult> {
  const chain = boundChain(db);
  if (!chain.anchorFile) return { anchored: null };
  const [head] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const read = readAnchor(chain);
  if (read.state === 'invalid') return { anchored: null, refused: read.reason };
  const prior = read.state === 'ok' ? read.anchor : null;
  if (!head)
    return prior ? { anchored: prior, refused: `审计日志为空，而锚点记录到第 ${prior.seq} 条` } : { anchored: null };
  if (prior) {
    if (head.seq < prior.seq)
      return { anchored: prior, refused: `审计日志只到第 ${head.seq} 条，而锚点记录到第 ${prior.seq} 条` };
    const [atAnchor] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, prior.seq));
    if (atAnchor?.hash !== prior.hash) return { anchored: prior, refused: `审计记录 ${prior.seq} 与锚点不符` };
    if (head.seq === prior.seq) return { anchored: prior };
  }
  if (!rowHashOk(head, chain) || (prior?.keyedFrom != null && !head.keyed))
    return { anchored: prior, refused: `审计记录 ${head.seq} 的哈希不符` };
  let keyedFrom = prior?.keyedFrom ?? null;
  if (keyedFrom === null) {
    const [first] = await db
      .select({ seq: min(auditLog.seq) })
      .from(auditLog)
      .where(eq(auditLog.keyed, true));
    keyedFrom = first?.seq == null ? null : Number(first.seq);
  }
  const next = { seq: head.seq, hash: head.hash, keyedFrom };
  writeAnchor(chain, next);
  return { anchored: next };
}

/** One checkpoint at a time per database, so two never race on the file. */
export async function checkpointAudit(db: Db): Promise<CheckpointResult> {
  let result: CheckpointResult = { anchored: null };
  await runExclusive(boundChain(db), async () => {
    result = await checkpoint(db);
  });
  if (result.refused) console.error(`审计链锚点未更新：${result.refused}；请运行 dangjian audit verify`);
  return result;
}

/** The last checkpoint before the database closes (the end of a command, the server's stop). */
export async function closeAuditChain(db: Db): Promise<void> {
  cancelScheduled(db);
  await checkpointAudit(db);
}
