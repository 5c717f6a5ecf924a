// Member development (发展党员, shared/domain/rules.md §6): the stage a person has reached, the
// dates that are impossible, the steps taken sooner than the minimum interval, and what is
// due or overdue.
//
// Boundary convention, used for every interval here: “within N months of D” means on or
// before addMonths(D, N); “at least N months after D” means on or after addMonths(D, N);
// something is overdue from the day after its due date. addMonths clamps to the month end, so
// one year after 2024-02-29 is 2025-02-28 and one month after 2026-01-31 is 2026-02-28.
// Two stage dates on the same day are accepted: the rules order the steps but do not forbid
// holding two of them on one day (e.g. the talk on the day of the application).
import { addMonths, ageOn, compareDates, isDateString } from '../calendarDate.ts';
import { choices } from '../enterprise/codes.ts';
import type { DevelopmentStage } from './codes.ts';
import type { StepFinding } from './finding.ts';

/** The steps a finding can be about, with the zh-CN name used in messages. */
export const DEVELOPMENT_STEPS = choices({
  application: '递交入党申请书',
  talk: '组织谈话',
  activist: '确定为入党积极分子',
  candidate: '确定为发展对象',
  political_review: '政治审查',
  admission: '支部大会讨论接收为预备党员',
  approval: '上级党委审批接收',
  extension: '延长预备期',
  full_meeting: '支部大会讨论转为正式党员',
  full_approval: '上级党委审批转正',
});
export type DevelopmentStep = (typeof DEVELOPMENT_STEPS)[number]['code'];

const STEP_LABEL = Object.fromEntries(DEVELOPMENT_STEPS.map((s) => [s.code, s.label])) as Record<
  DevelopmentStep,
  string
>;

/** One person's way from application to full membership; every date is 'YYYY-MM-DD'. */
/**
 * Why a record is closed without becoming a full member. Before admission an applicant withdraws,
 * is not developed or leaves; after it, only the probationary status can be cancelled.
 */
export const DEVELOPMENT_CLOSE_REASONS = [
  { code: 'withdrawn', label: '本人撤回入党申请', admitted: false },
  { code: 'not_admitted', label: '未被发展（不再列为培养对象或未被接收）', admitted: false },
  { code: 'transferred', label: '离开本单位，培养材料转交其他党组织', admitted: false },
  { code: 'probation_cancelled', label: '取消预备党员资格', admitted: true },
] as const;
export type DevelopmentCloseReason = (typeof DEVELOPMENT_CLOSE_REASONS)[number]['code'];

/** The reasons a record may be closed for, before or after admission as a probationary member. */
export function closeReasonsFor(admitted: boolean): DevelopmentCloseReason[] {
  return DEVELOPMENT_CLOSE_REASONS.filter((r) => r.admitted === admitted).map((r) => r.code);
}

export interface DevelopmentRecord {
  birthDate?: string;
  appliedOn?: string;
  talkedOn?: string;
  activistOn?: string;
  /** 培养联系人: one or two. */
  contacts?: readonly string[];
  candidateOn?: string;
  politicalReviewOn?: string;
  /** Centralised training before admission: 3 days or 24 class hours suffice. */
  trainingHours?: number;
  trainingDays?: number;
  /** 入党介绍人: two full members. */
  introducers?: readonly string[];
  /** The branch general meeting that admits the probationary member; membership dates from it. */
  admittedOn?: string;
  /** The higher committee's approval of the admission. */
  approvedOn?: string;
  /** Probation extended once, by 6 to 12 months; 0 or absent for none. */
  extensionMonths?: number;
  fullMeetingOn?: string;
  fullApprovedOn?: string;
  /** The written reason for a step taken sooner than its minimum interval. */
  earlyReasons?: Partial<Record<DevelopmentStep, string>>;
}

