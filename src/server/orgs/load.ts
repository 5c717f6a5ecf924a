import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { loadInScope } from '../db/loadInScope.ts';
import { partyOrgs } from '../db/schema.ts';
import { orgInScope } from './scope.ts';

export type OrgRow = typeof partyOrgs.$inferSelect;

/** The org, if the actor may see it; otherwise 404, as if it did not exist. */
export function loadOrg(tx: Tx, actor: Actor, id: number, opts: { forUpdate?: boolean } = {}): Promise<OrgRow> {
  return loadInScope(tx, partyOrgs, id, orgInScope(actor), '党组织', opts);
}

/**
 * One of the org's own records (a coverage, an officer, an election) about to change. The org
 * is locked first, so changes to one org's records queue behind each other; a record of
 * another org is 404 naming `what`, as if absent.
 */
export async function loadOrgRecord<T extends PgTable & { id: PgColumn; orgId: PgColumn }>(
  tx: Tx,
  actor: Actor,
  table: T,
  orgId: number,
  id: number,
  what: string,
): Promise<T['$inferSelect']> {
  await loadOrg(tx, actor, orgId, { forUpdate: true });
  return loadInScope(tx, table, id, eq(table.orgId, orgId), what);
}
