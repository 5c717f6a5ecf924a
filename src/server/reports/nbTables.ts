// 年报 tables 27 and 30 (docs/annual-tables.md): one row per child region, the total is the
// region's official table, as of 31 December (for the current year: as of today). The units'
// facts at the date come from the coverage engine's facts function, the rest from the ledger;
// how each counts is src/domain/reports/nbCount.ts. The official tables always count every
// unit in scope: they have no survey cut-off (docs/sources/annual-tables-27-30.md Q10).
import { sql } from 'drizzle-orm';
import { NbTally, type NbUnit } from '../../domain/reports/nbCount.ts';
import { NB_LAYOUTS, type NbCells, type NbTableId, type UnitTableId } from '../../domain/reports/nbTables.ts';
import { sumFields } from '../../domain/reports/rows.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import { packed, type RemoteStanding, remotePackages } from '../upward/remote.ts';
import { annualAsOf } from './annual.ts';
import { RegionFrame } from './common.ts';

export interface NbRowOut {
  region: string;
  name: string;
  direct?: boolean;
  cells: NbCells;
  /** A child region with its own deployment: its package's figures and where the package stands. */
  remote?: RemoteStanding;
}

/** A table's report; a union over the tables, so that `report` tells them apart. */
export type NbReport = NbReportOf<'nb27'> | NbReportOf<'nb30'> | NbReportOf<'nb43'>;

export interface NbReportOf<T extends NbTableId> {
  report: T;
  region: string;
  name: string;
  year: number;
  asOf: string;
  partial: boolean;
  total: NbCells;
  rows: NbRowOut[];
  /** Set when the region runs its own deployment: the figures are its package's (upward/remote.ts). */
  remote?: RemoteStanding;
}

/** Each in-scope unit of the region with the facts the two tables read, at `asOf`. */
export async function nbUnits(tx: Tx, prefix: string, asOf: string): Promise<NbUnit[]> {
  const at = sql`${asOf}::date`;
  const inForce = (a: string, from: string, to: string) =>
    sql`${sql.raw(`${a}.${from}`)} <= ${at} and (${sql.raw(`${a}.${to}`)} is null or ${sql.raw(`${a}.${to}`)} > ${at})`;
  const covering = sql`org_coverages c join party_orgs o on o.id = c.org_id
    where c.enterprise_id = f.enterprise_id and ${inForce('c', 'start_on', 'end_on')}
      and ${inForce('o', 'established_on', 'dissolved_on')}`;
  return queryRows<NbUnit>(
    tx,
    sql`select f.region_code as "regionCode", f.kind, f.employees, f.member_count as "memberCount",
          f.full_member_count as "fullMemberCount", f.category, f.org_coverage as "orgCoverage",
          coalesce(e.legal_person, f.kind <> 'individual') as "legalPerson", e.ownership,
          e.intermediary_kind as "intermediaryKind",
          least(coalesce(e.staff_on_post, f.employees), f.employees) as "staffOnPost",
          coalesce(e.owner_political_status in ('member', 'probationary'), false) or coalesce(off.rep, false)
            as "ownerIsMember",
          coalesce(off.sec, false) as "ownerIsSecretary",
          own.type as "ownType", coalesce(jt.ids, '{}') as "jointOrgIds", coalesce(ins.ids, '{}') as "instructorIds",
          coalesce(nt.n, 0) as "notTransferred", coalesce(ab.yes, false) as absorbing
        from dangjian_enterprise_facts(${prefix}, ${at}) f
        join enterprises e on e.id = f.enterprise_id
        -- The unit's highest own org: it counts once, at 党委 > 总支 > 支部.
        left join lateral (
          select o.id, o.type from ${covering} and o.formation = 'standalone'
          order by case o.type when 'committee' then 1 when 'general_branch' then 2 else 3 end, o.id limit 1
        ) own on true
        left join lateral (
          select array_agg(distinct o.id) as ids from ${covering} and o.formation = 'joint'
        ) jt on true
        left join lateral (
          select array_agg(distinct a.instructor_id) as ids from assignments a
          where a.enterprise_id = f.enterprise_id and ${inForce('a', 'start_on', 'end_on')}
        ) ins on true
        -- Officers of the unit's own orgs marked 法定代表人 (an officer is a member), and whether one is the secretary.
        left join lateral (
          select count(*) > 0 as rep, bool_or(p.post = 'secretary') as sec
          from org_officers p join org_coverages c on c.org_id = p.org_id join party_orgs o on o.id = p.org_id
          where c.enterprise_id = f.enterprise_id and o.formation = 'standalone' and p.legal_representative
            and ${inForce('c', 'start_on', 'end_on')} and ${inForce('o', 'established_on', 'dissolved_on')}
            and (p.start_on is null or p.start_on <= ${at}) and (p.end_on is null or p.end_on > ${at})
        ) off on true
        -- Members working there whose relation is held by an org that does not cover the unit.
        left join lateral (
          select count(*)::int as n from members m
          where m.employer_id = f.enterprise_id and m.joined_on <= ${at} and (m.left_on is null or m.left_on > ${at})
            and not exists (select 1 from org_coverages c where c.org_id = m.org_id and c.enterprise_id = f.enterprise_id
                            and ${inForce('c', 'start_on', 'end_on')})
        ) nt on true
        -- The own org takes in members from elsewhere: members working away whose 流入地 org it is.
        left join lateral (
          select exists (select 1 from members m where m.work_org_id = own.id and m.away_since <= ${at}
                           and (m.left_on is null or m.left_on > ${at})) as yes
        ) ab on true
        where f.in_scope`,
  );
}

