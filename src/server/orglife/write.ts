// Recording a meeting: its facts, the attendance ticked from the roster on its date (the server
// works out who was expected and who was absent), and a vote where the quorum allows it.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type AbsenceReason, MEETING_KINDS, type MeetingKind } from '../../domain/orglife/meetings.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { loadInScope } from '../db/loadInScope.ts';
import { queryRows } from '../db/rows.ts';
import { meetingAttendance, meetings, meetingVotes, partyGroups, partyOrgs } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { loadOrg, type OrgRow } from '../orgs/load.ts';
import { orgInScope } from '../orgs/scope.ts';
import { requireQuorum } from './quorum.ts';
import { rosterOn } from './roster.ts';

export interface MeetingInput {
  kind: MeetingKind;
  partyGroupId: number | null;
  heldOn: string;
  topic: string;
  host: string | null;
  place: string | null;
  resolutions: string | null;
  notes: string | null;
  /** The members ticked as present: of the roster on the date, or guests working here. */
  present: number[];
  /** Reasons for some of those absent; a mobile member's absence is 流动在外 without asking. */
  absences: { memberId: number; reason: AbsenceReason; note: string | null }[];
  /** The general meeting held an election (选举): the quorum applies. */
  election: boolean;
}

const kindLabel = (kind: string) => MEETING_KINDS.find((k) => k.code === kind)?.label ?? kind;

/** The meeting, if its org is in the actor's scope; otherwise 404 as if absent. */
export function loadMeeting(tx: Tx, actor: Actor, id: number, opts: { forUpdate?: boolean } = {}) {
  const scope = inArray(meetings.orgId, tx.select({ id: partyOrgs.id }).from(partyOrgs).where(orgInScope(actor)));
  return loadInScope(tx, meetings, id, scope, '会议', opts);
}

async function checkFacts(tx: Tx, org: OrgRow, input: MeetingInput) {
  notAfterToday('heldOn', '会议日期', input.heldOn, { hint: '会议开过后再记录' });
  if (input.heldOn < org.establishedOn) {
    invalid('heldOn', `会议日期（${input.heldOn}）早于 ${org.name} 的成立日期（${org.establishedOn}）`);
  }
  if (org.dissolvedOn && input.heldOn >= org.dissolvedOn) {
    invalid('heldOn', `会议日期（${input.heldOn}）不早于 ${org.name} 的撤销日期（${org.dissolvedOn}）`);
  }
  if (input.kind === 'group_meeting') {
    if (input.partyGroupId === null) invalid('partyGroupId', '党小组会须选择党小组');
    const [group] = await tx
      .select({ id: partyGroups.id })
      .from(partyGroups)
      .where(and(eq(partyGroups.id, input.partyGroupId), eq(partyGroups.orgId, org.id)));
    if (!group) invalid('partyGroupId', `所选党小组不属于 ${org.name}`);
  } else if (input.partyGroupId !== null) {
    invalid('partyGroupId', `${kindLabel(input.kind)}不属于党小组，只有党小组会选择党小组`);
  }
  if (input.election && input.kind !== 'general_meeting') {
    invalid('election', `只有支部党员大会进行选举表决，${kindLabel(input.kind)}不能记录选举`);
  }
}

/**
 * Writes the attendance of a meeting from the roster on its date: every member expected gets a
 * row, present or absent; a ticked guest gets a present row. Returns the counts.
 */
async function writeAttendance(tx: Tx, meetingId: number, org: OrgRow, input: MeetingInput) {
  const roster = await rosterOn(tx, org.id, input.heldOn, input.kind === 'group_meeting' ? input.partyGroupId : null);
  const expected = new Map(roster.members.map((m) => [m.memberId, m]));
  const guests = new Map(roster.guests.map((m) => [m.memberId, m]));
  const present = new Set(input.present);
  for (const id of present) {
    if (!expected.has(id) && !guests.has(id)) {
      invalid('present', `所勾选的党员（编号 ${id}）在 ${input.heldOn} 不在 ${org.name} 的应到名单中`);
    }
  }
  const reasons = new Map(input.absences.map((a) => [a.memberId, a]));
  for (const a of input.absences) {
    if (!expected.has(a.memberId)) invalid('absences', `缺席人员（编号 ${a.memberId}）不在应到名单中`);
    if (present.has(a.memberId))
      invalid('absences', `${expected.get(a.memberId)?.name} 已勾选为到会，不能同时填写缺席原因`);
  }
  await tx.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
  const rows = [
    ...roster.members.map((m) => {
      const here = present.has(m.memberId);
      const given = reasons.get(m.memberId);
      const reason: AbsenceReason | null = here ? null : m.mobile ? 'mobile' : (given?.reason ?? null);
      return {
        meetingId,
        memberId: m.memberId,
        present: here,
        voting: m.voting,
        guest: false,
        absentReason: reason,
        absentNote: here || reason === 'mobile' ? null : given?.note?.trim() || null,
      };
    }),
    ...roster.guests
      .filter((g) => present.has(g.memberId))
      .map((g) => ({
        meetingId,
        memberId: g.memberId,
        present: true,
        voting: false,
        guest: true,
        absentReason: null,
        absentNote: null,
      })),
  ];
  if (rows.length > 0) await tx.insert(meetingAttendance).values(rows);
  const own = rows.filter((r) => !r.guest);
  return {
    expected: own.length,
    present: own.filter((r) => r.present).length,
    absent: own.filter((r) => !r.present).length,
    guests: rows.length - own.length,
  };
}

