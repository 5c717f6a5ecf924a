import { and, eq } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { partyOrgs } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { orgInScope } from './scope.ts';

export type OrgRow = typeof partyOrgs.$inferSelect;

/** The org, if the actor may see it; otherwise 404, as if it did not exist. */
export async function loadOrg(tx: Tx, actor: Actor, id: number, opts: { forUpdate?: boolean } = {}): Promise<OrgRow> {
  const query = tx
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, id), orgInScope(actor)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('党组织');
  return row;
}
