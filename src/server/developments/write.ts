import { and, eq, isNull } from 'drizzle-orm';
import { compareDates } from '../../domain/calendarDate.ts';
import { validateIdNumber } from '../../domain/idNumber.ts';
import { maskBirthDate, maskIdNumber } from '../../domain/mask.ts';
import {
  checkDevelopment,
  closeReasonsFor,
  type DevelopmentCloseReason,
  type DevelopmentFinding,
  type DevelopmentRecord,
  type DevelopmentStep,
} from '../../domain/org/development.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { developments } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import type { Keys } from '../keys.ts';
import { checkEmployer, checkUniqueId } from '../members/checks.ts';
import { linkDevelopmentVotes } from '../orglife/developmentVote.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { candidateClasses } from '../training/candidates.ts';
import { type DevelopmentRow, developmentInScope, loadDevelopment } from './load.ts';
import { admitMember, cancelProbation, convertToFull } from './member.ts';
import { type EarlyReasons, toRecord } from './record.ts';

export interface DevelopmentCreate {
  orgId: number;
  name: string;
  idNumber: string;
  employerId: number | null;
  appliedOn: string;
}

/** The stage data a PATCH may send; a date or name list sent as null clears it. */
export interface DevelopmentPatch {
  appliedOn?: string;
  employerId?: number | null;
  talkedOn?: string | null;
  activistOn?: string | null;
  contacts?: string[];
  candidateOn?: string | null;
  politicalReviewOn?: string | null;
  trainingDays?: number | null;
  trainingHours?: number | null;
  introducers?: string[];
  admittedOn?: string | null;
  approvedOn?: string | null;
  extensionMonths?: number;
  fullMeetingOn?: string | null;
  fullApprovedOn?: string | null;
  /** A reason sets, null or blank removes; steps not sent keep what is stored. */
  earlyReasons?: Partial<Record<DevelopmentStep, string | null>>;
}

/** The input field each finding is about, for the form to mark. */
function fieldOf(f: DevelopmentFinding): string {
  if (f.code === 'too_early') return `earlyReasons.${f.step}`;
  if (f.code === 'contacts_count') return 'contacts';
  if (f.code === 'introducers_count') return 'introducers';
  if (f.code === 'training_insufficient') return 'trainingDays';
  const byStep: Record<DevelopmentStep, string> = {
    application: 'appliedOn',
    talk: 'talkedOn',
    activist: 'activistOn',
    candidate: 'candidateOn',
    political_review: 'politicalReviewOn',
    admission: 'admittedOn',
    approval: 'approvedOn',
    extension: 'extensionMonths',
    full_meeting: 'fullMeetingOn',
    full_approval: 'fullApprovedOn',
  };
  return byStep[f.step];
}

/** Refuses a record the rules find impossible: every finding, each naming its field and rule. */
function refuseErrors(errors: DevelopmentFinding[]) {
  if (errors.length === 0) return;
  const details = errors.map((f) => ({ field: fieldOf(f), step: f.step, code: f.code, message: f.message }));
  throw new HttpError(400, 'validation', details.map((d) => d.message).join('；'), details);
}

/**
 * The dates a step's minimum interval counts between: a written reason covers the dates it
 * was written for, so changing one of them without a new reason takes the old reason away.
 */
const EARLY_DEPENDS: Partial<Record<DevelopmentStep, readonly (keyof DevelopmentPatch)[]>> = {
  candidate: ['activistOn', 'candidateOn'],
  full_meeting: ['admittedOn', 'extensionMonths', 'fullMeetingOn'],
};

/** Names as a list of people: trimmed, without blanks or repeats. */
const cleanNames = (names: readonly string[]) => [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))];

const closedConflict = (row: DevelopmentRow) =>
  new HttpError(409, 'closed', `该发展党员记录已于 ${row.closedOn} 结束，不能再修改`);