export const APPLICANT_MIN_AGE = 18;
export const TALK_WITHIN_MONTHS = 1;
export const ACTIVIST_MIN_MONTHS = 12;
export const PROBATION_MONTHS = 12;
export const APPROVAL_WITHIN_MONTHS = 3;
/** In special cases approval may take up to 6 months, never longer. */
export const APPROVAL_LIMIT_MONTHS = 6;
export const FULL_APPROVAL_WITHIN_MONTHS = 3;
export const EXTENSION_MIN_MONTHS = 6;
export const EXTENSION_MAX_MONTHS = 12;
export const MIN_TRAINING_DAYS = 3;
export const MIN_TRAINING_HOURS = 24;
export const INTRODUCER_COUNT = 2;
export const MAX_CONTACTS = 2;

/** The dates of the steps, in the order of the pipeline: the form's fields and the rules' dates. */
export const DEVELOPMENT_STEP_DATES = [
  'appliedOn',
  'talkedOn',
  'activistOn',
  'candidateOn',
  'politicalReviewOn',
  'admittedOn',
  'approvedOn',
  'fullMeetingOn',
  'fullApprovedOn',
] as const;
/** Every date of a record the rules read: the birth date (the age rule) and the steps' dates. */
export const DEVELOPMENT_DATES = ['birthDate', ...DEVELOPMENT_STEP_DATES] as const;
type DateField = (typeof DEVELOPMENT_DATES)[number];

/** Each date, the step it belongs to, and the dates that must exist and not be later. */
const DATES: readonly { field: DateField; step: DevelopmentStep; label: string; after: readonly DateField[] }[] = [
  // The birth date belongs to the application: the age rule is checked there.
  { field: 'birthDate', step: 'application', label: '出生', after: [] },
  { field: 'appliedOn', step: 'application', label: STEP_LABEL.application, after: [] },
  { field: 'talkedOn', step: 'talk', label: STEP_LABEL.talk, after: ['appliedOn'] },
  { field: 'activistOn', step: 'activist', label: STEP_LABEL.activist, after: ['appliedOn'] },
  { field: 'candidateOn', step: 'candidate', label: STEP_LABEL.candidate, after: ['activistOn'] },
  // The review is of the candidate (发展对象), and must be done before the admission meeting.
  { field: 'politicalReviewOn', step: 'political_review', label: STEP_LABEL.political_review, after: ['candidateOn'] },
  { field: 'admittedOn', step: 'admission', label: STEP_LABEL.admission, after: ['candidateOn', 'politicalReviewOn'] },
  { field: 'approvedOn', step: 'approval', label: STEP_LABEL.approval, after: ['admittedOn'] },
  { field: 'fullMeetingOn', step: 'full_meeting', label: STEP_LABEL.full_meeting, after: ['approvedOn'] },
  { field: 'fullApprovedOn', step: 'full_approval', label: STEP_LABEL.full_approval, after: ['fullMeetingOn'] },
];
const LABEL_OF = Object.fromEntries(DATES.map((d) => [d.field, d.label])) as Record<DateField, string>;

const dateName = (field: DateField) => (field === 'birthDate' ? '出生日期' : `${LABEL_OF[field]}的日期`);

/**
 * The stage reached: the latest stage whose date is recorded. A probationary member is one
 * from the admission meeting (membership dates from it), before the higher committee's
 * approval; a full member is one whose conversion has been approved.
 */
export function developmentStage(record: DevelopmentRecord): DevelopmentStage | null {
  if (record.fullApprovedOn) return 'full';
  if (record.admittedOn) return 'probationary';
  if (record.candidateOn) return 'candidate';
  if (record.activistOn) return 'activist';
  if (record.appliedOn) return 'applicant';
  return null;
}

function validExtension(months: number | undefined): boolean {
  if (months === undefined || months === 0) return true;
  return Number.isInteger(months) && months >= EXTENSION_MIN_MONTHS && months <= EXTENSION_MAX_MONTHS;
}

