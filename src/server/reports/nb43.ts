// 年报 table 43 失去联系党员情况 (docs/annual-tables.md §7): the members out of contact at 31
// December (for the current year: today), one row per child region, the total being the
// region's table. A member counts when a lost-contact case was recorded on or before the date
// and had no outcome by then, and the member was on the roster. How each counts is
// src/domain/reports/nb43Count.ts; here only the facts are gathered.
import { sql } from 'drizzle-orm';
import { type Nb43Member, Nb43Tally } from '../../domain/reports/nb43Count.ts';
import { cellKeys, NB43 } from '../../domain/reports/nbTables.ts';
import { sumFields } from '../../domain/reports/rows.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import { annualAsOf } from './annual.ts';
import { RegionFrame } from './common.ts';
import type { NbReportOf } from './nbTables.ts';

/**
 * The lost-contact members of the region at `asOf`, with the kind of unit their org covers
 * then: a non-public enterprise first (a joint org covering both counts there), else a social
 * organization (its kind, or a professional firm), else 其他.
 */
export async function nb43Members(tx: Tx, prefix: string, asOf: string): Promise<Nb43Member[]> {
  const at = sql`${asOf}::date`;
  return queryRows<Nb43Member>(
    tx,
    sql`select o.region_code as "regionCode",
          case when bool_or(e.kind in ('private','hmt','foreign')) then 'non_public'
               when bool_or(e.kind in ('association','social_service','foundation') or e.intermediary_kind is not null) then 'social'
               else 'other' end as unit,
          not (m.full_on is not null and m.full_on <= ${at}) as probationary,
          m.sex, m.ethnicity, m.birth_date::text as "birthDate",
          case when m.full_on <= ${at} then m.full_on::text end as "fullOn", m.education,
          lc.out_of_contact_since::text as "outOfContactSince", lc.circumstance
        from lost_contacts lc
        join members m on m.id = lc.member_id
        join party_orgs o on o.id = lc.org_id
        left join org_coverages c on c.org_id = o.id and c.start_on <= ${at} and (c.end_on is null or c.end_on > ${at})
        left join enterprises e on e.id = c.enterprise_id
        where o.region_code like ${`${prefix}%`}
          and lc.recorded_on <= ${at} and (lc.outcome_on is null or lc.outcome_on > ${at})
          and m.joined_on <= ${at} and (m.left_on is null or m.left_on > ${at})
        group by lc.id, o.region_code, m.id`,
  );
}

export async function nb43Report(
  tx: Tx,
  actor: Actor,
  q: { region: string; year: number },
  today: string,
): Promise<NbReportOf<'nb43'>> {
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  const region = await regionInScope(tx, actor, q.region);
  const { asOf, partial } = annualAsOf(q.year, today);
  const frame = await RegionFrame.of(tx, region);
  const tallies = new Map<string, Nb43Tally>();
  for (const m of await nb43Members(tx, region.prefix, asOf)) {
    const key = frame.keyOf(m.regionCode);
    const t = tallies.get(key) ?? new Nb43Tally(asOf);
    t.count(m);
    tallies.set(key, t);
  }
  const rows = frame
    .keys(tallies.has(region.code))
    .map((k) => ({ ...k, cells: (tallies.get(k.region) ?? new Nb43Tally(asOf)).cells }));
  const total = sumFields(
    rows.map((r) => r.cells),
    cellKeys(NB43),
  );
  return { report: 'nb43', region: region.code, name: region.name, year: q.year, asOf, partial, total, rows };
}
