// The past-meeting file against the database: each row's org resolved in the importer's scope,
// its attendees matched by name to the org's roster on the meeting date, the meeting sought
// among those recorded (record once), then run through the meeting write path (orglife/write.ts,
// whose quorum, roster and date rules apply unchanged) and undone; on confirmation, written so.
// A general meeting a development record already put in the calendar (its admission or
// confirmation vote) is that meeting: the row records its attendance, never a second meeting.
import { sql } from 'drizzle-orm';
import { labelOf } from '../../../domain/enterprise/codes.ts';
import type { MeetingRowValue } from '../../../domain/orglife/importRows.ts';
import { MEETING_KINDS } from '../../../domain/orglife/meetings.ts';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type RosterEntry, rosterOn } from '../../orglife/roster.ts';
import { createMeeting, type MeetingInput, updateMeeting } from '../../orglife/write.ts';
import type { Batch, Issue } from '../batches.ts';
import type { StagedData } from '../orgs/kinds.ts';
import { type RowOutcome, recordOutcomes, warningsOf } from '../orgs/stage.ts';
import { resolveOrgs } from './orgRefs.ts';
import { trialRun } from './trial.ts';

/** The file's column of each field the meeting write path names in a refusal. */
const COLUMN_OF: Record<string, string> = {
  kind: '会议类型',
  partyGroupId: '党小组',
  heldOn: '会议日期',
  topic: '会议主题',
  present: '到会人员',
  absences: '缺席人员及原因',
  election: '选举表决',
};

export interface MeetingPlan {
  row: number;
  orgId: number;
  /** The general meeting a development record created, whose attendance this row records. */
  existing: number | null;
  input: MeetingInput;
}

/** Names to roster entries: the one of that name, or why not. */
function byName(entries: readonly RosterEntry[]) {
  const map = new Map<string, RosterEntry[]>();
  for (const e of entries) map.set(e.name, [...(map.get(e.name) ?? []), e]);
  return map;
}

async function groupOf(tx: Tx, orgId: number, name: string) {
  const [g] = await queryRows<{ id: number }>(
    tx,
    sql`select id from party_groups where org_id = ${orgId} and name = ${name}`,
  );
  return g?.id ?? null;
}

async function recorded(tx: Tx, orgId: number, v: MeetingRowValue, groupId: number | null) {
  const [m] = await queryRows<{ id: number; recorded: boolean }>(
    tx,
    sql`select id, attendance_recorded as recorded from meetings
        where org_id = ${orgId} and kind = ${v.kind} and held_on = ${v.heldOn}::date
          and party_group_id is not distinct from ${groupId}::int
        order by id limit 1`,
  );
  return m ?? null;
}

