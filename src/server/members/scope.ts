import { inArray, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { members, partyOrgs } from '../db/schema.ts';
import { orgInScope } from '../orgs/scope.ts';

/** The ids of the orgs the actor may see, as a subquery. */
const orgsInScope = (tx: Tx, actor: Actor) => tx.select({ id: partyOrgs.id }).from(partyOrgs).where(orgInScope(actor));

/**
 * The members an actor may see: those whose org is in scope, and mobile members working in
 * an org in scope (流入地). Row-level security says the same in the database.
 */
export function memberInScope(tx: Tx, actor: Actor): SQL {
  const orgs = orgsInScope(tx, actor);
  return or(inArray(members.orgId, orgs), inArray(members.workOrgId, orgs)) as SQL;
}

/**
 * The members an actor may change or reveal: those whose org (the one holding the relation in
 * this system) is in scope. The org where a mobile member works sees them, and no more.
 */
export function memberInWriteScope(tx: Tx, actor: Actor): SQL {
  return inArray(members.orgId, orgsInScope(tx, actor));
}
