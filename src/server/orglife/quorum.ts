// The quorum of a voting general meeting (rules.md §10), from its stored attendance.
import { sql } from 'drizzle-orm';
import { type Quorum, quorumOf, VOTE_KINDS, type VoteKind } from '../../domain/orglife/meetings.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { invalid } from '../orgs/invalid.ts';
import { getOrglifeSettings } from './settings.ts';

export interface QuorumCount {
  voting: number;
  present: number;
  onLeave: number;
}

export async function quorumCount(tx: Tx, meetingId: number): Promise<QuorumCount> {
  const [row] = await queryRows<QuorumCount>(
    tx,
    sql`select count(*) filter (where voting and not guest)::int as voting,
          count(*) filter (where voting and not guest and present)::int as present,
          count(*) filter (where voting and not guest and not present and absent_reason = 'leave')::int as "onLeave"
        from meeting_attendance where meeting_id = ${meetingId}`,
  );
  return row;
}

export async function meetingQuorum(tx: Tx, meetingId: number): Promise<Quorum> {
  const { leaveInQuorum } = await getOrglifeSettings(tx);
  return quorumOf(await quorumCount(tx, meetingId), leaveInQuorum);
}

/**
 * Refuses a vote at a meeting without a quorum, naming the numbers: more than half of the full
 * members with a vote must be present. `field` is the input the refusal is about. A meeting a
 * development record created has no attendance yet: it is checked when attendance is taken.
 */
export async function requireQuorum(tx: Tx, meetingId: number, votes: readonly VoteKind[], field: string) {
  if (votes.length === 0) return;
  const [meeting] = await queryRows<{ recorded: boolean }>(
    tx,
    sql`select attendance_recorded as recorded from meetings where id = ${meetingId}`,
  );
  if (!meeting?.recorded) return;
  const { leaveInQuorum } = await getOrglifeSettings(tx);
  const count = await quorumCount(tx, meetingId);
  const q = quorumOf(count, leaveInQuorum);
  if (q.met) return;
  const what = [...new Set(votes)].map((v) => VOTE_KINDS.find((k) => k.code === v)?.label).join('、');
  const leave =
    leaveInQuorum === 'exclude' && count.onLeave > 0 ? `（事先请假的 ${count.onLeave} 人不计入应到人数）` : '';
  invalid(
    field,
    `表决${what}须有半数以上有表决权的正式党员到会：应到 ${q.base} 人${leave}，至少须到 ${q.needed} 人，实到 ${count.present} 人，不足法定人数`,
  );
}
