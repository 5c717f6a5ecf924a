import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { refreshDerivedColumn } from '../enterprises/derivedColumn.ts';

/**
 * Recomputes `enterprises.has_instructor` (an instructor or liaison assigned today, which
 * work coverage and the needs_instructor flag read) for the given enterprises, with a history
 * row per change. Every write to assignments calls this in the same transaction, as every
 * write to coverages calls refreshOrgCoverage.
 */
export function refreshInstructorCoverage(tx: Tx, actor: Actor, enterpriseIds: readonly number[], today: string) {
  return refreshDerivedColumn(tx, actor, enterpriseIds, {
    name: 'has_instructor',
    field: 'hasInstructor',
    after: sql`exists (select 1 from assignments a
                       where a.enterprise_id = e.id and a.start_on <= ${today}::date
                         and (a.end_on is null or a.end_on > ${today}::date))`,
  });
}