export async function createDevelopment(tx: Tx, actor: Actor, keys: Keys, input: DevelopmentCreate, today: string) {
  const id = validateIdNumber(input.idNumber);
  if (!id.ok) invalid('idNumber', id.message);
  const org = await loadOrg(tx, actor, input.orgId);
  if (org.dissolvedOn && compareDates(org.dissolvedOn, today) <= 0) {
    invalid('orgId', `${org.name}已于 ${org.dissolvedOn} 撤销，不能再登记发展党员`);
  }
  if (input.employerId !== null) await checkEmployer(tx, actor, input.employerId);
  refuseErrors(checkDevelopment({ birthDate: id.birthDate, appliedOn: input.appliedOn }, today).errors);

  const hash = keys.lookupHash(id.value);
  // Already on the roster: nothing to develop.
  await checkUniqueId(tx, actor, hash);

  const values = {
    orgId: org.id,
    name: input.name,
    idNumber: keys.encrypt(id.value),
    idNumberHash: hash,
    birthDate: id.birthDate,
    sex: id.sex,
    employerId: input.employerId,
    appliedOn: input.appliedOn,
  };
  // The unique index holds one open record per person across the whole system, beyond what
  // the actor may see: the conflict is answered, but only a record in scope is named.
  const [row] = await tx.insert(developments).values(values).onConflictDoNothing().returning();
  if (!row) {
    const [open] = await tx
      .select({ id: developments.id })
      .from(developments)
      .where(and(eq(developments.idNumberHash, hash), isNull(developments.closedOn), developmentInScope(actor)));
    // Out of scope, nothing is said about where the record is (issue #12, defect 10).
    const message = open
      ? `身份证号码为 ${maskIdNumber(id.value)} 的人已有一份未结束的发展党员记录（记录编号 ${open.id}），一人只能有一份，请在原记录上继续登记`
      : `身份证号码为 ${maskIdNumber(id.value)} 的人不能在此登记发展党员记录；如其已在别处申请，须由原登记单位结束原记录`;
    throw new HttpError(409, 'duplicate', message, [
      { field: 'idNumber', message: open ? '此人已有未结束的发展党员记录' : '此号码不能在此登记' },
    ]);
  }
  const { idNumberHash: _hash, ...shown } = values;
  await auditChange(tx, actor, {
    action: 'development.create',
    entity: 'development',
    entityId: row.id,
    diff: { ...shown, idNumber: maskIdNumber(id.value), birthDate: maskBirthDate(id.birthDate) },
  });
  return row;
}

const STAGE_FIELDS = [
  'appliedOn',
  'employerId',
  'talkedOn',
  'activistOn',
  'contacts',
  'candidateOn',
  'politicalReviewOn',
  'trainingDays',
  'trainingHours',
  'introducers',
  'admittedOn',
  'approvedOn',
  'extensionMonths',
  'fullMeetingOn',
  'fullApprovedOn',
] as const satisfies readonly (keyof DevelopmentPatch & keyof DevelopmentRow)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Records stage data: the patch merged with the stored record must pass every rule, or
 * nothing is written. A step taken sooner than its minimum interval needs a written reason
 * and is then listed for review. Admission creates the member record; the approval of the
 * conversion makes it full.
 */
export async function updateDevelopment(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  id: number,
  patch: DevelopmentPatch,
  today: string,
) {
  const row = await loadDevelopment(tx, actor, id, { forUpdate: true });
  if (row.closedOn) throw closedConflict(row);
  if (row.memberId !== null && 'admittedOn' in patch && patch.admittedOn !== row.admittedOn) {
    invalid(
      'admittedOn',
      `已于 ${row.admittedOn} 接收为预备党员并建立党员档案，接收日期不能在此修改，请在党员档案中更正`,
    );
  }
  if (row.fullApprovedOn !== null && 'fullApprovedOn' in patch && patch.fullApprovedOn !== row.fullApprovedOn) {
    invalid('fullApprovedOn', `已于 ${row.fullApprovedOn} 批准转为正式党员，转正日期不能在此修改，请在党员档案中更正`);
  }
  if (patch.employerId != null && patch.employerId !== row.employerId) await checkEmployer(tx, actor, patch.employerId);
  await refuseTypedTraining(tx, row, patch);

  const next: DevelopmentRow = { ...row };
  for (const field of STAGE_FIELDS) {
    if (!(field in patch)) continue;
    const value = patch[field];
    if (field === 'contacts' || field === 'introducers') next[field] = cleanNames(value as string[]);
    else if (field === 'extensionMonths') next[field] = (value as number | undefined) ?? 0;
    else (next as Record<string, unknown>)[field] = value ?? null;
  }

  const reasons: EarlyReasons = { ...((row.earlyReasons ?? {}) as EarlyReasons) };
  for (const [step, fields] of Object.entries(EARLY_DEPENDS) as [DevelopmentStep, readonly string[]][]) {
    const moved = fields.some((f) => !same(next[f as keyof DevelopmentRow], row[f as keyof DevelopmentRow]));
    if (moved && !(patch.earlyReasons && step in patch.earlyReasons)) delete reasons[step];
  }
  for (const [step, reason] of Object.entries(patch.earlyReasons ?? {}) as [DevelopmentStep, string | null][]) {
    const text = reason?.trim();
    if (text) reasons[step] = text;
    else delete reasons[step];
  }

  const record: DevelopmentRecord = { ...toRecord(next), earlyReasons: reasons };
  const { errors, early } = checkDevelopment(record, today);
  refuseErrors(errors);
  // Only the reasons of steps actually taken early are kept: a reason for a step in time says nothing.
  next.earlyReasons = Object.fromEntries(early.map((e) => [e.step, e.reason]));

  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of [...STAGE_FIELDS, 'earlyReasons'] as const) {
    if (!same(row[field], next[field])) diff[field] = { before: row[field], after: next[field] };
  }
  if (Object.keys(diff).length === 0) return { changed: [] as string[], memberId: row.memberId };

  // Admission makes the person a probationary member, dating from the branch general meeting.
  if (next.admittedOn && row.memberId === null) {
    next.memberId = await admitMember(tx, actor, keys, next, next.admittedOn, next.fullApprovedOn);
    diff.memberId = { before: null, after: next.memberId };
  } else if (next.fullApprovedOn && !row.fullApprovedOn && row.memberId !== null) {
    await convertToFull(tx, actor, keys, row.memberId, next.fullApprovedOn);
  }

  // Record once: the branch meetings of admission and confirmation are the org's general meetings.
  await linkDevelopmentVotes(tx, actor, row, { admission: next.admittedOn, confirmation: next.fullMeetingOn });

  const { id: _id, createdAt: _c, updatedAt: _u, ...values } = next;
  await tx
    .update(developments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(developments.id, id));
  await auditChange(tx, actor, { action: 'development.update', entity: 'development', entityId: id, diff });
  return { changed: Object.keys(diff), memberId: next.memberId };
}

