import { and, desc, eq, gte, ilike, inArray, like, lt, lte, or, type SQL } from 'drizzle-orm';
import { retiredActionsMatching, retiredEntitiesOf } from '../../domain/auditRetired.ts';
import type { Db, Tx } from '../db/client.ts';
import { containing, escapeLike } from '../db/like.ts';
import { auditLog } from '../db/schema.ts';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  result?: 'success' | 'failure' | 'denied';
  entity?: string;
  entityId?: string;
}

export function auditWhere(f: AuditFilter): SQL | undefined {
  const conds: SQL[] = [];
  if (f.from) conds.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  // `to` is a whole day in Beijing time, inclusive.
  if (f.to) conds.push(lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  if (f.actor) conds.push(ilike(auditLog.actorName, containing(f.actor)));
  // An area ('org.') matches its actions; a full code only itself ('settings.security' is
  // not also 'settings.security.read'). Either also matches the retired codes it replaced.
  if (f.action) {
    const current = f.action.endsWith('.')
      ? like(auditLog.action, `${escapeLike(f.action)}%`)
      : eq(auditLog.action, f.action);
    const retired = retiredActionsMatching(f.action);
    conds.push(retired.length ? (or(current, inArray(auditLog.action, retired)) as SQL) : current);
  }
  if (f.result) conds.push(eq(auditLog.result, f.result));
  if (f.entity) conds.push(inArray(auditLog.entity, [f.entity, ...retiredEntitiesOf(f.entity)]));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  return conds.length ? and(...conds) : undefined;
}

export function auditPage(db: Db | Tx, f: AuditFilter, limit: number, beforeSeq?: number) {
  const where = and(auditWhere(f), beforeSeq ? lte(auditLog.seq, beforeSeq - 1) : undefined);
  return db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(limit);
}

export type AuditRow = typeof auditLog.$inferSelect;

/** A row as the API answers it; `entityName` is the object's name where it could be read. */
export function presentAudit(r: AuditRow, entityName: string | null = null) {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actorName: r.actorName,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    entityName,
    result: r.result,
    diff: r.diff ?? null,
  };
}
