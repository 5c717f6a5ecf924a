/** `audit verify`: walks the whole chain and names what was changed, removed, relinked or cut off. */
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { type AnchorHead, readAnchor } from './anchor.ts';
import { boundChain } from './chain.ts';
import { GENESIS_HASH, rowHashOk } from './rowHash.ts';

export interface AuditProblem {
  seq: number;
  problem: 'changed' | 'missing' | 'relinked' | 'truncated' | 'anchor';
  message: string;
}

export interface AuditVerification {
  rows: number;
  problems: AuditProblem[];
  /** The head recorded outside the database; null when there is no anchor file to check against. */
  anchor: AnchorHead | null;
}

/**
 * Each row must link to the one before it and carry its own hash: an HMAC under the audit key
 * from the first keyed row on (the anchor says where that is, so a rewrite back to plain
 * SHA-256 shows), plain SHA-256 before it. The anchor's row must still hold the anchored hash,
 * and the table must not end before it.
 */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerification> {
  const chain = boundChain(db);
  const problems: AuditProblem[] = [];
  const read = readAnchor(chain);
  if (read.state === 'invalid') problems.push({ seq: 0, problem: 'anchor', message: read.reason });
  const anchor = read.state === 'ok' ? read.anchor : null;
  let keyedFrom = anchor?.keyedFrom ?? null;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    if (page.length === 0) break;
    for (const r of page) {
      rows++;
      if (r.seq !== expectedSeq) {
        const gap = r.seq - 1 === expectedSeq ? `${expectedSeq}` : `${expectedSeq}–${r.seq - 1}`;
        problems.push({ seq: expectedSeq, problem: 'missing', message: `审计记录 ${gap} 缺失（被删除）` });
      } else if (r.prevHash !== prevHash) {
        problems.push({ seq: r.seq, problem: 'relinked', message: `审计记录 ${r.seq} 的前序哈希与上一条不符` });
      }
      if (keyedFrom === null && r.keyed) keyedFrom = r.seq;
      if (keyedFrom !== null && r.seq >= keyedFrom && !r.keyed) {
        problems.push({
          seq: r.seq,
          problem: 'changed',
          message: `审计记录 ${r.seq} 没有密钥签名，而此前的记录已有（被改写）`,
        });
      } else if (!rowHashOk(r, chain)) {
        problems.push({ seq: r.seq, problem: 'changed', message: `审计记录 ${r.seq} 的内容与其哈希不符（被修改）` });
      }
      if (anchor && r.seq === anchor.seq && r.hash !== anchor.hash) {
        problems.push({
          seq: r.seq,
          problem: 'anchor',
          message: `审计记录 ${r.seq} 与库外锚点记录的哈希不符（被改写）`,
        });
      }
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
    }
  }
  const last = expectedSeq - 1;
  if (anchor && last < anchor.seq) {
    const cut = last + 1 === anchor.seq ? `${anchor.seq}` : `${last + 1}–${anchor.seq}`;
    problems.push({
      seq: last + 1,
      problem: 'truncated',
      message: `审计日志末尾被删除：库外锚点记录到第 ${anchor.seq} 条，表中只到第 ${last} 条（${cut} 缺失）`,
    });
  }
  return { rows, problems, anchor };
}