/**
 * Record once (rules.md §6, §12): where the candidate's centralised training comes from 发展对象
 * class records, its days and hours are the classes' and are not typed here; the refusal names
 * the classes to correct instead. Sending the same figures back (a form posting every field) is no change.
 */
async function refuseTypedTraining(tx: Tx, row: DevelopmentRow, patch: DevelopmentPatch) {
  if (!row.trainingFromClass) return;
  const typed = (['trainingDays', 'trainingHours'] as const).filter(
    (f) => f in patch && (patch[f] ?? null) !== (row[f] ?? null),
  );
  if (typed.length === 0) return;
  const classes = await candidateClasses(tx, row.id);
  const named = classes.map((c) => `《${c.title}》（${c.startsOn} 至 ${c.endsOn}，编号 ${c.id}）`).join('、');
  invalid(
    typed[0],
    `集中培训情况取自培训班记录${named}，不能在此填写；请在培训班中更正出勤（共 ${row.trainingDays} 天、${row.trainingHours} 学时）`,
  );
}

/** The last stage date recorded: a record cannot end before it. */
function lastDate(row: DevelopmentRow): string {
  const dates = [
    row.appliedOn,
    row.talkedOn,
    row.activistOn,
    row.candidateOn,
    row.politicalReviewOn,
    row.admittedOn,
    row.approvedOn,
    row.fullMeetingOn,
  ].filter((d): d is string => d !== null);
  return dates.reduce((a, b) => (compareDates(a, b) >= 0 ? a : b));
}

/**
 * Ends a record that will not lead to full membership. Before admission the person withdraws,
 * is not developed or leaves; after it, only the probationary status can be cancelled, which
 * ends the member record on the same day.
 */
export async function closeDevelopment(
  tx: Tx,
  actor: Actor,
  id: number,
  input: { closedOn: string; reason: DevelopmentCloseReason },
  today: string,
) {
  const row = await loadDevelopment(tx, actor, id, { forUpdate: true });
  if (row.closedOn) throw closedConflict(row);
  if (row.fullApprovedOn) {
    throw new HttpError(409, 'completed', `已于 ${row.fullApprovedOn} 转为正式党员，发展过程已完成，无需结束`);
  }
  if (!closeReasonsFor(row.memberId !== null).includes(input.reason)) {
    invalid(
      'reason',
      row.memberId !== null
        ? `已于 ${row.admittedOn} 接收为预备党员，只能办理取消预备党员资格`
        : '尚未接收为预备党员，不能取消预备党员资格',
    );
  }
  if (compareDates(input.closedOn, today) > 0) invalid('closedOn', `结束日期（${input.closedOn}）晚于今天（${today}）`);
  const last = lastDate(row);
  if (compareDates(input.closedOn, last) < 0) {
    invalid('closedOn', `结束日期（${input.closedOn}）早于本记录最后登记的日期（${last}）`);
  }
  if (row.memberId !== null) await cancelProbation(tx, actor, row.memberId, input.closedOn);
  await tx
    .update(developments)
    .set({ closedOn: input.closedOn, closedReason: input.reason, updatedAt: new Date() })
    .where(eq(developments.id, id));
  await auditChange(tx, actor, {
    action: 'development.close',
    entity: 'development',
    entityId: id,
    diff: {
      closedOn: input.closedOn,
      closedReason: input.reason,
      memberId: row.memberId,
    },
  });
}