/** Checks every parsed row; records outcomes and issues on the batch; returns the plans (all rows, if none has an error). */
export async function checkMeetings(tx: Tx, actor: Actor, batch: Batch): Promise<MeetingPlan[]> {
  const staged = await queryRows<{ row: number; data: StagedData }>(
    tx,
    sql`select row, data from import_rows where batch_id = ${batch.id} and data->'v' is not null order by row`,
  );
  const orgs = await resolveOrgs(
    tx,
    actor,
    staged.map((s) => (s.data.v as unknown as MeetingRowValue).org),
  );
  const issues: Issue[] = [];
  const failed = new Set<number>();
  const plans: MeetingPlan[] = [];
  const seen = new Map<string, number>();
  for (const s of staged) {
    const v = s.data.v as unknown as MeetingRowValue;
    issues.push(...warningsOf(s.data));
    const error = (column: string, message: string) => {
      issues.push({ row: s.row, column, message, severity: 'error' });
      failed.add(s.row);
    };
    const answer = orgs.get(v.org);
    if (!answer?.ok) {
      error('党组织', answer?.message ?? `党组织“${v.org}”不存在`);
      continue;
    }
    const org = answer.org;
    const kind = labelOf(MEETING_KINDS, v.kind);
    let groupId: number | null = null;
    if (v.group !== null) {
      groupId = await groupOf(tx, org.id, v.group);
      if (groupId === null) {
        error('党小组', `党小组“${v.group}”不是 ${org.name} 的党小组，请先在党组织页面建立党小组`);
        continue;
      }
    }
    const key = `${org.id}|${v.kind}|${v.heldOn}|${groupId ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      error('会议日期', `与第 ${first} 行是同一次会议（${org.name}，${kind}，${v.heldOn}）：同一会议只记录一次`);
      continue;
    }
    seen.set(key, s.row);
    const stored = await recorded(tx, org.id, v, groupId);
    if (stored?.recorded) {
      error(
        '会议日期',
        `${org.name} ${v.heldOn} 的${kind}已记录在系统中，不重复导入；如需更正，请在组织生活页面修改该会议`,
      );
      continue;
    }
    const roster = await rosterOn(tx, org.id, v.heldOn, groupId);
    const everyone = byName([...roster.members, ...roster.guests]);
    const own = byName(roster.members);
    const present: number[] = [];
    for (const name of v.attendees) {
      const found = everyone.get(name) ?? [];
      if (found.length === 0) {
        error(
          '到会人员',
          `${name} 在 ${v.heldOn} 不在 ${org.name} 的应到名单中（须是当天在册的本组织党员，或在此工作的流动党员）`,
        );
      } else if (found.length > 1) {
        error(
          '到会人员',
          `${org.name} 在 ${v.heldOn} 有 ${found.length} 名党员叫 ${name}，无法按姓名区分，请在组织生活页面逐人勾选`,
        );
      } else present.push(found[0].memberId);
    }
    const absences: MeetingInput['absences'] = [];
    for (const a of v.absences) {
      const found = own.get(a.name) ?? [];
      if (found.length !== 1) {
        error('缺席人员及原因', `${a.name} 在 ${v.heldOn} 不在 ${org.name} 的应到名单中，不能记为缺席`);
      } else if (v.attendees.includes(a.name)) {
        error('缺席人员及原因', `${a.name} 已写在“到会人员”中，不能同时记为缺席`);
      } else absences.push({ memberId: found[0].memberId, reason: a.reason, note: a.note });
    }
    if (v.expected !== null && v.expected !== roster.members.length) {
      error(
        '应到人数',
        `应到人数填写为 ${v.expected}，但 ${org.name} 在 ${v.heldOn} 的应到名单为 ${roster.members.length} 人（按党员名册计算）`,
      );
    }
    const presentOwn = v.attendees.filter((n) => own.has(n)).length;
    if (v.presentCount !== null && v.presentCount !== presentOwn) {
      error('实到人数', `实到人数填写为 ${v.presentCount}，但“到会人员”中本组织党员为 ${presentOwn} 人`);
    }
    if (failed.has(s.row)) continue;
    plans.push({
      row: s.row,
      orgId: org.id,
      existing: stored?.id ?? null,
      input: {
        kind: v.kind,
        partyGroupId: groupId,
        heldOn: v.heldOn,
        topic: v.topic,
        host: v.host,
        place: v.place,
        resolutions: v.resolutions,
        notes: v.notes,
        present,
        absences,
        election: v.election,
      },
    });
  }
  const refusals = await trialRun(tx, plans, (sp, p) => writeOne(sp, actor, p));
  refusals.forEach((r, i) => {
    if (!r) return;
    issues.push({
      row: plans[i].row,
      column: COLUMN_OF[r.field ?? ''] ?? '党组织',
      message: r.message,
      severity: 'error',
    });
    failed.add(plans[i].row);
  });
  const outcomes: RowOutcome[] = staged.map((s) => ({
    row: s.row,
    outcome: failed.has(s.row) ? 'error' : plans.find((p) => p.row === s.row)?.existing ? 'changed' : 'added',
    diff: null,
  }));
  await recordOutcomes(tx, batch.id, outcomes, issues);
  return failed.size > 0 ? [] : plans;
}

function writeOne(tx: Tx, actor: Actor, p: MeetingPlan) {
  return p.existing === null
    ? createMeeting(tx, actor, p.orgId, p.input)
    : updateMeeting(tx, actor, p.existing, p.input);
}

/** Writes the checked rows through the meeting write path, each audited as a meeting recorded. */
export async function writeMeetings(tx: Tx, actor: Actor, plans: readonly MeetingPlan[]) {
  for (const p of plans) await writeOne(tx, actor, p);
}
