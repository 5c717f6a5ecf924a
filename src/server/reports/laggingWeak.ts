// The 软弱涣散 condition of the lagging rule (rules.md §11): an org judged weak stays on the
// lagging list from its appraisal until its rectification is closed (销号).
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

/** How many orgs under rectification at the end of `date` each region code holds, under `prefix`. */
export async function weakOrgsByRegion(tx: Tx, prefix: string, date: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ regionCode: string; n: number }>(
    tx,
    sql`select o.region_code as "regionCode", count(distinct o.id)::int as n
        from org_appraisals a join party_orgs o on o.id = a.org_id
        where a.weak and a.appraised_on <= ${date}::date and (a.rectified_on is null or a.rectified_on > ${date}::date)
          and o.region_code like ${`${prefix}%`} and (o.dissolved_on is null or o.dissolved_on > ${date}::date)
        group by o.region_code`,
  );
  return new Map(rows.map((r) => [r.regionCode, r.n]));
}
