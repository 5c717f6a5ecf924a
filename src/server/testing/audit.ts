import { asc, gt, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';

export type AuditRow = typeof auditLog.$inferSelect;

export async function lastAuditSeq(db: Db): Promise<number> {
  const [row] = await db.select({ seq: max(auditLog.seq) }).from(auditLog);
  return Number(row?.seq ?? 0);
}

/** The audit rows written after `seq`, oldest first. */
export function auditAfter(db: Db, seq: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
}
