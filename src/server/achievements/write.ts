import { and, eq, sql } from 'drizzle-orm';
import {
  ACHIEVEMENT_KINDS,
  type AchievementForm,
  type AchievementKind,
  KIND_RULES,
  moneyError,
} from '../../domain/achievements/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { achievementMembers, achievements } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { loadMember } from '../members/load.ts';
import { label } from '../members/presenter.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { loadOrg, type OrgRow } from '../orgs/load.ts';
import { achievementInScope } from './scope.ts';

export interface AchievementInput {
  orgId: number;
  enterpriseId: number;
  kind: AchievementKind;
  form: AchievementForm | null;
  onDate: string;
  content: string;
  memberIds: number[];
  personName: string | null;
  adopted: boolean | null;
  fulfilled: boolean | null;
  benefit: number | null;
  amount: number | null;
  fromOn: string | null;
  toOn: string | null;
  note: string | null;
}

const kindLabel = (kind: AchievementKind) => label(ACHIEVEMENT_KINDS, kind) as string;

function checkMoney(field: 'benefit' | 'amount', what: string, value: number | null) {
  if (value === null) return;
  const wrong = moneyError(what, value);
  if (wrong) invalid(field, wrong);
}

/** The columns a kind carries, each refused by name when given for a kind that does not. */
function checkShape(input: AchievementInput) {
  const rules = KIND_RULES[input.kind];
  const what = kindLabel(input.kind);
  if (rules.forms.length > 0) {
    if (input.form === null || !rules.forms.includes(input.form)) invalid('form', `请选择${what}的类别`);
  } else if (input.form !== null) invalid('form', `${what}不分类别`);
  if (!rules.benefit && input.benefit !== null) invalid('benefit', `${what}不填写经济效益`);
  checkMoney('benefit', '经济效益', input.benefit);
  if (rules.amount && input.amount === null) invalid('amount', `请填写${what}的金额（万元）`);
  if (!rules.amount && input.amount !== null) invalid('amount', `${what}不填写金额`);
  checkMoney('amount', '金额', input.amount);
  if (rules.status !== 'adopted' && input.adopted !== null) invalid('adopted', `${what}没有“是否采纳”`);
  if (rules.status !== 'fulfilled' && input.fulfilled !== null) invalid('fulfilled', `${what}没有“是否践诺”`);
  if (input.kind !== 'proposal' && input.personName !== null) invalid('personName', `${what}不填写非党员姓名`);
  const n = input.memberIds.length;
  if (rules.members === 'one' && n !== 1) invalid('memberIds', `${what}须选择一名作出承诺的党员`);
  if (rules.members === 'some' && n === 0) invalid('memberIds', `请选择${what}的党员`);
  if (rules.members === 'proposer') {
    if (n > 1) invalid('memberIds', '一条建议只有一名提出人');
    if ((n === 1) === (input.personName !== null)) {
      invalid('memberIds', '请选择提出建议的党员，或填写非党员提出人的姓名（二者选一）');
    }
  }
  if (rules.period === 'none') {
    if (input.fromOn !== null || input.toOn !== null) invalid('fromOn', `${what}不填写起止日期`);
  } else {
    if (input.fromOn === null) invalid('fromOn', `请填写${what}的起始日期`);
    if (rules.period === 'required' && input.toOn === null) invalid('toOn', `请填写${what}的截止日期`);
  }
  if (input.fromOn !== null && input.toOn !== null && input.toOn < input.fromOn) {
    invalid('toOn', `截止日期（${input.toOn}）早于起始日期（${input.fromOn}）`);
  }
}

/** The enterprise must be one the org covered on the day (record once, where it happened). */
async function coveredEnterprise(tx: Tx, org: OrgRow, enterpriseId: number, onDate: string) {
  const [row] = await queryRows<{ name: string }>(
    tx,
    sql`select e.name from org_coverages c join enterprises e on e.id = c.enterprise_id
        where c.org_id = ${org.id} and c.enterprise_id = ${enterpriseId}
          and c.start_on <= ${onDate}::date and (c.end_on is null or c.end_on > ${onDate}::date)
        limit 1`,
  );
  if (!row) invalid('enterpriseId', `所选企业在 ${onDate} 不在 ${org.name} 的覆盖范围内，请选择该党组织覆盖的企业`);
  return row.name;
}

/**
 * Records an achievement of an org at an enterprise it covers, with the members it names (all
 * of the org, on the rolls on the day), audited in the same transaction.
 */
