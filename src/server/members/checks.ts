// The rules a member record must satisfy, each refusing with the field and a message in
// Chinese. No message repeats an ID or phone number in full: at most the masked form, one
// offending character, or the birth date part.
import { and, eq, isNull } from 'drizzle-orm';
import { ageOn, isDateString } from '../../domain/calendarDate.ts';
import { PHONE_MAX_LENGTH, PHONE_MIN_LENGTH } from '../../domain/enterprise/phone.ts';
import { normalizeCode, normalizeName } from '../../domain/enterprise/text.ts';
import { type Sex, validateIdNumber } from '../../domain/idNumber.ts';
import { CULTIVATION_TAGS, EDUCATIONS, MEMBER_STATUSES, SEXES } from '../../domain/org/codes.ts';
import { APPLICANT_MIN_AGE } from '../../domain/org/development.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { enterprises, members, partyOrgs } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { orgInScope } from '../orgs/scope.ts';
import { inRegionScope } from '../regions/scope.ts';
import { label } from './presenter.ts';
import { memberInScope } from './scope.ts';

export const NAME_MAX = 50;
export const TEXT_MAX = 50;
export const RELATION_ORG_MAX = 100;

export interface ValidId {
  /** Normalized: half-width, a final X upper-cased. */
  value: string;
  birthDate: string;
  sex: Sex;
}

export function checkIdNumber(raw: string, today: Date = new Date()): ValidId {
  const r = validateIdNumber(raw, today);
  if (!r.ok) invalid('idNumber', r.message);
  return { value: r.value, birthDate: r.birthDate, sex: r.sex };
}

/** A sex given on a form must agree with the ID number's 17th digit. */
export function checkClaimedSex(id: ValidId, sex: Sex | null | undefined) {
  if (!sex || sex === id.sex) return;
  invalid(
    'sex',
    `性别填写为“${label(SEXES, sex)}”，与公民身份号码不符：按公民身份号码第 17 位应为“${label(SEXES, id.sex)}”`,
  );
}

/** Text trimmed, whitespace runs collapsed; empty is null. */
export function optionalText(value: string | null | undefined, field: string, what: string, max: number) {
  const v = value == null ? '' : normalizeName(value);
  if (v === '') return null;
  if (Array.from(v).length > max) invalid(field, `${what}最多 ${max} 个字符`);
  return v;
}

export function checkName(value: string): string {
  const name = optionalText(value, 'name', '姓名', NAME_MAX);
  if (name === null) invalid('name', '请填写姓名');
  return name;
}

/**
 * The enterprise file's phone rules (half-width, digits, “-”, “+” and spaces, 5–20
 * characters), without repeating the number.
 */
export function normalizePhone(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = normalizeCode(value).replace(/\s+/g, ' ');
  if (v === '') return null;
  const illegal = Array.from(v).find((c) => !/[\d\- +]/.test(c));
  if (illegal !== undefined) {
    invalid('phone', `联系电话含有非法字符“${illegal}”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）`);
  }
  if (!/\d/.test(v)) invalid('phone', '联系电话中没有数字');
  const n = Array.from(v).length;
  if (n < PHONE_MIN_LENGTH || n > PHONE_MAX_LENGTH) {
    invalid('phone', `联系电话应为 ${PHONE_MIN_LENGTH}–${PHONE_MAX_LENGTH} 个字符，当前为 ${n} 个`);
  }
  return v;
}

function checkDate(field: string, what: string, value: string, today: string) {
  if (!isDateString(value)) invalid(field, `${what}应为 YYYY-MM-DD 格式的有效日期`);
  notAfterToday(field, what, value, { today });
}

/**
 * Admission at 18 or older (rules.md §6); a full member has the date of becoming full, on or
 * after admission; a probationary member has none.
 */
