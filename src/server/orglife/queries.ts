// Reading an org's meetings: the list of a year with each meeting's counts and votes, one
// meeting with its attendance, and the roster a meeting of a date expects.
import { sql } from 'drizzle-orm';
import {
  ABSENCE_REASONS,
  type AbsenceReason,
  MEETING_KINDS,
  type MeetingKind,
  quorumOf,
  VOTE_KINDS,
} from '../../domain/orglife/meetings.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { loadOrg } from '../orgs/load.ts';
import { rosterOn } from './roster.ts';
import { getOrglifeSettings } from './settings.ts';
import { loadMeeting } from './write.ts';

const labelOf = (list: readonly { code: string; label: string }[], code: string | null) =>
  code === null ? null : (list.find((c) => c.code === code)?.label ?? null);

interface MeetingRow {
  id: number;
  orgId: number;
  kind: MeetingKind;
  partyGroupId: number | null;
  partyGroupName: string | null;
  heldOn: string;
  topic: string;
  host: string | null;
  place: string | null;
  resolutions: string | null;
  notes: string | null;
  attendanceRecorded: boolean;
  expected: number;
  present: number;
  absent: number;
  guests: number;
  voting: number;
  votingPresent: number;
  onLeave: number;
  votes: { kind: 'admission' | 'confirmation' | 'election'; developmentId: number | null; personName: string | null }[];
}

const MEETING_SELECT = sql`select mt.id, mt.org_id as "orgId", mt.kind, mt.party_group_id as "partyGroupId",
    g.name as "partyGroupName", mt.held_on::text as "heldOn", mt.topic, mt.host, mt.place, mt.resolutions, mt.notes,
    mt.attendance_recorded as "attendanceRecorded",
    coalesce(a.expected, 0)::int as expected, coalesce(a.present, 0)::int as present,
    coalesce(a.absent, 0)::int as absent, coalesce(a.guests, 0)::int as guests,
    coalesce(a.voting, 0)::int as voting, coalesce(a.voting_present, 0)::int as "votingPresent",
    coalesce(a.on_leave, 0)::int as "onLeave",
    coalesce((select json_agg(json_build_object('kind', v.kind, 'developmentId', v.development_id, 'personName', d.name)
        order by v.id)
      from meeting_votes v left join developments d on d.id = v.development_id where v.meeting_id = mt.id), '[]'::json) as votes
  from meetings mt
  left join party_groups g on g.id = mt.party_group_id
  left join lateral (
    select count(*) filter (where not guest) as expected,
      count(*) filter (where not guest and present) as present,
      count(*) filter (where not guest and not present) as absent,
      count(*) filter (where guest) as guests,
      count(*) filter (where voting and not guest) as voting,
      count(*) filter (where voting and not guest and present) as voting_present,
      count(*) filter (where voting and not guest and not present and absent_reason = 'leave') as on_leave
    from meeting_attendance where meeting_id = mt.id
  ) a on true`;

async function present(tx: Tx, rows: MeetingRow[]) {
  const { leaveInQuorum } = await getOrglifeSettings(tx);
  return rows.map(({ voting, votingPresent, onLeave, ...r }) => ({
    ...r,
    kindLabel: labelOf(MEETING_KINDS, r.kind) as string,
    votes: r.votes.map((v) => ({ ...v, kindLabel: labelOf(VOTE_KINDS, v.kind) as string })),
    // The quorum only matters where the meeting voted and its attendance is known.
    quorum:
      r.votes.length > 0 && r.attendanceRecorded
        ? quorumOf({ voting, present: votingPresent, onLeave }, leaveInQuorum)
        : null,
  }));
}

/** An org's meetings of a year, the latest first. */
export async function listMeetings(tx: Tx, actor: Actor, orgId: number, year: number) {
  await loadOrg(tx, actor, orgId);
  const rows = await queryRows<MeetingRow>(
    tx,
    sql`${MEETING_SELECT} where mt.org_id = ${orgId} and mt.held_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
        order by mt.held_on desc, mt.id desc`,
  );
  return present(tx, rows);
}

/** One meeting with who was expected, present and absent (and why). */
export async function readMeeting(tx: Tx, actor: Actor, id: number) {
  await loadMeeting(tx, actor, id);
  const [row] = await present(tx, await queryRows<MeetingRow>(tx, sql`${MEETING_SELECT} where mt.id = ${id}`));
  const attendance = await queryRows<{
    memberId: number;
    name: string;
    present: boolean;
    voting: boolean;
    guest: boolean;
    absentReason: AbsenceReason | null;
    absentNote: string | null;
  }>(
    tx,
    sql`select a.member_id as "memberId", m.name, a.present, a.voting, a.guest, a.absent_reason as "absentReason",
          a.absent_note as "absentNote"
        from meeting_attendance a join members m on m.id = a.member_id
        where a.meeting_id = ${id} order by a.guest, m.name, m.id`,
  );
  return {
    ...row,
    attendance: attendance.map((a) => ({ ...a, absentReasonLabel: labelOf(ABSENCE_REASONS, a.absentReason) })),
  };
}

/** Whom a meeting of the org on `on` expects: its roster then, or the group's; and the guests who may come. */
export async function meetingRoster(tx: Tx, actor: Actor, orgId: number, on: string, groupId: number | null) {
  await loadOrg(tx, actor, orgId);
  return rosterOn(tx, orgId, on, groupId);
}
