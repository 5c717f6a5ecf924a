// Loading one record by id for a route: the scope decides whether it exists for the actor,
// and a second, narrower scope whether the actor may change it.
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { HttpError, notFound } from '../errors.ts';
import type { Tx } from './client.ts';

type WithId = PgTable & { id: PgColumn };

export interface LoadOptions {
  /** Refuse with 403 a record the actor sees but does not manage (`manageScope`). */
  write?: boolean;
  forUpdate?: boolean;
}

/**
 * The row with this id if `scope` admits it; otherwise 404 naming `what`, as if absent. With
 * `opts.write`, a row outside `manage.scope` is refused with 403 and `manage.refusal`.
 */
export async function loadInScope<T extends WithId>(
  tx: Tx,
  table: T,
  id: number,
  scope: SQL,
  what: string,
  opts: LoadOptions = {},
  manage?: { scope: SQL; refusal: string },
): Promise<T['$inferSelect']> {
  const query = tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound(what);
  if (opts.write && manage) {
    const [own] = await tx
      .select({ id: table.id })
      .from(table as PgTable)
      .where(and(eq(table.id, id), manage.scope));
    if (!own) throw new HttpError(403, 'forbidden', manage.refusal);
  }
  return row as T['$inferSelect'];
}