export function checkMembershipDates(
  p: { birthDate: string; status: string; joinedOn: string; fullOn: string | null },
  today: string,
) {
  if (!MEMBER_STATUSES.some((s) => s.code === p.status)) invalid('status', '人员类别应为正式党员或预备党员');
  checkDate('joinedOn', '入党日期', p.joinedOn, today);
  const age = ageOn(p.birthDate, p.joinedOn);
  if (age < 0) invalid('joinedOn', `入党日期（${p.joinedOn}）早于公民身份号码中的出生日期，请核对`);
  if (age < APPLICANT_MIN_AGE) {
    invalid(
      'joinedOn',
      `入党日期（${p.joinedOn}）时按公民身份号码计算为 ${age} 周岁，入党须年满 ${APPLICANT_MIN_AGE} 周岁`,
    );
  }
  if (p.status === 'full' && p.fullOn === null) invalid('fullOn', '正式党员必须填写转正日期');
  if (p.status === 'probationary' && p.fullOn !== null) {
    invalid('fullOn', `预备党员不应填写转正日期（当前为 ${p.fullOn}）；已转正的请将人员类别改为正式党员`);
  }
  if (p.fullOn !== null) {
    checkDate('fullOn', '转正日期', p.fullOn, today);
    if (p.fullOn < p.joinedOn) invalid('fullOn', `转正日期（${p.fullOn}）不能早于入党日期（${p.joinedOn}）`);
  }
}

export function checkCodes(p: { education: string | null; cultivation: readonly string[] }) {
  if (p.education !== null && !EDUCATIONS.some((e) => e.code === p.education)) {
    invalid('education', `学历应为${EDUCATIONS.map((e) => e.label).join('、')}之一`);
  }
  const unknown = p.cultivation.find((c) => !CULTIVATION_TAGS.some((t) => t.code === c));
  if (unknown !== undefined) invalid('cultivation', `未知的三培养标记“${unknown}”`);
}

/** An org the actor may see and that has not been dissolved: members can be recorded in it. */
export async function checkOpenOrg(tx: Tx, actor: Actor, orgId: number, field: string, what: string, today: string) {
  const [org] = await tx
    .select({ id: partyOrgs.id, name: partyOrgs.name, dissolvedOn: partyOrgs.dissolvedOn })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, orgId), orgInScope(actor)));
  if (!org) invalid(field, `${what}不存在或不在您的管辖范围内`);
  if (org.dissolvedOn !== null && org.dissolvedOn <= today) {
    invalid(field, `${what}“${org.name}”已于 ${org.dissolvedOn} 撤销，不能再登记党员`);
  }
  return org;
}

export async function checkEmployer(tx: Tx, actor: Actor, employerId: number | null) {
  if (employerId === null) return;
  const [row] = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, employerId), inRegionScope(enterprises.regionCode, actor)));
  if (!row) invalid('employerId', '所选工作单位不存在或不在您的管辖范围内');
}

/**
 * 流入地: the org where a member away works, not their own. It must be in the recorder's scope
 * (an org they cannot see is given by place alone).
 */
export async function checkWorkOrg(
  tx: Tx,
  actor: Actor,
  p: { workOrgId: number | null; orgId: number },
  today: string,
) {
  if (p.workOrgId === null) return;
  if (p.workOrgId === p.orgId) invalid('workOrgId', '流入地党组织不能是党员所在党组织');
  await checkOpenOrg(tx, actor, p.workOrgId, 'workOrgId', '流入地党组织', today);
}

/**
 * An ID number already on the roster (not left: a member who transferred out may come back) is a 409. The member is named only when the actor may
 * see them; the number itself only masked.
 */
export async function checkUniqueId(tx: Tx, actor: Actor, hash: string, self?: number) {
  const [seen] = await tx
    .select({ id: members.id, name: members.name, orgName: partyOrgs.name })
    .from(members)
    .leftJoin(partyOrgs, eq(partyOrgs.id, members.orgId))
    .where(and(eq(members.idNumberHash, hash), isNull(members.leftOn), memberInScope(tx, actor)));
  if (seen && seen.id !== self) duplicateId(seen);
}

/** What an actor is told when the number is held where they cannot see: nothing about where. */
export const REFERRED_MESSAGE =
  '该公民身份号码不能在此登记。已将本次登记转交该号码的登记单位核对；如属组织关系转入，对方办理转出后即可登记转入。';

export function duplicateId(seen?: { id: number; name: string; orgName: string | null }): never {
  if (!seen)
    throw new HttpError(409, 'duplicate', REFERRED_MESSAGE, [{ field: 'idNumber', message: REFERRED_MESSAGE }]);
  const where = seen.orgName ? `（${seen.orgName}）` : '';
  const message = `该公民身份号码已登记为党员“${seen.name}”${where}，同一人只能登记一次`;
  throw new HttpError(409, 'duplicate', message, [{ field: 'idNumber', message, memberId: seen.id }]);
}
