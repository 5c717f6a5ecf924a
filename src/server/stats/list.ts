import { type SQL, sql } from 'drizzle-orm';
import type { CoverageScope, CoverageSelection, CoverageSettings } from '../../domain/stats/coverage.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import { type CoverageFilter, employeesAtLeast, keyWatchSql, surveySql } from './engine.ts';

/** What a figure counts: the list a click on it opens. */
export interface FigureSelection {
  status?: 'in_scope' | 'closed';
  category?: string;
  coverage?: CoverageSelection;
  flag?: 'key_watch' | 'needs_instructor';
}

export interface AsOfRow {
  id: number;
  name: string;
  uscc: string;
  regionCode: string;
  kind: string;
  employees: number;
  memberCount: number;
  fullMemberCount: number;
  category: string;
  orgCoverage: string | null;
  workCovered: boolean;
}

/**
 * The enterprises behind a figure as of a date, from the same facts the figure was counted
 * from: its total equals the figure (tested), for dates the ledger list cannot show.
 */
export async function enterprisesAsOf(
  tx: Tx,
  actor: Actor,
  q: { region: string; date: string; scope: CoverageScope; filter?: CoverageFilter } & FigureSelection,
  settings: CoverageSettings,
  page: { page: number; pageSize: number },
): Promise<{ total: number; rows: AsOfRow[] }> {
  const region = await regionInScope(tx, actor, q.region);
  const where: SQL[] = [q.status === 'closed' ? sql`not f.in_scope` : sql`f.in_scope`];
  if (q.scope === 'survey') where.push(surveySql(sql`f.kind`, employeesAtLeast(sql`f.employees`), settings));
  if (q.category) where.push(sql`f.category = ${q.category}`);
  if (q.coverage === 'org') where.push(sql`f.org_coverage is not null`);
  if (q.coverage === 'standalone' || q.coverage === 'joint') where.push(sql`f.org_coverage = ${q.coverage}`);
  if (q.coverage === 'work') where.push(sql`f.work_covered`);
  if (q.coverage === 'none') where.push(sql`f.org_coverage is null`);
  if (q.flag === 'key_watch') where.push(keyWatchSql('f', settings));
  if (q.flag === 'needs_instructor') where.push(sql`not f.work_covered`);
  const filter = q.filter ?? {};
  if (filter.kinds?.length) where.push(sql`f.kind = any(${`{${filter.kinds.join(',')}}`}::text[])`);
  if (filter.bands?.length) where.push(sql`dangjian_band(f.employees) = any(${`{${filter.bands.join(',')}}`}::int[])`);
  if (filter.aboveScale !== undefined) where.push(sql`f.above_scale = ${filter.aboveScale}`);
  if (filter.industry) {
    where.push(
      sql`f.industry_code in (select code from industries where section = ${filter.industry} or code = ${filter.industry})`,
    );
  }
  const rows = await queryRows<AsOfRow & { total: number }>(
    tx,
    sql`select f.enterprise_id as id, e.name, e.uscc, f.region_code as "regionCode", f.kind, f.employees,
               f.member_count as "memberCount", f.full_member_count as "fullMemberCount", f.category,
               f.org_coverage as "orgCoverage", f.work_covered as "workCovered", count(*) over ()::int as total
        from dangjian_enterprise_facts(${region.prefix}, ${q.date}::date) f
        join enterprises e on e.id = f.enterprise_id
        where ${sql.join(where, sql` and `)}
        order by e.name, f.enterprise_id
        limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
  );
  const total = rows[0]?.total ?? 0;
  return { total, rows: rows.map(({ total: _, ...r }) => r) };
}
