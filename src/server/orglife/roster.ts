// Who is expected at a meeting (rules.md §10): the org's roster on the meeting date — members
// whose membership in the org covers that day — and, as guests, mobile members of other orgs
// who work here (流入地). A group meeting expects its group's members.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { mobileSql } from '../members/away.ts';

export interface RosterEntry {
  memberId: number;
  name: string;
  /** Full on the date with the relation held here: has a vote. */
  voting: boolean;
  probationary: boolean;
  /** Away more than 6 months on the date (流动党员): absent with reason 流动在外 unless ticked. */
  mobile: boolean;
}

export interface Roster {
  members: RosterEntry[];
  /** Mobile members of other orgs working here: may attend, counted as guests. */
  guests: RosterEntry[];
}

/**
 * Membership in the org starts on joining the party, or for a member transferred in, on the
 * day the letter was received (issued, if no receipt was recorded); it ends the day they left.
 */
const memberSince = sql`coalesce((select min(coalesce(t.received_on, t.issued_on)) from member_transfers t
  where t.member_id = m.id and t.direction = 'in' and t.org_id = m.org_id), m.joined_on)`;

export async function rosterOn(tx: Tx, orgId: number, on: string, groupId: number | null = null): Promise<Roster> {
  const inGroup =
    groupId === null ? sql`` : sql`and m.id in (select member_id from party_group_members where group_id = ${groupId})`;
  const rows = await queryRows<RosterEntry & { guest: boolean }>(
    tx,
    sql`select m.id as "memberId", m.name,
          (m.full_on is not null and m.full_on <= ${on}::date and m.relation_org_name is null) as voting,
          (m.full_on is null or m.full_on > ${on}::date) as probationary,
          ${mobileSql(on, 'm.')} as mobile,
          m.org_id <> ${orgId} as guest
        from members m
        where ((m.org_id = ${orgId} ${inGroup}) or (m.work_org_id = ${orgId} and ${mobileSql(on, 'm.')}))
          and ${memberSince} <= ${on}::date and (m.left_on is null or m.left_on > ${on}::date)
        order by m.name, m.id`,
  );
  const entry = ({ guest: _g, ...r }: RosterEntry & { guest: boolean }) => r;
  return {
    members: rows.filter((r) => !r.guest).map(entry),
    guests: groupId === null ? rows.filter((r) => r.guest).map(entry) : [],
  };
}
