import { and, eq } from 'drizzle-orm';
import { ORG_GRADE_LABEL, type OrgGrade } from '../../domain/appraisal/codes.ts';
import { addMonths } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { orgAppraisals, partyOrgs } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { orgInScope } from '../orgs/scope.ts';
import { getAppraisalRuleSettings } from '../settings/appraisalRules.ts';
import { checkAppraisedYear, checkOrgDate } from './orgDates.ts';

export interface OrgAppraisalInput {
  year: number;
  grade: OrgGrade;
  fourStrong: boolean;
  fiveGood: boolean;
  weak: boolean;
  appraisedOn: string;
  appraisingBody: string;
  note: string | null;
  rectificationSteps: string[];
  /** Null: the appraisal date plus the region's rectification period (rules.md §11). */
  rectificationDueOn: string | null;
}

/**
 * Records an org's appraisal for a year, once. A 软弱涣散 org is graded 后进 and gets its
 * rectification plan: the steps, and a deadline that defaults to the region's period after
 * the appraisal (one year unless configured).
 */
export async function createOrgAppraisal(tx: Tx, actor: Actor, orgId: number, input: OrgAppraisalInput, today: string) {
  const org = await loadOrg(tx, actor, orgId, { forUpdate: true });
  checkOrgDate('appraisedOn', '评定日期', input.appraisedOn, org, today);
  checkAppraisedYear(input.year, input.appraisedOn, org);
  const steps = input.rectificationSteps.map((s) => s.trim()).filter((s) => s !== '');
  let dueOn: string | null = null;
  if (input.weak) {
    if (input.grade !== 'lagging') {
      invalid('grade', `软弱涣散党组织应定为“后进”，不能定为“${ORG_GRADE_LABEL[input.grade]}”`);
    }
    if (steps.length === 0) invalid('rectificationSteps', '软弱涣散党组织须填写整顿措施（至少一条）');
    const rules = await getAppraisalRuleSettings(tx, org.regionCode);
    dueOn = input.rectificationDueOn ?? addMonths(input.appraisedOn, rules.rectificationMonths);
    if (dueOn <= input.appraisedOn) {
      invalid('rectificationDueOn', `整顿期限（${dueOn}）应晚于评定日期（${input.appraisedOn}）`);
    }
  } else if (steps.length > 0 || input.rectificationDueOn !== null) {
    invalid('weak', '只有软弱涣散党组织才有整顿措施和期限');
  }
  const [same] = await tx
    .select({ id: orgAppraisals.id })
    .from(orgAppraisals)
    .where(and(eq(orgAppraisals.orgId, org.id), eq(orgAppraisals.year, input.year)));
  if (same) invalid('year', `${org.name} ${input.year} 年度已评定，不必重复登记`);
  const values = {
    orgId: org.id,
    year: input.year,
    grade: input.grade,
    fourStrong: input.fourStrong,
    fiveGood: input.fiveGood,
    weak: input.weak,
    appraisedOn: input.appraisedOn,
    appraisingBody: input.appraisingBody.trim(),
    note: input.note?.trim() || null,
    rectificationSteps: input.weak ? steps : null,
    rectificationDueOn: dueOn,
  };
  const [row] = await tx.insert(orgAppraisals).values(values).returning({ id: orgAppraisals.id });
  await auditChange(tx, actor, {
    action: 'appraisal.org_create',
    entity: 'org_appraisal',
    entityId: row.id,
    diff: { ...values, orgName: org.name },
  });
  return { id: row.id, rectificationDueOn: dueOn };
}

/** The appraisal with its org locked, if the actor sees the org; otherwise 404. */
async function loadOrgAppraisal(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ a: orgAppraisals, orgName: partyOrgs.name })
    .from(orgAppraisals)
    .innerJoin(partyOrgs, eq(partyOrgs.id, orgAppraisals.orgId))
    .where(and(eq(orgAppraisals.id, id), orgInScope(actor)))
    .for('update');
  if (!row) throw notFound('评定记录');
  return row;
}

/** Closes (销号) a rectification: the org leaves the lagging list from that day. */
export async function closeRectification(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { rectifiedOn: string; note: string | null },
  today: string,
) {
  const { a, orgName } = await loadOrgAppraisal(tx, actor, id);
  if (!a.weak) invalid('rectifiedOn', `${orgName} ${a.year} 年度未评定为软弱涣散，没有整顿需要销号`);
  if (a.rectifiedOn !== null) throw new HttpError(409, 'conflict', `${orgName} 的整顿已于 ${a.rectifiedOn} 销号`);
  if (input.rectifiedOn > today) invalid('rectifiedOn', `销号日期（${input.rectifiedOn}）晚于今天`);
  if (input.rectifiedOn < a.appraisedOn) {
    invalid('rectifiedOn', `销号日期（${input.rectifiedOn}）早于评定日期（${a.appraisedOn}）`);
  }
  const note = input.note?.trim() || null;
  await tx
    .update(orgAppraisals)
    .set({ rectifiedOn: input.rectifiedOn, rectificationNote: note, updatedAt: new Date() })
    .where(eq(orgAppraisals.id, id));
  await auditChange(tx, actor, {
    action: 'appraisal.rectification_close',
    entity: 'org_appraisal',
    entityId: id,
    diff: {
      orgId: a.orgId,
      orgName,
      year: a.year,
      rectificationDueOn: a.rectificationDueOn,
      rectifiedOn: input.rectifiedOn,
      note,
    },
  });
}

/** Withdraws a mistaken appraisal; the audit trail keeps what it said. */
export async function deleteOrgAppraisal(tx: Tx, actor: Actor, id: number) {
  const { a, orgName } = await loadOrgAppraisal(tx, actor, id);
  await tx.delete(orgAppraisals).where(eq(orgAppraisals.id, id));
  await auditChange(tx, actor, {
    action: 'appraisal.org_delete',
    entity: 'org_appraisal',
    entityId: id,
    diff: { orgId: a.orgId, orgName, year: a.year, grade: a.grade, weak: a.weak },
  });
}