/**
 * The day probation ends: the admission date + 12 months, + the extension. Undefined without
 * a valid admission date or with an invalid extension (an error `checkDevelopment` reports).
 */
export function probationEnd(record: DevelopmentRecord): string | undefined {
  if (!isDateString(record.admittedOn) || !validExtension(record.extensionMonths)) return undefined;
  return addMonths(record.admittedOn, PROBATION_MONTHS + (record.extensionMonths ?? 0));
}

export type DevelopmentErrorCode =
  | 'invalid_date'
  | 'future_date'
  | 'under_age'
  | 'missing_previous'
  | 'before_previous'
  | 'contacts_count'
  | 'introducers_count'
  | 'training_insufficient'
  | 'invalid_extension'
  | 'too_early';

export type DevelopmentFinding = StepFinding<DevelopmentStep, DevelopmentErrorCode>;

/** A step taken sooner than its minimum interval, accepted with the written reason. */
export interface EarlyStep extends StepFinding<DevelopmentStep, 'too_early'> {
  reason: string;
}

/** Distinct names actually filled in: a blank or a repeated name is not a second person. */
function countNames(names: readonly string[] | undefined): number {
  return new Set((names ?? []).map((n) => n.trim()).filter((n) => n !== '')).size;
}

/**
 * Impossible data (`errors`, to refuse) and steps taken too early (`early`, to review). An
 * early step without a written reason in `earlyReasons` is an error instead.
 */
