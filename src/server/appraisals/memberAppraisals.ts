import { and, eq } from 'drizzle-orm';
import {
  FOLLOW_UP_LABEL,
  type FollowUp,
  MEMBER_RESULT_LABEL,
  type MemberResult,
} from '../../domain/appraisal/codes.ts';
import { addMonths } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { memberAppraisals, members, partyOrgs } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { orgInScope } from '../orgs/scope.ts';
import { getAppraisalRuleSettings } from '../settings/appraisalRules.ts';
import { checkAppraisedYear, checkOrgDate } from './orgDates.ts';

export interface MemberAppraisalInput {
  memberId: number;
  year: number;
  result: MemberResult;
  fourExcellent: boolean;
  appraisedOn: string;
}

/**
 * Records a member's 民主评议 result for a year, once, under the org that holds their
 * relation. A 不合格 result owes a follow-up by the region's period after it (3 months unless
 * configured): the deadline is fixed now, so a later change of the rule does not move it.
 */
export async function createMemberAppraisal(
  tx: Tx,
  actor: Actor,
  orgId: number,
  input: MemberAppraisalInput,
  today: string,
) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  checkOrgDate('appraisedOn', '评议日期', input.appraisedOn, org, today);
  checkAppraisedYear(input.year, input.appraisedOn, org);
  const [member] = await tx
    .select({ id: members.id, name: members.name, joinedOn: members.joinedOn, leftOn: members.leftOn })
    .from(members)
    .where(and(eq(members.id, input.memberId), eq(members.orgId, org.id)));
  if (!member) invalid('memberId', `所选党员不在 ${org.name} 的党员名册中`);
  if (member.joinedOn > input.appraisedOn) {
    invalid('memberId', `${member.name} 入党日期（${member.joinedOn}）晚于评议日期（${input.appraisedOn}）`);
  }
  if (member.leftOn !== null && member.leftOn <= input.appraisedOn) {
    invalid('memberId', `${member.name} 已于 ${member.leftOn} 离开本组织`);
  }
  if (input.fourExcellent && input.result !== 'excellent') {
    invalid(
      'fourExcellent',
      `“四优共产党员”只能授予评议为优秀的党员，${member.name} 为${MEMBER_RESULT_LABEL[input.result]}`,
    );
  }
  const [same] = await tx
    .select({ id: memberAppraisals.id })
    .from(memberAppraisals)
    .where(and(eq(memberAppraisals.memberId, member.id), eq(memberAppraisals.year, input.year)));
  if (same) invalid('year', `${member.name} ${input.year} 年度民主评议结果已登记，不必重复登记`);
  const followUpDueOn =
    input.result === 'unqualified'
      ? addMonths(input.appraisedOn, (await getAppraisalRuleSettings(tx, org.regionCode)).followUpMonths)
      : null;
  const values = {
    memberId: member.id,
    orgId: org.id,
    year: input.year,
    result: input.result,
    fourExcellent: input.fourExcellent,
    appraisedOn: input.appraisedOn,
    followUpDueOn,
  };
  const [row] = await tx.insert(memberAppraisals).values(values).returning({ id: memberAppraisals.id });
  await auditChange(tx, actor, {
    action: 'appraisal.member_create',
    entity: 'member_appraisal',
    entityId: row.id,
    diff: { ...values, memberName: member.name, orgName: org.name },
  });
  return { id: row.id, followUpDueOn };
}

export interface FollowUpInput {
  followUp: FollowUp;
  followUpOn: string;
  /** The deadline to correct, for 限期改正 only. */
  correctBy: string | null;
  note: string | null;
}

/**
 * Records the follow-up of a 基本合格 or 不合格 result, once. A follow-up after the deadline is
 * still recorded (the prompt then closes); the deadline stays on the record.
 */
export async function recordFollowUp(tx: Tx, actor: Actor, id: number, input: FollowUpInput, today: string) {
  const [row] = await tx
    .select({ a: memberAppraisals, memberName: members.name })
    .from(memberAppraisals)
    .innerJoin(members, eq(members.id, memberAppraisals.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, memberAppraisals.orgId))
    .where(and(eq(memberAppraisals.id, id), orgInScope(actor)))
    .for('update', { of: memberAppraisals });
  if (!row) throw notFound('民主评议记录');
  const { a, memberName } = row;
  if (a.result !== 'unqualified' && a.result !== 'basically_qualified') {
    invalid('followUp', `${memberName} 评议为${MEMBER_RESULT_LABEL[a.result as MemberResult]}，无需组织处置`);
  }
  if (a.followUp !== null) throw new HttpError(409, 'conflict', `${memberName} 的组织处置已于 ${a.followUpOn} 登记`);
  if (input.followUpOn > today) invalid('followUpOn', `处置日期（${input.followUpOn}）晚于今天`);
  if (input.followUpOn < a.appraisedOn) {
    invalid('followUpOn', `处置日期（${input.followUpOn}）早于评议日期（${a.appraisedOn}）`);
  }
  if (a.result === 'basically_qualified' && input.followUp !== 'education' && input.followUp !== 'correct_by') {
    invalid('followUp', `基本合格的党员只能教育帮助或限期改正，不能${FOLLOW_UP_LABEL[input.followUp]}`);
  }
  let correctBy: string | null = null;
  if (input.followUp === 'correct_by') {
    if (input.correctBy === null) invalid('correctBy', '限期改正须填写改正期限');
    if (input.correctBy <= input.followUpOn) {
      invalid('correctBy', `改正期限（${input.correctBy}）应晚于处置日期（${input.followUpOn}）`);
    }
    correctBy = input.correctBy;
  } else if (input.correctBy !== null) {
    invalid('correctBy', '只有限期改正才填写改正期限');
  }
  const values = {
    followUp: input.followUp,
    followUpOn: input.followUpOn,
    correctBy,
    followUpNote: input.note?.trim() || null,
  };
  await tx
    .update(memberAppraisals)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(memberAppraisals.id, id));
  await auditChange(tx, actor, {
    action: 'appraisal.follow_up',
    entity: 'member_appraisal',
    entityId: id,
    diff: {
      memberId: a.memberId,
      memberName,
      year: a.year,
      result: a.result,
      followUpDueOn: a.followUpDueOn,
      ...values,
    },
  });
}

/** Withdraws a mistaken 民主评议 result (its follow-up with it); the audit trail keeps what it said. */
export async function withdrawMemberAppraisal(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ a: memberAppraisals, memberName: members.name, orgName: partyOrgs.name })
    .from(memberAppraisals)
    .innerJoin(members, eq(members.id, memberAppraisals.memberId))
    .innerJoin(partyOrgs, eq(partyOrgs.id, memberAppraisals.orgId))
    .where(and(eq(memberAppraisals.id, id), orgInScope(actor)))
    .for('update', { of: memberAppraisals });
  if (!row) throw notFound('民主评议记录');
  const { a } = row;
  await tx.delete(memberAppraisals).where(eq(memberAppraisals.id, id));
  await auditChange(tx, actor, {
    action: 'appraisal.member_delete',
    entity: 'member_appraisal',
    entityId: id,
    diff: {
      memberId: a.memberId,
      memberName: row.memberName,
      orgId: a.orgId,
      orgName: row.orgName,
      year: a.year,
      result: a.result,
      fourExcellent: a.fourExcellent,
      followUp: a.followUp,
      followUpOn: a.followUpOn,
    },
  });
}
