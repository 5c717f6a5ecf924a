import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { poolSecretaries } from '../db/schema.ts';
import { inRegionScope } from '../regions/scope.ts';

/**
 * The pool secretaries an actor may see: their region's pool, and those sent from a wider
 * pool to an org of their region. Row-level security (migration 0021) says the same.
 */
export function poolSecretaryInScope(actor: Actor): SQL {
  return sql`(${inRegionScope(poolSecretaries.regionCode, actor)} or ${poolSecretaries.id} in (
    select d.secretary_id from secretary_dispatches d join party_orgs o on o.id = d.org_id
    where o.region_code like ${`${actor.scopePrefix}%`}))`;
}

/** The pool secretaries an actor may change, send or reveal: those kept by their region. */
export function poolSecretaryInWriteScope(actor: Actor): SQL {
  return inRegionScope(poolSecretaries.regionCode, actor);
}

/**
 * A pool secretary's status in SQL, the same rule as the domain's `poolStatus`: left the pool,
 * serving (an open dispatch), back from one, or never sent.
 */
export const poolStatusSql = sql<string>`case
  when ${poolSecretaries.leftOn} is not null then 'left'
  when exists (select 1 from secretary_dispatches d where d.secretary_id = ${poolSecretaries.id} and d.end_on is null) then 'sent'
  when exists (select 1 from secretary_dispatches d where d.secretary_id = ${poolSecretaries.id}) then 'returned'
  else 'available' end`;
