// Terms and re-election (换届, shared/domain/rules.md §5). A term ends on the anniversary of
// the election (electedOn + termYears × 12 months ± the approved adjustment); a re-election
// held on that day is on time, and the org is overdue (逾期未换届) from the day after.
import { addMonths, compareDates, daysBetween } from '../calendarDate.ts';
import type { OrgType } from './codes.ts';
import type { Finding, Result } from './finding.ts';

/**
 * Years per term by org type (中办《关于党的基层组织任期的意见》, 2018). Older data may carry
 * 2- or 4-year terms: the term recorded with the election governs, these are only defaults.
 * A temporary branch is appointed for a project and has no elected term.
 */
export const DEFAULT_TERM_YEARS: Record<OrgType, number | null> = {
  committee: 5,
  general_branch: 3,
  branch: 3,
  joint_branch: 3,
  temporary_branch: null,
};

/** A term may be extended or shortened by at most 1 year. */
export const MAX_TERM_ADJUSTMENT_MONTHS = 12;

/** Prompts before a term ends, in months *(configurable)*. */
export const DEFAULT_ELECTION_REMINDER_MONTHS: readonly number[] = [6, 3, 1];

export type TermFindingCode = 'invalid_term_years' | 'adjustment_out_of_range' | 'adjustment_needs_approval';

function adjustmentInRange(months: number): boolean {
  return Number.isInteger(months) && Math.abs(months) <= MAX_TERM_ADJUSTMENT_MONTHS;
}

const outOfRange = (months: number): Finding<'adjustment_out_of_range'> => ({
  code: 'adjustment_out_of_range',
  message: `任期调整 ${months} 个月超出范围：延长或缩短最多 ${MAX_TERM_ADJUSTMENT_MONTHS} 个月（1年）`,
});

/**
 * The last day of the term, or why it cannot be computed: an adjustment beyond ±12 months is
 * not something an approval can make valid, so it is an error rather than a prompt.
 */
export function termEnd({
  electedOn,
  termYears,
  adjustmentMonths = 0,
}: {
  electedOn: string;
  termYears: number;
  adjustmentMonths?: number;
}): Result<string, TermFindingCode> {
  if (!Number.isInteger(termYears) || termYears < 1) {
    return { ok: false, error: { code: 'invalid_term_years', message: `任期年限 ${termYears} 无效，应为正整数` } };
  }
  if (!adjustmentInRange(adjustmentMonths)) return { ok: false, error: outOfRange(adjustmentMonths) };
  return { ok: true, value: addMonths(electedOn, termYears * 12 + adjustmentMonths) };
}

/** Who approved a term adjustment, and when. */
export interface TermAdjustmentApproval {
  approvedBy: string;
  approvedOn: string;
}

/** A non-zero adjustment must be within ±12 months and carry its approval (body and date). */
export function checkAdjustment(
  adjustmentMonths: number,
  approval?: Partial<TermAdjustmentApproval> | null,
): Finding<TermFindingCode>[] {
  if (!adjustmentInRange(adjustmentMonths)) return [outOfRange(adjustmentMonths)];
  if (adjustmentMonths === 0) return [];
  if (approval?.approvedBy?.trim() && approval.approvedOn?.trim()) return [];
  const change = adjustmentMonths > 0 ? `延长 ${adjustmentMonths}` : `缩短 ${-adjustmentMonths}`;
  return [
    {
      code: 'adjustment_needs_approval',
      message: `任期${change} 个月，须记录批准机关和批准日期`,
    },
  ];
}

export interface ElectionStatus {
  status: 'none' | 'due' | 'overdue';
  /** When due: the smallest reminder (in months before the end) already reached. */
  monthsBefore?: number;
  /** Days from today to the term end: 0 on the last day, negative once overdue. */
  daysLeft: number;
}

/**
 * Where an org stands against its term end. A reminder of N months is reached from the day
 * termEnd − N months (addMonths, end-of-month clamped) inclusive; the smallest reached counts.
 * `due` lasts through termEnd itself; `overdue` from the next day.
 */
export function electionStatus(
  termEndOn: string,
  today: string,
  reminderMonths: readonly number[] = DEFAULT_ELECTION_REMINDER_MONTHS,
): ElectionStatus {
  const daysLeft = daysBetween(today, termEndOn);
  if (daysLeft < 0) return { status: 'overdue', daysLeft };
  const reached = reminderMonths.filter((n) => compareDates(today, addMonths(termEndOn, -n)) >= 0);
  if (reached.length === 0) return { status: 'none', daysLeft };
  return { status: 'due', monthsBefore: Math.min(...reached), daysLeft };
}
