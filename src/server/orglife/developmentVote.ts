// Record once (issue #15): the branch general meeting that admits a probationary member or
// confirms one as full is a meeting of the org. Recording its date on the development record
// links the vote to the org's general meeting of that day — creating it, without attendance
// yet, when none is recorded — so the meeting list shows it once, with its vote.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { meetings, meetingVotes } from '../db/schema.ts';
import { requireQuorum } from './quorum.ts';

type DevelopmentVote = 'admission' | 'confirmation';

const TOPIC: Record<DevelopmentVote, (name: string) => string> = {
  admission: (name) => `讨论接收${name}为预备党员`,
  confirmation: (name) => `讨论${name}预备党员转为正式党员`,
};
const FIELD: Record<DevelopmentVote, string> = { admission: 'admittedOn', confirmation: 'fullMeetingOn' };

/** Removes a general meeting the link created and nobody has recorded anything of since. */
async function dropIfEmpty(tx: Tx, meetingId: number) {
  await tx.execute(sql`delete from meetings m where m.id = ${meetingId} and not m.attendance_recorded
    and not exists (select 1 from meeting_votes v where v.meeting_id = m.id)`);
}

async function generalMeetingOn(tx: Tx, actor: Actor, orgId: number, on: string, topic: string) {
  const [found] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.orgId, orgId), eq(meetings.kind, 'general_meeting'), eq(meetings.heldOn, on)))
    .orderBy(asc(meetings.id))
    .limit(1);
  if (found) return found.id;
  const values = { orgId, kind: 'general_meeting', heldOn: on, topic, attendanceRecorded: false };
  const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
  await auditChange(tx, actor, { action: 'meeting.create', entity: 'meeting', entityId: row.id, diff: values });
  return row.id;
}

/**
 * Puts the development record's votes at the general meetings of their dates (null: no vote
 * yet). A meeting whose attendance is recorded must have had a quorum for the vote.
 */
export async function linkDevelopmentVotes(
  tx: Tx,
  actor: Actor,
  development: { id: number; orgId: number; name: string },
  dates: Record<DevelopmentVote, string | null>,
) {
  for (const kind of ['admission', 'confirmation'] as const) {
    const on = dates[kind];
    const [vote] = await tx
      .select({ id: meetingVotes.id, meetingId: meetingVotes.meetingId, heldOn: meetings.heldOn })
      .from(meetingVotes)
      .innerJoin(meetings, eq(meetings.id, meetingVotes.meetingId))
      .where(and(eq(meetingVotes.developmentId, development.id), eq(meetingVotes.kind, kind)));
    if (vote && vote.heldOn === on) continue;
    if (vote) {
      await tx.delete(meetingVotes).where(eq(meetingVotes.id, vote.id));
      await dropIfEmpty(tx, vote.meetingId);
    }
    if (on === null) continue;
    const meetingId = await generalMeetingOn(tx, actor, development.orgId, on, TOPIC[kind](development.name));
    await tx.insert(meetingVotes).values({ meetingId, kind, developmentId: development.id });
    await requireQuorum(tx, meetingId, [kind], FIELD[kind]);
  }
}
