import { z } from '@hono/zod-openapi';
import { and, asc, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { enterprises } from '../db/schema.ts';
import { LedgerFilter, ledgerWhereIn } from '../enterprises/ledger/filters.ts';
import { HttpError } from '../errors.ts';
import { enterpriseInScope } from '../instructors/scope.ts';
import { idParam } from '../schemas.ts';
import { today } from '../today.ts';

/** The most enterprises one bulk action takes: a larger batch is split by the user, not by the server. */
export const BULK_LIMIT = 1000;
const tooMany = (n: number) => `一次最多处理 ${BULK_LIMIT} 家企业，本次选中 ${n} 家；请缩小筛选范围分批处理`;

/** The enterprises a bulk action works on: the rows the user ticked, or all that match the list's filters. */
export const Selection = z
  .object({
    enterpriseIds: z.array(idParam).min(1, '请选择企业').optional(),
    filter: LedgerFilter.optional(),
  })
  .refine((s) => (s.enterpriseIds === undefined) !== (s.filter === undefined), {
    message: '请勾选企业，或选择“全部符合筛选条件的企业”',
  });

export interface Target {
  id: number;
  name: string;
  uscc: string;
}

/**
 * The batch's enterprises, in the actor's scope. One out of scope (or absent) refuses the whole
 * batch with 404, as the single-record routes do for that record: nothing is tried.
 */
export async function resolveSelection(tx: Tx, actor: Actor, s: z.infer<typeof Selection>): Promise<Target[]> {
  const columns = { id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc };
  if (s.filter) {
    const rows = await tx
      .select(columns)
      .from(enterprises)
      .where(and(await ledgerWhereIn(tx, actor, s.filter), enterpriseInScope(actor, today())))
      .orderBy(asc(enterprises.name), asc(enterprises.id))
      .limit(BULK_LIMIT + 1);
    if (rows.length > BULK_LIMIT) {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(enterprises)
        .where(await ledgerWhereIn(tx, actor, s.filter));
      throw new HttpError(400, 'validation', tooMany(n));
    }
    if (rows.length === 0) throw new HttpError(400, 'validation', '没有符合筛选条件的企业');
    return rows;
  }
  const ids = [...new Set(s.enterpriseIds ?? [])];
  if (ids.length > BULK_LIMIT) throw new HttpError(400, 'validation', tooMany(ids.length));
  const rows = await tx
    .select(columns)
    .from(enterprises)
    .where(and(inArray(enterprises.id, ids), enterpriseInScope(actor, today())));
  if (rows.length !== ids.length) {
    throw new HttpError(
      404,
      'not_found',
      `所选企业中有 ${ids.length - rows.length} 家不存在或不在您的管辖范围内，整批未执行`,
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** One enterprise's line of a preview or an apply: what changes, or why it is refused. */
export interface Outcome extends Target {
  ok: boolean;
  change: string | null;
  reason: string | null;
}

/** What a row does: the single-record functions, called with the savepoint; answers the change in words. */
export type RowAction = (tx: Tx, target: Target) => Promise<string>;

class PreviewDone extends Error {}

/**
 * Runs the action on each enterprise in a savepoint of its own. A rule's refusal (400, 409)
 * undoes that row alone and is kept as its reason; anything else (out of scope, a fault)
 * ends the whole request. Rows run one after another, so a later row sees the earlier ones'
 * changes, as it will when applied.
 */
async function runRows(tx: Tx, targets: Target[], action: RowAction): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const t of targets) {
    try {
      const change = await tx.transaction((sp) => action(sp as Tx, t));
      out.push({ ...t, ok: true, change, reason: null });
    } catch (err) {
      if (!(err instanceof HttpError) || (err.status !== 400 && err.status !== 409)) throw err;
      out.push({ ...t, ok: false, change: null, reason: err.message });
    }
  }
  return out;
}

/** The preview: the batch run exactly as it would be applied, then undone, audit rows included. */
export async function previewBatch(tx: Tx, targets: Target[], action: RowAction) {
  let rows: Outcome[] = [];
  try {
    await tx.transaction(async (sp) => {
      rows = await runRows(sp as Tx, targets, action);
      throw new PreviewDone();
    });
  } catch (err) {
    if (!(err instanceof PreviewDone)) throw err;
  }
  return summary(rows);
}

/**
 * All or nothing: if any row is refused, the whole batch is, naming each refused enterprise
 * and its rule, and the request's transaction rolls back every row already done.
 */
export async function applyBatch(tx: Tx, targets: Target[], action: RowAction) {
  const rows = await runRows(tx, targets, action);
  const refused = rows.filter((r) => !r.ok);
  if (refused.length > 0) {
    const details = refused.map((r) => ({ field: `enterprise:${r.id}`, message: `${r.name}：${r.reason}` }));
    const shown = details.slice(0, 5).map((d) => d.message);
    throw new HttpError(
      400,
      'validation',
      `${refused.length} 家企业不能处理，整批未执行：${shown.join('；')}${refused.length > 5 ? ' 等' : ''}`,
      details,
    );
  }
  return summary(rows);
}

function summary(rows: Outcome[]) {
  const accepted = rows.filter((r) => r.ok).length;
  return { total: rows.length, accepted, refused: rows.length - accepted, rows };
}

export const BatchResult = z.object({
  total: z.number(),
  accepted: z.number(),
  refused: z.number(),
  rows: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      uscc: z.string(),
      ok: z.boolean(),
      change: z.string().nullable().openapi({ description: '将要（或已经）发生的变化' }),
      reason: z.string().nullable().openapi({ description: '不能处理的原因' }),
    }),
  ),
});