export function checkDevelopment(
  record: DevelopmentRecord,
  today: string,
): { errors: DevelopmentFinding[]; early: EarlyStep[] } {
  const errors: DevelopmentFinding[] = [];
  const early: EarlyStep[] = [];

  // Only well-formed dates take part in the other checks, so one typo gives one finding.
  const date: Partial<Record<DateField, string>> = {};
  for (const { field, step } of DATES) {
    const value = record[field];
    if (value === undefined || value === '') continue;
    if (!isDateString(value)) {
      errors.push({ step, code: 'invalid_date', message: `${dateName(field)}“${value}”不是有效日期` });
    } else if (compareDates(value, today) > 0) {
      errors.push({ step, code: 'future_date', message: `${dateName(field)}（${value}）晚于今天（${today}）` });
    } else {
      date[field] = value;
    }
  }

  const age = date.birthDate && date.appliedOn ? ageOn(date.birthDate, date.appliedOn) : null;
  if (age !== null && age < APPLICANT_MIN_AGE) {
    // The age, not the birth date: this message is shown beside the masked ID number.
    errors.push({
      step: 'application',
      code: 'under_age',
      message: `递交入党申请书时（${date.appliedOn}）未满${APPLICANT_MIN_AGE}周岁（按身份证号码计算为 ${age} 周岁）`,
    });
  }

  for (const { field, step, after } of DATES) {
    // A date that is present but malformed or in the future still needs its predecessors.
    if (!record[field]) continue;
    const value = date[field];
    for (const prev of after) {
      const prevValue = date[prev];
      if (!record[prev]) {
        errors.push({
          step,
          code: 'missing_previous',
          message: `已填写${dateName(field)}，但缺少${dateName(prev)}`,
        });
      } else if (value && prevValue && compareDates(value, prevValue) < 0) {
        errors.push({
          step,
          code: 'before_previous',
          message: `${dateName(field)}（${value}）早于${LABEL_OF[prev]}（${prevValue}）`,
        });
      }
    }
  }

  if (record.activistOn) {
    const n = countNames(record.contacts);
    if (n < 1 || n > MAX_CONTACTS) {
      errors.push({
        step: 'activist',
        code: 'contacts_count',
        message: `确定为入党积极分子须有1至${MAX_CONTACTS}名培养联系人，现有 ${n} 名`,
      });
    }
  }

  if (record.admittedOn) {
    const n = countNames(record.introducers);
    if (n !== INTRODUCER_COUNT) {
      errors.push({
        step: 'admission',
        code: 'introducers_count',
        message: `接收为预备党员须有${INTRODUCER_COUNT}名正式党员作入党介绍人，现有 ${n} 名`,
      });
    }
    const days = record.trainingDays ?? 0;
    const hours = record.trainingHours ?? 0;
    if (days < MIN_TRAINING_DAYS && hours < MIN_TRAINING_HOURS) {
      errors.push({
        step: 'admission',
        code: 'training_insufficient',
        message: `接收为预备党员前须经集中培训不少于${MIN_TRAINING_DAYS}天或${MIN_TRAINING_HOURS}学时，现为 ${days} 天、${hours} 学时`,
      });
    }
  }

  if (!validExtension(record.extensionMonths)) {
    errors.push({
      step: 'extension',
      code: 'invalid_extension',
      message: `预备期只能延长一次，延长${EXTENSION_MIN_MONTHS}至${EXTENSION_MAX_MONTHS}个月，现为 ${record.extensionMonths} 个月`,
    });
  } else if ((record.extensionMonths ?? 0) > 0 && !record.admittedOn) {
    errors.push({
      step: 'extension',
      code: 'missing_previous',
      message: `已填写延长预备期，但缺少${dateName('admittedOn')}`,
    });
  }

  const tooEarly = (step: DevelopmentStep, message: string) => {
    const reason = record.earlyReasons?.[step]?.trim();
    if (reason) early.push({ step, code: 'too_early', message, reason });
    else errors.push({ step, code: 'too_early', message: `${message}，提前须书面说明理由` });
  };

  // Sooner than the minimum interval, but not before the previous stage (reported above).
  if (date.activistOn && date.candidateOn && compareDates(date.candidateOn, date.activistOn) >= 0) {
    const earliest = addMonths(date.activistOn, ACTIVIST_MIN_MONTHS);
    if (compareDates(date.candidateOn, earliest) < 0) {
      tooEarly(
        'candidate',
        `${dateName('candidateOn')}（${date.candidateOn}）距${LABEL_OF.activistOn}（${date.activistOn}）不满1年`,
      );
    }
  }
  const ends = date.admittedOn && probationEnd(record);
  if (ends && date.fullMeetingOn && compareDates(date.fullMeetingOn, date.admittedOn as string) >= 0) {
    if (compareDates(date.fullMeetingOn, ends) < 0) {
      tooEarly('full_meeting', `${dateName('fullMeetingOn')}（${date.fullMeetingOn}）早于预备期满之日（${ends}）`);
    }
  }

  return { errors, early };
}

/** The dates the next steps fall due; a date appears once the date it counts from is known. */
export interface DevelopmentDueDates {
  /** Last day to talk with the applicant: application + 1 month. */
  talkDue?: string;
  /** First day the activist may become a candidate: activist + 12 months. */
  candidateEarliest?: string;
  /** Last day for the higher committee's approval: admission + 3 months… */
  approvalDue?: string;
  /** …or, in special cases, admission + 6 months, never later. */
  approvalLimit?: string;
  probationEnd?: string;
  /** Last day to approve the conversion: probation end + 3 months. */
  fullApprovalDue?: string;
}

export function developmentDueDates(record: DevelopmentRecord): DevelopmentDueDates {
  const due: DevelopmentDueDates = {};
  if (isDateString(record.appliedOn)) due.talkDue = addMonths(record.appliedOn, TALK_WITHIN_MONTHS);
  if (isDateString(record.activistOn)) due.candidateEarliest = addMonths(record.activistOn, ACTIVIST_MIN_MONTHS);
  if (isDateString(record.admittedOn)) {
    due.approvalDue = addMonths(record.admittedOn, APPROVAL_WITHIN_MONTHS);
    due.approvalLimit = addMonths(record.admittedOn, APPROVAL_LIMIT_MONTHS);
  }
  const ends = probationEnd(record);
  if (ends) {
    due.probationEnd = ends;
    due.fullApprovalDue = addMonths(ends, FULL_APPROVAL_WITHIN_MONTHS);
  }
  return due;
}

