import { and, asc, count, desc, eq, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { enterprises, importBatches, importIssues, importMissing, importRows } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { inRegionScope } from '../../regions/scope.ts';

export interface PageRequest {
  page: number;
  pageSize: number;
}

const offset = (p: PageRequest) => (p.page - 1) * p.pageSize;

/** A batch the actor may see (row-level security and the region condition agree), or 404. */
/** The enterprise file's batches in scope: org and member batches have routes (and permissions) of their own. */
const enterpriseBatches = (actor: Actor) =>
  and(eq(importBatches.kind, 'enterprises'), inRegionScope(importBatches.regionCode, actor));

export async function batchInScope(tx: Tx, actor: Actor, id: number) {
  const [batch] = await tx
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.id, id), enterpriseBatches(actor)));
  if (!batch) throw notFound('导入批次');
  return batch;
}

export async function listBatches(tx: Tx, actor: Actor, p: PageRequest) {
  const where = enterpriseBatches(actor);
  const [{ total }] = await tx.select({ total: count() }).from(importBatches).where(where);
  const items = await tx
    .select()
    .from(importBatches)
    .where(where)
    .orderBy(desc(importBatches.id))
    .limit(p.pageSize)
    .offset(offset(p));
  return { total, items };
}

export type RowOutcome = 'added' | 'changed' | 'unchanged' | 'error' | 'discrepancy';

/** The batch's rows of one outcome, in file order, with the diff of a changed row. */
export async function batchRows(tx: Tx, actor: Actor, id: number, outcome: RowOutcome, p: PageRequest) {
  await batchInScope(tx, actor, id);
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
    .offset(offset(p));
  return { total, items };
}

export async function batchIssues(tx: Tx, actor: Actor, id: number, severity: 'error' | 'warning', p: PageRequest) {
  await batchInScope(tx, actor, id);
  const where = and(eq(importIssues.batchId, id), eq(importIssues.severity, severity));
  const [{ total }] = await tx.select({ total: count() }).from(importIssues).where(where);
  const items = await tx
    .select({ row: importIssues.row, column: importIssues.column, message: importIssues.message })
    .from(importIssues)
    .where(where)
    .orderBy(asc(importIssues.row), asc(importIssues.id))
    .limit(p.pageSize)
    .offset(offset(p));
  return { total, items };
}

/** Enterprises the same source had last time and this batch lacks, within the actor's scope. */
export async function batchMissing(tx: Tx, actor: Actor, id: number, p: PageRequest) {
  await batchInScope(tx, actor, id);
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
    .offset(offset(p));
  return { total, items };
}
