import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { demonstrationSites, honours } from '../db/schema.ts';

/**
 * Honours an actor may see: those of the orgs they see (their region's subtree, a secretary's
 * own org). Row-level security (migration 0022) says the same.
 */
export function honourInScope(actor: Actor): SQL {
  return sql`${honours.orgId} in (select o.id from party_orgs o where o.region_code like ${`${actor.scopePrefix}%`}
    ${actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`})`;
}

/** The region a demonstration site belongs to: its org's, or its enterprise's. */
export const siteRegionSql = sql<string>`coalesce(
  (select o.region_code from party_orgs o where o.id = ${demonstrationSites.orgId}),
  (select e.region_code from enterprises e where e.id = ${demonstrationSites.enterpriseId}))`;

/** Demonstration sites an actor may see: those of the orgs and enterprises of their region. */
export function siteInScope(actor: Actor): SQL {
  return sql`${siteRegionSql} like ${`${actor.scopePrefix}%`}`;
}