export async function nbReport<T extends UnitTableId>(
  tx: Tx,
  actor: Actor,
  table: T,
  q: { region: string; year: number },
  today: string,
): Promise<NbReportOf<T>> {
  const layout = NB_LAYOUTS[table];
  const region = await regionInScope(tx, actor, q.region);
  const { asOf, partial } = annualAsOf(q.year, today);
  const frame = await RegionFrame.of(tx, region);
  const keys = Object.keys(new NbTally(layout).cells);
  const cellsOf = (from: unknown): NbCells =>
    Object.fromEntries(
      keys.map((k) => [k, Number((from as Record<string, unknown> | undefined)?.[k] ?? 0) || 0]),
    ) as NbCells;
  const remote = await remotePackages(tx, [region.code, ...frame.children.map((c) => c.code)], String(q.year));
  const own = remote.get(region.code);
  if (own) {
    // A region with its own deployment: its package's rows, read-only.
    const rows: NbRowOut[] = (packed(own, table)?.rows ?? []).map((r) => ({
      region: r.region,
      name: r.name,
      ...(r.direct ? { direct: true } : {}),
      cells: cellsOf(r.cells),
    }));
    const total = sumFields(
      rows.map((r) => r.cells),
      keys,
    );
    return {
      report: table,
      region: region.code,
      name: region.name,
      year: q.year,
      asOf,
      partial,
      total,
      rows,
      remote: own.standing,
    };
  }
  const tallies = new Map<string, NbTally>();
  for (const u of await nbUnits(tx, region.prefix, asOf)) {
    const key = frame.keyOf(u.regionCode);
    const t = tallies.get(key) ?? new NbTally(layout);
    if (t.count(u)) tallies.set(key, t);
  }
  const rows: NbRowOut[] = frame.keys(tallies.has(region.code)).map((k) => {
    const r = remote.get(k.region);
    if (!r) return { ...k, cells: (tallies.get(k.region) ?? new NbTally(layout)).cells };
    // A child region with its own deployment counts by its package (none: 未报, zeros).
    return { ...k, cells: cellsOf(packed(r, table)?.total), remote: r.standing };
  });
  const total = sumFields(
    rows.map((r) => r.cells),
    keys,
  );
  return { report: table, region: region.code, name: region.name, year: q.year, asOf, partial, total, rows };
}
