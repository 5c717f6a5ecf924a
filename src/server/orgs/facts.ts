import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { mobileSql } from '../members/away.ts';

/** What the formation and term rules are applied to, per org, as of today. */
export interface OrgFacts {
  id: number;
  name: string;
  type: string;
  formation: string;
  regionCode: string;
  establishedOn: string;
  dissolvedOn: string | null;
  /** Enterprises covered today. */
  units: number;
  /** Members recorded one by one whose relation is held here, full and probationary. */
  recordedFull: number;
  recordedProbationary: number;
  /** Recorded members working here whose relation is elsewhere: not counted for thresholds (§7). */
  relationElsewhere: number;
  /** Members of the org away more than 6 months today (流动党员, 流出). */
  mobile: number;
  /** Full members for the thresholds: the recorded ones, or the imported count until members are recorded. */
  fullMembers: number;
  members: number;
  membersRecorded: boolean;
  /** Officers in post today (secretary and committee members). */
  officers: number;
  secretaryName: string | null;
  termElectedOn: string | null;
  termEndsOn: string | null;
}

/**
 * Facts of the orgs matching `where` (a condition on `o`, the party_orgs row), in one query.
 * Row-level security keeps it to the actor's scope; `where` narrows it further.
 */
export function orgFacts(tx: Tx, where: SQL, today: string, extra: SQL = sql``): Promise<OrgFacts[]> {
  return queryRows<OrgFacts>(
    tx,
    sql`select o.id, o.name, o.type, o.formation, o.region_code as "regionCode",
          o.established_on::text as "establishedOn", o.dissolved_on::text as "dissolvedOn",
          coalesce(u.units, 0)::int as units,
          coalesce(m.full, 0)::int as "recordedFull",
          coalesce(m.probationary, 0)::int as "recordedProbationary",
          coalesce(m.elsewhere, 0)::int as "relationElsewhere",
          coalesce(m.mobile, 0)::int as mobile,
          (case when m.recorded > 0 then m.full else coalesce(o.reported_full_count, 0) end)::int as "fullMembers",
          (case when m.recorded > 0 then m.full + m.probationary
                else coalesce(o.reported_full_count, 0) + coalesce(o.reported_probationary_count, 0) end)::int as members,
          coalesce(m.recorded, 0) > 0 as "membersRecorded",
          coalesce(f.officers, 0)::int as officers, f.secretary as "secretaryName",
          t.elected_on::text as "termElectedOn", t.ends_on::text as "termEndsOn"
        from party_orgs o
        left join lateral (
          select count(*) as units from org_coverages c
          where c.org_id = o.id and c.start_on <= ${today}::date and (c.end_on is null or c.end_on > ${today}::date)
        ) u on true
        left join lateral (
          select count(*) as recorded,
            count(*) filter (where relation_org_name is null and status = 'full') as full,
            count(*) filter (where relation_org_name is null and status = 'probationary') as probationary,
            count(*) filter (where relation_org_name is not null) as elsewhere,
            count(*) filter (where ${mobileSql(today)}) as mobile
          from members where org_id = o.id and left_on is null
        ) m on true
        left join lateral (
          select count(*) as officers, max(person_name) filter (where post = 'secretary') as secretary
          from org_officers where org_id = o.id and end_on is null
        ) f on true
        left join lateral (
          select elected_on, ends_on from org_elections where org_id = o.id order by elected_on desc, id desc limit 1
        ) t on true
        where ${where} ${extra}`,
  );
}
