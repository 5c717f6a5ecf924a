import { eq, sql } from 'drizzle-orm';
import type { Sex } from '../../domain/idNumber.ts';
import { maskBirthDate, maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { LEAVE_REASONS, type LeaveReason } from '../../domain/org/codes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { members } from '../db/schema.ts';
import type { Keys } from '../keys.ts';
import { sealPhone } from '../keys.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { phoneChange } from '../phoneChange.ts';
import { today } from '../today.ts';
import {
  checkClaimedSex,
  checkCodes,
  checkEmployer,
  checkIdNumber,
  checkMembershipDates,
  checkName,
  checkOpenOrg,
  checkUniqueId,
  duplicateId,
  normalizePhone,
  optionalText,
  RELATION_ORG_MAX,
  TEXT_MAX,
  type ValidId,
} from './checks.ts';
import { refreshEnterpriseMembers } from './counts.ts';
import { loadMember, type MemberRow } from './load.ts';
import { label } from './presenter.ts';

/** A member as recorded by hand, by a transfer in, or at admission (the development area). */
export interface MemberCreate {
  name: string;
  idNumber: string;
  status: 'full' | 'probationary';
  joinedOn: string;
  fullOn: string | null;
  orgId: number;
  employerId: number | null;
  position: string | null;
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  relationOrgName: string | null;
  cultivation: string[];
}

/** What a record can be corrected in; the org changes only by a transfer. */
export type MemberPatch = Partial<Omit<MemberCreate, 'orgId'>>;

const ETHNICITY_MAX = 20;

/** The profile fields as they are audited: ID and phone masked, the birth date to its year. */
function audited(values: Record<string, unknown>, id: ValidId | null, phone: string | null | undefined) {
  const out: Record<string, unknown> = { ...values };
  if (id) out.idNumber = maskIdNumber(id.value);
  if (typeof out.birthDate === 'string') out.birthDate = maskBirthDate(out.birthDate);
  if (phone !== undefined) out.phone = phone === null ? null : maskPhone(phone);
  return out;
}

/** A new member's id, or null when the number was passed on to the org that holds it. */
export type Created = { id: number; referred: false } | { id: null; referred: true };

/**
 * A number already on the roster where the actor cannot see (issue #12, defect 10): the actor
 * is told nothing about that record — not its org, region or name, not even that it is out of
 * their scope — and the holder's side gets a referral naming who asked from which org. Only
 * the one bit "this number cannot be recorded here" is unavoidable while one person has one
 * record; every such answer leaves a referral the holder sees and an audit row, so probing
 * numbers is not silent.
 */
async function referToHolder(
  tx: Tx,
  actor: Actor,
  hash: string,
  fromOrgId: number,
  idNumber: string,
): Promise<Created> {
  await tx.execute(sql`select dangjian_refer_member(${hash}, ${fromOrgId}::integer, ${actor.username})`);
  await auditChange(tx, actor, {
    action: 'member.referral',
    entity: 'party_org',
    entityId: fromOrgId,
    diff: { idNumber: maskIdNumber(idNumber) },
  });
  return { id: null, referred: true };
}

/**
 * Records a member. The ID number is checked (birth date and sex come from it) and must not be
 * on the roster already; the org must be in scope and not dissolved, the employer in scope;
 * the member 18 or older at admission. ID and phone are stored encrypted with a keyed hash.
 * The employer's member counts follow, and the record is audited with masked values only.
 */
export async function createMember(tx: Tx, actor: Actor, keys: Keys, input: MemberCreate): Promise<Created> {
  const now = today();
  const name = checkName(input.name);
  const id = checkIdNumber(input.idNumber);
  checkMembershipDates(
    { birthDate: id.birthDate, status: input.status, joinedOn: input.joinedOn, fullOn: input.fullOn },
    now,
  );
  await checkOpenOrg(tx, actor, input.orgId, 'orgId', '所在党组织', now);
  await checkEmployer(tx, actor, input.employerId);
  const phone = normalizePhone(input.phone);
  const values = {
    name,
    status: input.status,
    joinedOn: input.joinedOn,
    fullOn: input.fullOn,
    orgId: input.orgId,
    employerId: input.employerId,
    position: optionalText(input.position, 'position', '岗位', TEXT_MAX),
    ethnicity: optionalText(input.ethnicity, 'ethnicity', '民族', ETHNICITY_MAX),
    education: input.education || null,
    relationOrgName: optionalText(input.relationOrgName, 'relationOrgName', '组织关系所在党组织', RELATION_ORG_MAX),
    cultivation: [...new Set(input.cultivation)],
  };
  checkCodes(values);
  const idNumberHash = keys.lookupHash(id.value);
  await checkUniqueId(tx, actor, idNumberHash);

  const [row] = await tx
    .insert(members)
    .values({
      ...values,
      idNumber: keys.encrypt(id.value),
      idNumberHash,
      birthDate: id.birthDate,
      sex: id.sex,
      ...sealPhone(keys, phone),
    })
    .onConflictDoNothing()
    .returning({ id: members.id });
  if (!row) return referToHolder(tx, actor, idNumberHash, values.orgId, id.value);
  await refreshEnterpriseMembers(tx, actor, [values.employerId]);
  await auditChange(tx, actor, {
    action: 'member.create',
    entity: 'member',
    entityId: row.id,
    diff: audited({ ...values, birthDate: id.birthDate, sex: id.sex }, id, phone),
  });
  return { id: row.id, referred: false };
}

/** A member from the form, which may also state the sex: it must agree with the ID number. */
export async function createMemberFromForm(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  input: MemberCreate & { sex?: Sex | null },
): Promise<Created> {
  const { sex, ...member } = input;
  checkClaimedSex(checkIdNumber(member.idNumber), sex);
  return createMember(tx, actor, keys, member);
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * Corrects a member's record. Becoming full needs the date; a full member does not go back
 * to probationary; a member who left the roster is history and stays as recorded.
 */
export async function updateMember(tx: Tx, actor: Actor, keys: Keys, memberId: number, patch: MemberPatch) {
  const row = await loadMember(tx, actor, memberId, { write: true, forUpdate: true });
  refuseIfLeft(row, 'id');
  const now = today();
  const set: Partial<typeof members.$inferInsert> = {};
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const change = <K extends keyof MemberRow>(
    key: K,
    after: MemberRow[K],
    shown?: { before: unknown; after: unknown },
  ) => {
    const before = row[key];
    const same = Array.isArray(before) ? JSON.stringify(before) === JSON.stringify(after) : before === after;
    if (same) return;
    (set as Record<string, unknown>)[key] = after;
    diff[key] = shown ?? { before, after };
  };

  if (patch.name !== undefined) change('name', checkName(patch.name));

  let birthDate = row.birthDate;
  if (patch.idNumber !== undefined) {
    const id = checkIdNumber(patch.idNumber);
    const oldId = keys.decrypt(row.idNumber);
    if (id.value !== oldId) {
      const hash = keys.lookupHash(id.value);
      await checkUniqueId(tx, actor, hash, row.id);
      birthDate = id.birthDate;
      set.idNumber = keys.encrypt(id.value);
      set.idNumberHash = hash;
      diff.idNumber = { before: maskIdNumber(oldId), after: maskIdNumber(id.value) };
      change('birthDate', id.birthDate, {
        before: maskBirthDate(row.birthDate),
        after: maskBirthDate(id.birthDate),
      });
      change('sex', id.sex);
    }
  }

  if (patch.status === 'probationary' && row.status === 'full') {
    invalid('status', '正式党员不能改为预备党员');
  }
  const status = patch.status ?? row.status;
  const joinedOn = patch.joinedOn ?? row.joinedOn;
  const fullOn = patch.fullOn !== undefined ? patch.fullOn : row.fullOn;
  if (patch.status !== undefined || patch.joinedOn !== undefined || patch.fullOn !== undefined || set.idNumber) {
    checkMembershipDates({ birthDate, status, joinedOn, fullOn }, now);
    change('status', status);
    change('joinedOn', joinedOn);
    change('fullOn', fullOn);
  }

  if (patch.employerId !== undefined && patch.employerId !== row.employerId) {
    await checkEmployer(tx, actor, patch.employerId);
    change('employerId', patch.employerId);
  }
  const phone = patch.phone === undefined ? null : phoneChange(keys, row.phone, patch.phone);
  if (phone) {
    Object.assign(set, phone.set);
    diff.phone = phone.diff;
  }
  if (patch.position !== undefined) change('position', optionalText(patch.position, 'position', '岗位', TEXT_MAX));
  if (patch.ethnicity !== undefined) {
    change('ethnicity', optionalText(patch.ethnicity, 'ethnicity', '民族', ETHNICITY_MAX));
  }
  if (patch.relationOrgName !== undefined) {
    const relation = optionalText(patch.relationOrgName, 'relationOrgName', '组织关系所在党组织', RELATION_ORG_MAX);
    change('relationOrgName', relation);
  }
  if (patch.education !== undefined || patch.cultivation !== undefined) {
    const education = patch.education !== undefined ? patch.education || null : row.education;
    const cultivation = patch.cultivation !== undefined ? [...new Set(patch.cultivation)] : row.cultivation;
    checkCodes({ education, cultivation });
    change('education', education);
    change('cultivation', cultivation);
  }

  if (Object.keys(diff).length === 0) return { changed: [] as string[] };
  try {
    // A savepoint: a number held outside the actor's scope fails the unique index, not the request.
    await tx.transaction((sp) =>
      sp
        .update(members)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(members.id, memberId)),
    );
  } catch (err) {
    if (isUniqueViolation(err)) duplicateId();
    throw err;
  }
  if ('employerId' in diff || 'status' in diff) {
    await refreshEnterpriseMembers(tx, actor, [row.employerId, set.employerId ?? row.employerId]);
  }
  await auditChange(tx, actor, { action: 'member.update', entity: 'member', entityId: memberId, diff });
  return { changed: Object.keys(diff) };
}

function refuseIfLeft(row: MemberRow, field: string) {
  if (row.leftOn === null) return;
  invalid(
    field,
    `该党员已于 ${row.leftOn} 离开党员名册（${label(LEAVE_REASONS, row.leaveReason)}），记录作为历史保留，不能再修改`,
  );
}

/**
 * A member leaves the roster for a recorded reason and stays in history; members are never
 * deleted. A transfer out is not recorded here: it goes through the transfer and its return
 * receipt (rules.md §7).
 */
export async function leaveMember(
  tx: Tx,
  actor: Actor,
  memberId: number,
  reason: LeaveReason,
  leftOn: string,
): Promise<void> {
  if (reason === 'transfer_out') {
    invalid('reason', '转出请登记组织关系转接（介绍信），回执登记后党员自动离开名册');
  }
  const row = await loadMember(tx, actor, memberId, { write: true, forUpdate: true });
  await removeFromRoster(tx, actor, row, reason, leftOn);
}

/** Takes a loaded member (in the actor's write scope) off the roster; for leaving and for a received transfer out. */
export async function removeFromRoster(tx: Tx, actor: Actor, row: MemberRow, reason: LeaveReason, leftOn: string) {
  refuseIfLeft(row, 'leftOn');
  if (!LEAVE_REASONS.some((r) => r.code === reason)) invalid('reason', '请选择离开党员名册的原因');
  if (reason === 'probation_cancelled' && row.status !== 'probationary') {
    invalid('reason', '只有预备党员才能取消预备党员资格');
  }
  notAfterToday('leftOn', '离开日期', leftOn);
  if (leftOn < row.joinedOn) invalid('leftOn', `离开日期（${leftOn}）早于入党日期（${row.joinedOn}）`);
  await tx.update(members).set({ leftOn, leaveReason: reason, updatedAt: new Date() }).where(eq(members.id, row.id));
  await refreshEnterpriseMembers(tx, actor, [row.employerId]);
  await auditChange(tx, actor, {
    action: 'member.leave',
    entity: 'member',
    entityId: row.id,
    diff: { reason, leftOn },
  });
}
