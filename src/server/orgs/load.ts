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
