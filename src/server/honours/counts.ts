import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { type RegionRef, regionInScope } from '../regions/scope.ts';
import { childRegions } from '../stats/engine.ts';

interface Figures {
  orgHonours: number;
  memberHonours: number;
  demonstrationSites: number;
}

/** Honours counted by the year awarded and the honoured org's region; sites by their year and place. */
async function countFor(tx: Tx, region: RegionRef, year: number): Promise<Figures & { region: string; name: string }> {
  const prefix = `${region.prefix}%`;
  const [row] = await queryRows<Figures>(
    tx,
    sql`select
      (select count(*)::int from honours h join party_orgs o on o.id = h.org_id
        where o.region_code like ${prefix} and h.member_id is null and extract(year from h.awarded_on) = ${year}) as "orgHonours",
      (select count(*)::int from honours h join party_orgs o on o.id = h.org_id
        where o.region_code like ${prefix} and h.member_id is not null and extract(year from h.awarded_on) = ${year}) as "memberHonours",
      (select count(*)::int from demonstration_sites s
        left join party_orgs o on o.id = s.org_id left join enterprises e on e.id = s.enterprise_id
        where coalesce(o.region_code, e.region_code) like ${prefix} and s.year = ${year}) as "demonstrationSites"`,
  );
  return { region: region.code, name: region.name, ...row };
}

/** The region's figures for each year anything was recorded, most recent first. */
async function byYear(tx: Tx, region: RegionRef) {
  const prefix = `${region.prefix}%`;
  return queryRows<Figures & { year: number }>(
    tx,
    sql`with h as (
        select extract(year from h.awarded_on)::int as year, h.member_id is null as to_org
        from honours h join party_orgs o on o.id = h.org_id where o.region_code like ${prefix}),
      s as (
        select s.year::int as year from demonstration_sites s
        left join party_orgs o on o.id = s.org_id left join enterprises e on e.id = s.enterprise_id
        where coalesce(o.region_code, e.region_code) like ${prefix})
      select y.year,
        (select count(*)::int from h where h.year = y.year and h.to_org) as "orgHonours",
        (select count(*)::int from h where h.year = y.year and not h.to_org) as "memberHonours",
        (select count(*)::int from s where s.year = y.year) as "demonstrationSites"
      from (select year from h union select year from s) y order by y.year desc`,
  );
}

export async function honourCounts(tx: Tx, actor: Actor, regionCode: string, year: number) {
  const region = await regionInScope(tx, actor, regionCode);
  const own = await countFor(tx, region, year);
  const children = [];
  // One after another: the queries share the request's transaction.
  for (const child of await childRegions(tx, region.code)) children.push(await countFor(tx, child, year));
  return { year, ...own, children, byYear: await byYear(tx, region) };
}
