import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { can } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { withoutJit } from '../db/jit.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import { type FigureQuery, filterOf } from '../stats/schemas.ts';
import { coverageFor } from '../stats/service.ts';
import { today } from '../today.ts';
import { ledgerOf, massOrgOnlyToday, missingToday } from './ledger.ts';

interface RegionRow {
  code: string;
  name: string;
  level: number;
  subRegions: number;
  users: number;
}

/** The region, the way up to it from the actor's own region (the breadcrumb), and its administrative counts. */
async function regionPart(tx: Tx, actor: Actor, code: string) {
  const region = await regionInScope(tx, actor, code);
  const path = await queryRows<{ code: string; name: string; level: number }>(
    tx,
    sql`with recursive up as (
          select code, name, level, parent_code, prefix from regions where code = ${code}
          union all
          select r.code, r.name, r.level, r.parent_code, r.prefix from regions r join up on r.code = up.parent_code)
        select code, name, level from up where prefix like ${`${actor.scopePrefix}%`} order by level`,
  );
  const prefix = `${region.prefix}%`;
  const levels = await queryRows<{ level: number; n: number }>(
    tx,
    sql`select level, count(*)::int as n from regions where code like ${prefix} and code <> ${code} group by level`,
  );
  const [userCounts] = await queryRows<{ total: number; active: number }>(
    tx,
    sql`select count(*)::int as total, count(*) filter (where not disabled)::int as active
        from users where region_code like ${prefix}`,
  );
  // Each child's regions and users, counted in one pass over the region's own subtree and
  // matched to the child by the code's leading digits: a pattern taken from a column (`like
  // c.prefix || '%'`) has no index, and read every region of the country once per child. A
  // parent's children may have prefixes of two lengths (a city with counties and towns directly
  // under it), hence both. 5–37× faster on PostgreSQL with every region of China loaded.
  const children = await queryRows<RegionRow>(
    tx,
    sql`with c as materialized (select code, name, level, prefix from regions where parent_code = ${code}),
          len as (select min(length(prefix)) as lo, max(length(prefix)) as hi from c),
          d as materialized (
            select left(r.code, len.lo) as lo, left(r.code, len.hi) as hi, count(*)::int as n
            from regions r, len
            where r.code like ${prefix} and r.code <> ${code} and not exists (select 1 from c where c.code = r.code)
            group by 1, 2),
          u as materialized (
            select left(x.region_code, len.lo) as lo, left(x.region_code, len.hi) as hi, count(*)::int as n
            from users x, len where x.region_code like ${prefix} group by 1, 2)
        select c.code, c.name, c.level,
          (select coalesce(sum(d.n), 0)::int from d where c.prefix in (d.lo, d.hi)) as "subRegions",
          (select coalesce(sum(u.n), 0)::int from u where c.prefix in (u.lo, u.hi)) as users
        from c order by c.code`,
  );
  const byLevel = Object.fromEntries(levels.map((l) => [l.level, l.n]));
  return {
    region: { code: region.code, name: region.name, level: region.level },
    path,
    figures: {
      provinces: byLevel[1] ?? 0,
      cities: byLevel[2] ?? 0,
      counties: byLevel[3] ?? 0,
      towns: byLevel[4] ?? 0,
      villages: byLevel[5] ?? 0,
      users: userCounts?.total ?? 0,
      activeUsers: userCounts?.active ?? 0,
    },
    children,
  };
}

/**
 * The dashboard of a region in the actor's scope as of a date: its administrative counts and,
 * for those who may read the ledger, the coverage engine's figures for it and for each child
 * region (plus a 本级 row for enterprises registered at the region itself). An administrator
 * sees accounts, not enterprises. All of it is read in the request's one transaction, so the
 * parts agree with each other, and nothing is written.
 */
export async function dashboard(tx: Tx, actor: Actor, q: FigureQuery) {
  await withoutJit(tx);
  const code = q.region ?? actor.regionCode;
  const part = await regionPart(tx, actor, code);
  if (!can(actor, 'ledger.read')) {
    return {
      ...part,
      date: q.date ?? today(),
      scope: q.scope ?? null,
      ledger: null,
      missing: null,
      massOrgOnly: null,
      children: part.children.map((c) => ({ ...c, ledger: null })),
    };
  }
  const filter = filterOf(q);
  const result = await coverageFor(tx, actor, {
    region: code,
    ...(q.date ? { date: q.date } : {}),
    ...(q.scope ? { scope: q.scope } : {}),
    filter,
  });
  const admin = new Map(part.children.map((c) => [c.code, c]));
  const children = result.children.map((f) => {
    const a = f.direct ? undefined : admin.get(f.region);
    return {
      code: f.region,
      name: f.name,
      level: a?.level ?? part.region.level,
      ...(f.direct ? { direct: true } : {}),
      subRegions: a?.subRegions ?? 0,
      users: a?.users ?? 0,
      ledger: ledgerOf(f),
    };
  });
  const wholeToday = result.date === today() && Object.keys(filter).length === 0;
  return {
    ...part,
    date: result.date,
    scope: result.scope,
    ledger: ledgerOf(result),
    massOrgOnly: wholeToday ? await massOrgOnlyToday(tx, actor, code, result.scope) : null,
    // 待核实 belongs to today's whole ledger: a past date or a filtered view has none.
    missing: wholeToday ? await missingToday(tx, actor, code, result.scope) : null,
    children,
  };
}
