import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditAction, AuditEntity } from '../domain/auditActions.ts';
import type { Actor } from './actor.ts';
import { auditChange } from './audit/audit.ts';
import type { Tx } from './db/client.ts';

/**
 * Stores an edit of one record and audits what it changed (`diff`, field by field). An edit
 * that changes nothing writes nothing, not even an audit row. Answers the changed fields.
 */
export async function saveEdit<T extends PgTable & { id: PgColumn; updatedAt: PgColumn }>(
  tx: Tx,
  actor: Actor,
  record: { table: T; id: number; action: AuditAction; entity: AuditEntity },
  set: Partial<T['$inferInsert']>,
  diff: Record<string, unknown>,
): Promise<{ changed: string[] }> {
  if (Object.keys(diff).length === 0) return { changed: [] };
  const { table, id, action, entity } = record;
  await tx
    .update(table as PgTable & { id: PgColumn })
    .set({ ...set, updatedAt: new Date() })
    .where(eq(table.id, id));
  await auditChange(tx, actor, { action, entity, entityId: id, diff });
  return { changed: Object.keys(diff) };
}