const factsOf = (input: MeetingInput) => ({
  kind: input.kind,
  partyGroupId: input.partyGroupId,
  heldOn: input.heldOn,
  topic: input.topic.trim(),
  host: input.host?.trim() || null,
  place: input.place?.trim() || null,
  resolutions: input.resolutions?.trim() || null,
  notes: input.notes?.trim() || null,
});

/** The kinds of vote a meeting carries: its election and the development records' votes held at it. */
async function votesOf(tx: Tx, meetingId: number) {
  const rows = await tx
    .select({ kind: meetingVotes.kind })
    .from(meetingVotes)
    .where(eq(meetingVotes.meetingId, meetingId));
  return rows.map((r) => r.kind as 'admission' | 'confirmation' | 'election');
}

async function setElection(tx: Tx, meetingId: number, election: boolean) {
  await tx.delete(meetingVotes).where(and(eq(meetingVotes.meetingId, meetingId), eq(meetingVotes.kind, 'election')));
  if (election) await tx.insert(meetingVotes).values({ meetingId, kind: 'election' });
}

export async function createMeeting(tx: Tx, actor: Actor, orgId: number, input: MeetingInput) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  await checkFacts(tx, org, input);
  const facts = factsOf(input);
  const [row] = await tx
    .insert(meetings)
    .values({ orgId: org.id, ...facts })
    .returning({ id: meetings.id });
  const counts = await writeAttendance(tx, row.id, org, input);
  await setElection(tx, row.id, input.election);
  await requireQuorum(tx, row.id, await votesOf(tx, row.id), 'present');
  await auditChange(tx, actor, {
    action: 'meeting.create',
    entity: 'meeting',
    entityId: row.id,
    diff: { orgId: org.id, orgName: org.name, ...facts, ...counts, election: input.election },
  });
  return { id: row.id, ...counts };
}

/**
 * Corrects a meeting: its facts and attendance are taken again as sent. A meeting carrying a
 * development record's vote stays a general meeting on its date (the record says when it was).
 */
export async function updateMeeting(tx: Tx, actor: Actor, id: number, input: MeetingInput) {
  const before = await loadMeeting(tx, actor, id, { forUpdate: true });
  const org = await loadOrg(tx, actor, before.orgId, { forUpdate: true });
  await checkFacts(tx, org, input);
  const linked = (await votesOf(tx, id)).filter((v) => v !== 'election');
  if (linked.length > 0 && (input.kind !== 'general_meeting' || input.heldOn !== before.heldOn)) {
    invalid('heldOn', '该支部党员大会记录了发展党员的表决，会议类型和日期以发展党员记录为准，请在发展党员记录中更正');
  }
  const facts = factsOf(input);
  await tx
    .update(meetings)
    .set({ ...facts, attendanceRecorded: true, updatedAt: new Date() })
    .where(eq(meetings.id, id));
  const counts = await writeAttendance(tx, id, org, input);
  await setElection(tx, id, input.election);
  await requireQuorum(tx, id, await votesOf(tx, id), 'present');
  const changed = Object.fromEntries(
    Object.entries(facts)
      .filter(([k, v]) => before[k as keyof typeof before] !== v)
      .map(([k, v]) => [k, { before: before[k as keyof typeof before], after: v }]),
  );
  await auditChange(tx, actor, {
    action: 'meeting.update',
    entity: 'meeting',
    entityId: id,
    diff: { ...changed, ...counts, election: input.election },
  });
  return { id, ...counts };
}

/** Withdraws a mistaken record; one that holds a development record's vote stays with it. */
export async function deleteMeeting(tx: Tx, actor: Actor, id: number) {
  const row = await loadMeeting(tx, actor, id, { forUpdate: true });
  await loadOrg(tx, actor, row.orgId);
  const [linked] = await queryRows<{ name: string }>(
    tx,
    sql`select d.name from meeting_votes v join developments d on d.id = v.development_id
        where v.meeting_id = ${id} limit 1`,
  );
  if (linked) {
    throw new HttpError(
      409,
      'linked',
      `该会议记录了 ${linked.name} 的发展党员表决，不能撤销；如日期有误，请在发展党员记录中更正`,
    );
  }
  await tx.delete(meetings).where(eq(meetings.id, id));
  await auditChange(tx, actor, {
    action: 'meeting.delete',
    entity: 'meeting',
    entityId: id,
    diff: { orgId: row.orgId, kind: row.kind, heldOn: row.heldOn, topic: row.topic },
  });
}
