import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { refreshDerivedColumn } from '../enterprises/derivedColumn.ts';

/**
 * Recomputes `enterprises.org_coverage` (today's coverage, which the ledger's category is
 * generated from) for the given enterprises, and records each change in the enterprise's
 * history. Every write to orgs or coverages calls this in the same transaction, so the
 * ledger's categories move at once with the coverage.
 */
export function refreshOrgCoverage(tx: Tx, actor: Actor, enterpriseIds: readonly number[], today: string) {
  return refreshDerivedColumn(tx, actor, enterpriseIds, {
    name: 'org_coverage',
    field: 'orgCoverage',
    after: sql`dangjian_org_coverage(e.id, ${today}::date)`,
  });
}