export async function createAchievement(tx: Tx, actor: Actor, input: AchievementInput, today: string) {
  const org = await loadOrg(tx, actor, input.orgId);
  checkShape(input);
  notAfterToday('onDate', '日期', input.onDate, { today });
  if (input.onDate < org.establishedOn) {
    invalid('onDate', `日期（${input.onDate}）早于 ${org.name} 的成立日期（${org.establishedOn}）`);
  }
  if (org.dissolvedOn !== null && input.onDate >= org.dissolvedOn) {
    invalid('onDate', `${org.name} 已于 ${org.dissolvedOn} 撤销，日期（${input.onDate}）不在其存续期间`);
  }
  const enterpriseName = await coveredEnterprise(tx, org, input.enterpriseId, input.onDate);
  const memberIds = [...new Set(input.memberIds)];
  const memberNames: string[] = [];
  for (const id of memberIds) {
    const m = await loadMember(tx, actor, id, { write: true });
    if (m.orgId !== org.id) invalid('memberIds', `${m.name} 不是 ${org.name} 的党员`);
    if (m.leftOn !== null && m.leftOn <= input.onDate) invalid('memberIds', `${m.name} 已于 ${m.leftOn} 离开本组织`);
    memberNames.push(m.name);
  }
  const rules = KIND_RULES[input.kind];
  const values = {
    orgId: org.id,
    enterpriseId: input.enterpriseId,
    kind: input.kind,
    form: input.form,
    onDate: input.onDate,
    content: input.content.trim(),
    personName: input.personName?.trim() || null,
    adopted: rules.status === 'adopted' ? (input.adopted ?? false) : null,
    fulfilled: rules.status === 'fulfilled' ? (input.fulfilled ?? false) : null,
    benefit: input.benefit,
    amount: input.amount,
    fromOn: input.fromOn,
    toOn: input.toOn,
    note: input.note?.trim() || null,
  };
  const [row] = await tx.insert(achievements).values(values).returning({ id: achievements.id });
  if (memberIds.length > 0) {
    await tx.insert(achievementMembers).values(memberIds.map((memberId) => ({ achievementId: row.id, memberId })));
  }
  await auditChange(tx, actor, {
    action: 'achievement.create',
    entity: 'achievement',
    entityId: row.id,
    diff: { ...values, memberIds, orgName: org.name, enterpriseName, memberNames },
  });
  return row;
}

export interface AchievementFollowUp {
  adopted?: boolean;
  fulfilled?: boolean;
  benefit?: number | null;
  toOn?: string | null;
  note?: string | null;
}

/** The row, if the actor may change it: their scope, and an org they may write for; else 404. */
async function loadForChange(tx: Tx, actor: Actor, id: number, today: string) {
  const [row] = await tx
    .select()
    .from(achievements)
    .where(and(eq(achievements.id, id), achievementInScope(actor, today)))
    .for('update');
  if (!row) throw notFound('作用发挥记录');
  return row;
}

/**
 * What happens after a record is made: a proposal adopted (and its benefit known), a pledge
 * fulfilled, a post or zone ended, a note. Audited with the values before and after.
 */
export async function followUpAchievement(tx: Tx, actor: Actor, id: number, patch: AchievementFollowUp, today: string) {
  const row = await loadForChange(tx, actor, id, today);
  const kind = row.kind as AchievementKind;
  const rules = KIND_RULES[kind];
  const what = kindLabel(kind);
  if (patch.adopted !== undefined && rules.status !== 'adopted') invalid('adopted', `${what}没有“是否采纳”`);
  if (patch.fulfilled !== undefined && rules.status !== 'fulfilled') invalid('fulfilled', `${what}没有“是否践诺”`);
  if (patch.benefit !== undefined && patch.benefit !== null) {
    if (!rules.benefit) invalid('benefit', `${what}不填写经济效益`);
    checkMoney('benefit', '经济效益', patch.benefit);
  }
  if (patch.toOn !== undefined) {
    if (rules.period !== 'from') invalid('toOn', `${what}的截止日期不在此修改`);
    if (patch.toOn !== null && row.fromOn !== null && patch.toOn < row.fromOn) {
      invalid('toOn', `截止日期（${patch.toOn}）早于起始日期（${row.fromOn}）`);
    }
  }
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AchievementFollowUp;
  if (Object.keys(changes).length === 0) return;
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]]));
  await tx
    .update(achievements)
    .set({
      ...changes,
      note: changes.note === undefined ? undefined : changes.note?.trim() || null,
      updatedAt: new Date(),
    })
    .where(eq(achievements.id, id));
  await auditChange(tx, actor, {
    action: 'achievement.update',
    entity: 'achievement',
    entityId: id,
    diff: { before, after: changes },
  });
}

/** Withdraws a mistaken entry; the audit trail keeps what it said. */
export async function deleteAchievement(tx: Tx, actor: Actor, id: number, today: string) {
  const row = await loadForChange(tx, actor, id, today);
  await tx.delete(achievements).where(eq(achievements.id, id));
  await auditChange(tx, actor, {
    action: 'achievement.delete',
    entity: 'achievement',
    entityId: id,
    diff: {
      orgId: row.orgId,
      enterpriseId: row.enterpriseId,
      kind: row.kind,
      onDate: row.onDate,
      content: row.content,
    },
  });
}