export type OverdueCode = 'talk_overdue' | 'approval_overdue' | 'approval_past_limit' | 'full_overdue';

export interface OverdueItem extends StepFinding<DevelopmentStep, OverdueCode> {
  /** The last day the step was due; it is overdue from the day after. */
  dueOn: string;
}

/** '1 month', '6 months': the English messages' counts. */
const months = (n: number) => (n === 1 ? '1 month' : `${n} months`);
/**
 * Steps not recorded by their due date, for the org and its managers. Only open items: a step
 * recorded late is history, not something to chase; nor is a talk once the applicant has
 * become an activist (the talk can no longer come first).
 */
export function developmentOverdue(record: DevelopmentRecord, today: string): OverdueItem[] {
  const due = developmentDueDates(record);
  const past = (d: string | undefined): d is string => d !== undefined && compareDates(today, d) > 0;
  const items: OverdueItem[] = [];
  if (!record.talkedOn && !record.activistOn && past(due.talkDue)) {
    items.push({
      step: 'talk',
      code: 'talk_overdue',
      dueOn: due.talkDue,
      message: `递交入党申请书（${record.appliedOn}）后应在${TALK_WITHIN_MONTHS}个月内（最迟 ${due.talkDue}）派人谈话，尚未谈话`,
      en: `Applied on ${record.appliedOn}: the talk was due within ${months(TALK_WITHIN_MONTHS)} (by ${due.talkDue}) and has not taken place`,
    });
  }
  if (!record.approvedOn && past(due.approvalLimit)) {
    items.push({
      step: 'approval',
      code: 'approval_past_limit',
      dueOn: due.approvalLimit,
      message: `支部大会接收为预备党员（${record.admittedOn}）已超过${APPROVAL_LIMIT_MONTHS}个月（最迟 ${due.approvalLimit}），上级党委仍未审批`,
      en: `Admitted by the branch meeting on ${record.admittedOn}: more than ${months(APPROVAL_LIMIT_MONTHS)} (limit ${due.approvalLimit}) without the higher committee's approval`,
    });
  } else if (!record.approvedOn && past(due.approvalDue)) {
    items.push({
      step: 'approval',
      code: 'approval_overdue',
      dueOn: due.approvalDue,
      message: `支部大会接收为预备党员（${record.admittedOn}）后上级党委应在${APPROVAL_WITHIN_MONTHS}个月内（最迟 ${due.approvalDue}）审批，尚未审批；特殊情况最长不超过${APPROVAL_LIMIT_MONTHS}个月（${due.approvalLimit}）`,
      en: `Admitted by the branch meeting on ${record.admittedOn}: the higher committee's approval was due within ${months(APPROVAL_WITHIN_MONTHS)} (by ${due.approvalDue}); at most ${months(APPROVAL_LIMIT_MONTHS)} (${due.approvalLimit}) in special cases`,
    });
  }
  if (!record.fullApprovedOn && past(due.fullApprovalDue)) {
    const step = record.fullMeetingOn ? 'full_approval' : 'full_meeting';
    items.push({
      step,
      code: 'full_overdue',
      dueOn: due.fullApprovalDue,
      message: `预备期已于 ${due.probationEnd} 期满，应在${FULL_APPROVAL_WITHIN_MONTHS}个月内（最迟 ${due.fullApprovalDue}）完成转正，${record.fullMeetingOn ? '上级党委尚未审批' : '支部大会尚未讨论'}`,
      en: `Probation ended on ${due.probationEnd}: full membership was due within ${months(FULL_APPROVAL_WITHIN_MONTHS)} (by ${due.fullApprovalDue}); ${record.fullMeetingOn ? 'the higher committee has not approved it' : 'the branch meeting has not discussed it'}`,
    });
  }
  return items;
}
