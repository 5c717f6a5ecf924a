import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

/**
 * Whether `candidate` sits below `ancestor` in the tree: a parent link from `ancestor` to
 * `candidate` would make a cycle. The org service and the org import both refuse one.
 */
export async function isDescendant(tx: Tx, candidate: number, ancestor: number): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    tx,
    sql`with recursive up as (
          select id, parent_id from party_orgs where id = ${candidate}
          union select o.id, o.parent_id from party_orgs o join up on o.id = up.parent_id)
        select exists (select 1 from up where id = ${ancestor}) as found`,
  );
  return rows[0]?.found ?? false;
}
