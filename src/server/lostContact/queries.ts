// What the member page and the region's list read of lost contact. Names only: ID and phone
// numbers never appear here (the member card reveals them, audited, to whoever may).
import { sql } from 'drizzle-orm';
import type { LostContactCircumstance } from '../../domain/national/lostContactCircumstances.ts';
import { type LostContactOutcome, lostFrom, type SearchMethod } from '../../domain/org/lostContact.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { loadMember } from '../members/load.ts';
import { regionInScope } from '../regions/scope.ts';
import { lastActivity } from './write.ts';

interface CaseRow {
  id: number;
  memberId: number;
  memberName: string;
  orgId: number;
  orgName: string;
  circumstance: LostContactCircumstance;
  circumstanceNote: string | null;
  outOfContactSince: string;
  recordedOn: string;
  outcome: LostContactOutcome | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  searchCount: number;
  lastSearchOn: string | null;
}

const caseColumns = sql`lc.id, lc.member_id as "memberId", m.name as "memberName", lc.org_id as "orgId", o.name as "orgName",
  lc.circumstance, lc.circumstance_note as "circumstanceNote", lc.out_of_contact_since::text as "outOfContactSince",
  lc.recorded_on::text as "recordedOn", lc.outcome, lc.outcome_on::text as "outcomeOn", lc.outcome_note as "outcomeNote",
  (select count(*)::int from lost_contact_searches s where s.lost_contact_id = lc.id) as "searchCount",
  (select max(s.searched_on)::text from lost_contact_searches s where s.lost_contact_id = lc.id) as "lastSearchOn"`;

/** A member's lost-contact state: the last recorded activity, from when they may be recorded, the cases. */
export async function memberLostContact(tx: Tx, actor: Actor, memberId: number, today: string) {
  const member = await loadMember(tx, actor, memberId);
  const last = (await lastActivity(tx, member.id, today)) ?? member.joinedOn;
  const cases = await queryRows<CaseRow>(
    tx,
    sql`select ${caseColumns} from lost_contacts lc join members m on m.id = lc.member_id join party_orgs o on o.id = lc.org_id
        where lc.member_id = ${member.id} order by lc.recorded_on desc, lc.id desc`,
  );
  const searches = await queryRows<{
    id: number;
    caseId: number;
    searchedOn: string;
    searcher: string;
    method: SearchMethod;
    result: string;
  }>(
    tx,
    sql`select s.id, s.lost_contact_id as "caseId", s.searched_on::text as "searchedOn", s.searcher, s.method, s.result
        from lost_contact_searches s join lost_contacts lc on lc.id = s.lost_contact_id
        where lc.member_id = ${member.id} order by s.searched_on, s.id`,
  );
  const open = cases.some((c) => c.outcome === null);
  return {
    memberId: member.id,
    onRoster: member.leftOn === null,
    lastActivityOn: last,
    lostFrom: lostFrom(last),
    open,
    cases: cases.map((c) => ({ ...c, searches: searches.filter((s) => s.caseId === c.id) })),
  };
}

export type LostContactState = 'open' | 'closed' | 'all';

/** The region's lost-contact members (a secretary: their org's), open cases first, oldest loss first. */
export async function lostContactList(tx: Tx, actor: Actor, q: { region?: string; state: LostContactState }) {
  const region = await regionInScope(tx, actor, q.region ?? actor.regionCode);
  const state =
    q.state === 'open' ? sql`lc.outcome is null` : q.state === 'closed' ? sql`lc.outcome is not null` : sql`true`;
  const own = actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`;
  const items = await queryRows<CaseRow & { regionCode: string }>(
    tx,
    sql`select ${caseColumns}, o.region_code as "regionCode"
        from lost_contacts lc join members m on m.id = lc.member_id join party_orgs o on o.id = lc.org_id
        where o.region_code like ${`${region.prefix}%`} ${own} and ${state}
        order by (lc.outcome is null) desc, lc.out_of_contact_since, lc.id`,
  );
  return { region: region.code, name: region.name, items };
}
