import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { loadInScope } from '../db/loadInScope.ts';
import { developments, enterprises, partyOrgs } from '../db/schema.ts';
import { orgInScope } from '../orgs/scope.ts';
import { inRegionScope } from '../regions/scope.ts';

export type DevelopmentRow = typeof developments.$inferSelect;

/** The development records an actor may see: those of the orgs in their scope. */
export function developmentInScope(actor: Actor): SQL {
  return sql`${developments.orgId} in (select ${partyOrgs.id} from ${partyOrgs} where ${orgInScope(actor)})`;
}

/** The record, if the actor may see its org; otherwise 404, as if it did not exist. */
export function loadDevelopment(
  tx: Tx,
  actor: Actor,
  id: number,
  opts: { forUpdate?: boolean } = {},
): Promise<DevelopmentRow> {
  return loadInScope(tx, developments, id, developmentInScope(actor), '发展党员记录', opts);
}

/** A development record with the names of its org and its employer, for presenting. */
export interface NamedDevelopmentRow extends DevelopmentRow {
  orgName: string;
  orgRegionCode: string;
  /** null without an employer, or when the employer is outside the actor's scope. */
  employerName: string | null;
}

/** The records in the actor's scope that match `where`, with the names they are shown with. */
export async function selectDevelopments(tx: Tx, actor: Actor, where: SQL | undefined): Promise<NamedDevelopmentRow[]> {
  const rows = await tx
    .select({
      d: developments,
      orgName: partyOrgs.name,
      orgRegionCode: partyOrgs.regionCode,
      employerName: enterprises.name,
    })
    .from(developments)
    .innerJoin(partyOrgs, eq(partyOrgs.id, developments.orgId))
    .leftJoin(
      enterprises,
      and(eq(enterprises.id, developments.employerId), inRegionScope(enterprises.regionCode, actor)),
    )
    .where(and(orgInScope(actor), where))
    .orderBy(developments.appliedOn, developments.id);
  return rows.map((r) => ({
    ...r.d,
    orgName: r.orgName,
    orgRegionCode: r.orgRegionCode,
    employerName: r.employerName,
  }));
}
