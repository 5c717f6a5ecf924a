// What the three reports share on the server: the rows' frame (one per child region, and one
// for records at the region itself), the survey-scope condition on the facts, and the dates.
import { type SQL, sql } from 'drizzle-orm';
import { compareDates } from '../../domain/calendarDate.ts';
import { childOf, type RegionKey } from '../../domain/reports/rows.ts';
import type { CoverageScope, CoverageSettings } from '../../domain/stats/coverage.ts';
import type { Tx } from '../db/client.ts';
import { HttpError } from '../errors.ts';
import type { RegionRef } from '../regions/scope.ts';
import { childRegions, employeesAtLeast, surveySql } from '../stats/engine.ts';

/** The rows of a report: each child region, and the region's own level (本级) when something is there. */
export class RegionFrame {
  private constructor(
    readonly region: RegionRef,
    readonly children: RegionRef[],
  ) {}

  static async of(tx: Tx, region: RegionRef): Promise<RegionFrame> {
    return new RegionFrame(region, await childRegions(tx, region.code));
  }

  /** The row key a record registered at `regionCode` counts under. */
  keyOf(regionCode: string): string {
    return childOf(this.children, regionCode, this.region.code);
  }

  /** Row keys in form order: the children by code, then 本级 if `hasDirect`. */
  keys(hasDirect: boolean): RegionKey[] {
    const rows: RegionKey[] = this.children.map((c) => ({ region: c.code, name: c.name }));
    if (hasDirect) rows.push({ region: this.region.code, name: `${this.region.name}（本级）`, direct: true });
    return rows;
  }
}

/** Facts `f` (dangjian_enterprise_facts) narrowed to the survey scope when it is asked for (rules.md §2). */
export function scopeCondition(scope: CoverageScope, s: CoverageSettings, f = 'f'): SQL {
  if (scope === 'all') return sql`true`;
  return surveySql(sql.raw(`${f}.kind`), employeesAtLeast(sql.raw(`${f}.employees`)), s);
}

/** A report date may not be in the future: the ledger does not know it yet. */
export function notFuture(date: string, today: string, field: string) {
  if (compareDates(date, today) > 0) throw new HttpError(400, 'validation', `${field}：不能晚于今天（${today}）`);
}

export const SCOPE_LABEL: Record<CoverageScope, string> = { all: '全部在册企业', survey: '调查口径' };
