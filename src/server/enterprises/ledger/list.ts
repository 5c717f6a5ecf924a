import { asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { nameKey } from '../../db/nameKey.ts';
import { queryRows } from '../../db/rows.ts';
import { enterprises as e, regions } from '../../db/schema.ts';
import type { Keys } from '../../keys.ts';
import { type LedgerFilter, ledgerWhereIn } from './filters.ts';
import { presentEnterprise } from './presenter.ts';

export const SORTS = {
  // By pinyin (0030), as people look a name up.
  name: nameKey(e),
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

type Group = { category: string | null; inScope: boolean | null; n: number };

/**
 * One page of the filtered ledger with the total that the same filter matches and its counts
 * by category (in scope only, as `ledgerTotals`): the total and the counts come from one
 * pass over the matching rows, grouped by category and scope.
 */
export async function listLedger(tx: Tx, actor: Actor, keys: Keys, filter: LedgerFilter, page: LedgerPage) {
  const where = await ledgerWhereIn(tx, actor, filter);
  const column = SORTS[page.sort];
  // The id breaks ties, so paging through equal values neither repeats nor skips rows. The
  // sort columns hold no nulls, so NULLS LAST changes no order; it is spelled out because the
  // descending sort indexes (0005) are NULLS LAST and PostgreSQL walks an index for ORDER BY
  // only when the null placement matches too: without it a whole-city page sorted the ledger.
  const orderBy: SQL[] = [page.order === 'asc' ? asc(column) : sql`${column} desc nulls last`, asc(e.id)];
  const offset = (page.page - 1) * page.pageSize;
  const { groups, rows } = filter.q
    ? await matchingByName(tx, where, page, offset)
    : {
        groups: await tx
          .select({ category: e.category, inScope: e.inScope, n: count() })
          .from(e)
          .where(where)
          .groupBy(e.category, e.inScope),
        rows: await tx
          .select({ e, regionName: regions.name })
          .from(e)
          .leftJoin(regions, eq(regions.code, e.regionCode))
          .where(where)
          .orderBy(...orderBy)
          .limit(page.pageSize)
          .offset(offset),
      };
  const total = groups.reduce((sum, g) => sum + g.n, 0);
  const categories: Record<string, number> = {};
  for (const g of groups) {
    if (g.inScope && g.category !== null) categories[g.category] = (categories[g.category] ?? 0) + g.n;
  }
  return {
    total,
    categories,
    items: rows.map((r) => presentEnterprise({ ...r.e, regionName: r.regionName }, keys)),
  };
}

/**
 * The counts and the page for a name search, from one pass over the matching rows. The
 * matching ids come from the search function (`nameSearchUnderRls`: the trigram index for a
 * fragment of three characters or more, a scan of the scope for a shorter one); the planner
 * cannot tell how many that returns, so it would misjudge the count and the page and read the
 * ledger twice. So the matches are collected once, small (id, category, scope, sort key),
 * counted and sorted, and the page fetched by id.
 */
async function matchingByName(tx: Tx, where: SQL, page: LedgerPage, offset: number) {
  const column = SORTS[page.sort];
  const direction = sql.raw(page.order === 'asc' ? 'asc' : 'desc');
  const [found] = await queryRows<{ groups: Group[]; ids: number[] }>(
    tx,
    sql`with m as materialized (
          select ${e.id} as id, ${e.category} as category, ${e.inScope} as in_scope, ${column} as key
          from ${e} where ${where})
        select
          (select coalesce(json_agg(json_build_object('category', category, 'inScope', in_scope, 'n', n)), '[]')
           from (select category, in_scope, count(*)::int as n from m group by category, in_scope) g) as groups,
          (select coalesce(array_agg(id order by key ${direction}, id), '{}')
           from (select id, key from m order by key ${direction}, id limit ${page.pageSize} offset ${offset}) p) as ids`,
  );
  const ids = found.ids.map(Number);
  const fetched = ids.length
    ? await tx
        .select({ e, regionName: regions.name })
        .from(e)
        .leftJoin(regions, eq(regions.code, e.regionCode))
        .where(inArray(e.id, ids))
    : [];
  const at = new Map(ids.map((id, i) => [id, i]));
  const rows = fetched.sort((a, b) => (at.get(a.e.id) ?? 0) - (at.get(b.e.id) ?? 0));
  return { groups: found.groups, rows };
}

/** Counts by category of the filtered ledger (in scope only): the list's summary line. */
export async function ledgerTotals(tx: Tx, actor: Actor, filter: LedgerFilter) {
  const rows = await tx
    .select({ category: e.category, n: count() })
    .from(e)
    .where(sql`${await ledgerWhereIn(tx, actor, filter)} and ${e.inScope}`)
    .groupBy(e.category);
  return Object.fromEntries(rows.map((r) => [r.category, r.n]));
}
