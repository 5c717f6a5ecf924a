import { asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { enterprises as e, regions } from '../../db/schema.ts';
import type { Keys } from '../../keys.ts';
import { type LedgerFilter, ledgerWhere } from './filters.ts';
import { presentEnterprise } from './presenter.ts';

export const SORTS = {
  name: e.name,
  uscc: e.uscc,
  employees: e.employees,
  memberCount: e.memberCount,
  regionCode: e.regionCode,
  updatedAt: e.updatedAt,
} as const;
export type LedgerSort = keyof typeof SORTS;

export interface LedgerPage {
  sort: LedgerSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/**
 * One page of the filtered ledger with the total that the same filter matches and its counts
 * by category (in scope only, as `ledgerTotals`): the total and the counts come from one
 * pass over the matching rows, grouped by category and scope.
 */
export async function listLedger(tx: Tx, actor: Actor, keys: Keys, filter: LedgerFilter, page: LedgerPage) {
  const where = ledgerWhere(actor, filter);
  const groups = await tx
    .select({ category: e.category, inScope: e.inScope, n: count() })
    .from(e)
    .where(where)
    .groupBy(e.category, e.inScope);
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  const categories: Record<string, number> = {};
  for (const g of groups) {
    if (g.inScope && g.category !== null) categories[g.category] = (categories[g.category] ?? 0) + g.n;
  }
  const column = SORTS[page.sort];
  // The id breaks ties, so paging through equal values neither repeats nor skips rows.
  const orderBy: SQL[] = [page.order === 'asc' ? asc(column) : desc(column), asc(e.id)];
  const rows = await tx
    .select({ e, regionName: regions.name })
    .from(e)
    .leftJoin(regions, eq(regions.code, e.regionCode))
    .where(where)
    .orderBy(...orderBy)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    total,
    categories,
    items: rows.map((r) => presentEnterprise({ ...r.e, regionName: r.regionName }, keys)),
  };
}

/** Counts by category of the filtered ledger (in scope only): the list's summary line. */
export async function ledgerTotals(tx: Tx, actor: Actor, filter: LedgerFilter) {
  const rows = await tx
    .select({ category: e.category, n: count() })
    .from(e)
    .where(sql`${ledgerWhere(actor, filter)} and ${e.inScope}`)
    .groupBy(e.category);
  return Object.fromEntries(rows.map((r) => [r.category, r.n]));
}
