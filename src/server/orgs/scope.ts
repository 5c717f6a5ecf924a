import { and, eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { partyOrgs } from '../db/schema.ts';
import { inRegionScope } from '../regions/scope.ts';

/** The orgs an actor may see: their region's subtree, narrowed to their own org for a secretary. */
export function orgInScope(actor: Actor): SQL {
  const region = inRegionScope(partyOrgs.regionCode, actor);
  return actor.orgId === null ? region : (and(region, eq(partyOrgs.id, actor.orgId)) as SQL);
}
