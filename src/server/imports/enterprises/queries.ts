// What the enterprise file's preview shows beyond the shared batch queries: its rows with
// their diffs and discrepancies, and the enterprises it lacks.
import { and, asc, count, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { enterprises, importMissing, importRows } from '../../db/schema.ts';
import { inRegionScope } from '../../regions/scope.ts';
import { batchOfKind, offsetOf, type PageRequest } from '../batches.ts';

export type RowOutcome = 'added' | 'changed' | 'unchanged' | 'error' | 'discrepancy';

/** The batch's rows of one outcome, in file order, with the diff of a changed row. */
export async function batchRows(tx: Tx, actor: Actor, id: number, outcome: RowOutcome, p: PageRequest) {
  await batchOfKind(tx, actor, 'enterprises', id);
  const where: SQL = and(
    eq(importRows.batchId, id),
    outcome === 'discrepancy' ? isNotNull(importRows.discrepancy) : eq(importRows.outcome, outcome),
  )!;
  const [{ total }] = await tx.select({ total: count() }).from(importRows).where(where);
  const items = await tx
    .select({
      row: importRows.row,
      uscc: importRows.uscc,
      name: sql<string | null>`${importRows.data}->>'name'`,
      outcome: importRows.outcome,
      diff: importRows.diff,
      discrepancy: importRows.discrepancy,
      enterpriseId: importRows.enterpriseId,
    })
    .from(importRows)
    .where(where)
    .orderBy(asc(importRows.row))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  return { total, items };
}

/** Enterprises the same source had last time and this batch lacks, within the actor's scope. */
export async function batchMissing(tx: Tx, actor: Actor, id: number, p: PageRequest) {
  await batchOfKind(tx, actor, 'enterprises', id);
  const where = and(eq(importMissing.batchId, id), inRegionScope(enterprises.regionCode, actor));
  const [{ total }] = await tx
    .select({ total: count() })
    .from(importMissing)
    .innerJoin(enterprises, eq(enterprises.id, importMissing.enterpriseId))
    .where(where);
  const items = await tx
    .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name, regionCode: enterprises.regionCode })
    .from(importMissing)
    .innerJoin(enterprises, eq(enterprises.id, importMissing.enterpriseId))
    .where(where)
    .orderBy(asc(enterprises.uscc))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  return { total, items };
}
