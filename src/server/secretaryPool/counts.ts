import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { type RegionRef, regionInScope } from '../regions/scope.ts';
import { childRegions } from '../stats/engine.ts';

export interface PoolCounts {
  region: string;
  name: string;
  /** In the region's pool, not serving: never sent or back from a dispatch. */
  available: number;
  /** Dispatches to the region's orgs that began in the year. */
  sentInYear: number;
  /** Dispatched secretaries serving in the region's orgs now. */
  serving: number;
}

/**
 * The pool counted for a region and each of its children: who is available by the region
 * keeping them, who was sent and who serves by the region of the org they went to (where
 * document 001 counts its 24 cadres).
 */
async function countFor(tx: Tx, region: RegionRef, year: number): Promise<PoolCounts> {
  const prefix = `${region.prefix}%`;
  const [row] = await queryRows<{ available: number; sent: number; serving: number }>(
    tx,
    sql`select
      (select count(*)::int from pool_secretaries p where p.region_code like ${prefix} and p.left_on is null
         and not exists (select 1 from secretary_dispatches d where d.secretary_id = p.id and d.end_on is null)) as available,
      (select count(*)::int from secretary_dispatches d join party_orgs o on o.id = d.org_id
         where o.region_code like ${prefix} and extract(year from d.start_on) = ${year}) as sent,
      (select count(*)::int from secretary_dispatches d join party_orgs o on o.id = d.org_id
         where o.region_code like ${prefix} and d.end_on is null) as serving`,
  );
  return {
    region: region.code,
    name: region.name,
    available: row.available,
    sentInYear: row.sent,
    serving: row.serving,
  };
}

export async function poolCounts(tx: Tx, actor: Actor, regionCode: string, year: number) {
  const region = await regionInScope(tx, actor, regionCode);
  const children = await childRegions(tx, region.code);
  const own = await countFor(tx, region, year);
  const rows: PoolCounts[] = [];
  // One after another: the queries share the request's transaction.
  for (const child of children) rows.push(await countFor(tx, child, year));
  return { year, ...own, children: rows };
}
