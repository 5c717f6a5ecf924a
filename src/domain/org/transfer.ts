// Organizational relations of members who move (shared/domain/rules.md §7): the validity of an
// introduction letter (介绍信), mobile members, and when a relation should be transferred.
import { addMonths, compareDates } from '../calendarDate.ts';
import type { Finding } from './finding.ts';

/** An introduction letter is valid up to 3 months. */
export const DEFAULT_LETTER_VALID_MONTHS = 3;
/** Away more than this many months: a mobile member. */
export const DEFAULT_MOBILE_MEMBER_MONTHS = 6;
/** Leaving for this many months or more to a fixed place: the relation should move. */
export const DEFAULT_TRANSFER_MIN_MONTHS = 6;

/** The last day the letter is valid, inclusive: issued 2026-01-31 → valid through 2026-04-30. */
export function letterValidUntil(issuedOn: string, validMonths: number = DEFAULT_LETTER_VALID_MONTHS): string {
  return addMonths(issuedOn, validMonths);
}

export interface TransferStatus {
  status: 'received' | 'pending' | 'expired';
  validUntil: string;
  /** Received, but after the letter had expired: accepted, and listed for follow-up. */
  late: boolean;
}

/**
 * Where a transfer stands on `today`: received once the return receipt (回执) is recorded;
 * otherwise pending through the last valid day, expired from the day after.
 */
export function transferStatus(
  { issuedOn, receivedOn, today }: { issuedOn: string; receivedOn?: string | null; today: string },
  validMonths: number = DEFAULT_LETTER_VALID_MONTHS,
): TransferStatus {
  const validUntil = letterValidUntil(issuedOn, validMonths);
  if (receivedOn) return { status: 'received', validUntil, late: compareDates(receivedOn, validUntil) > 0 };
  return { status: compareDates(today, validUntil) > 0 ? 'expired' : 'pending', validUntil, late: false };
}

export type TransferFindingCode = 'future_date' | 'received_before_issued';

/** Dates of a transfer that cannot be: to refuse on input. */
export function checkTransferDates({
  issuedOn,
  receivedOn,
  today,
}: {
  issuedOn: string;
  receivedOn?: string | null;
  today: string;
}): Finding<TransferFindingCode>[] {
  const findings: Finding<TransferFindingCode>[] = [];
  if (compareDates(issuedOn, today) > 0) {
    findings.push({ code: 'future_date', message: `介绍信开具日期（${issuedOn}）晚于今天（${today}）` });
  }
  if (receivedOn && compareDates(receivedOn, today) > 0) {
    findings.push({ code: 'future_date', message: `回执日期（${receivedOn}）晚于今天（${today}）` });
  }
  if (receivedOn && compareDates(receivedOn, issuedOn) < 0) {
    findings.push({
      code: 'received_before_issued',
      message: `回执日期（${receivedOn}）早于介绍信开具日期（${issuedOn}）`,
    });
  }
  return findings;
}

/**
 * Away “more than 6 months”: strictly after awaySince + 6 months. On that day itself the member
 * has been away exactly 6 months, not more.
 */
export function isMobileMember(
  awaySince: string,
  today: string,
  months: number = DEFAULT_MOBILE_MEMBER_MONTHS,
): boolean {
  return compareDates(today, addMonths(awaySince, months)) > 0;
}

/**
 * “For 6 months or more to a fixed place”: at a fixed place, and either the stay reaches 6
 * months (today is on or after leavesOn + 6 months), or it is planned to (the planned return
 * is on or after leavesOn + 6 months, or there is none: a move with no end). Without a fixed
 * place the member stays with their org and is managed as a mobile member instead.
 */
export function shouldTransferRelation(
  {
    leavesOn,
    returnsOn,
    fixedPlace,
    today,
  }: { leavesOn: string; returnsOn?: string | null; fixedPlace: boolean; today?: string },
  months: number = DEFAULT_TRANSFER_MIN_MONTHS,
): boolean {
  if (!fixedPlace) return false;
  const sixMonths = addMonths(leavesOn, months);
  if (today !== undefined && compareDates(today, sixMonths) >= 0) return true;
  if (!returnsOn) return true;
  return compareDates(returnsOn, sixMonths) >= 0;
}

export type AwayFindingCode = 'future_date' | 'until_not_after_since' | 'returned_before_since';

/** Dates of a period away that cannot be: to refuse on input, each naming its field. */
export function checkAwayDates({
  since,
  until,
  returnedOn,
  today,
}: {
  since: string;
  until?: string | null;
  returnedOn?: string | null;
  today: string;
}): (Finding<AwayFindingCode> & { field: 'since' | 'until' | 'returnedOn' })[] {
  const findings: (Finding<AwayFindingCode> & { field: 'since' | 'until' | 'returnedOn' })[] = [];
  if (compareDates(since, today) > 0) {
    findings.push({ code: 'future_date', field: 'since', message: `外出日期（${since}）晚于今天（${today}）` });
  }
  if (until && compareDates(until, since) <= 0) {
    findings.push({
      code: 'until_not_after_since',
      field: 'until',
      message: `预计返回日期（${until}）应晚于外出日期（${since}）`,
    });
  }
  if (returnedOn && compareDates(returnedOn, today) > 0) {
    findings.push({
      code: 'future_date',
      field: 'returnedOn',
      message: `返回日期（${returnedOn}）晚于今天（${today}）`,
    });
  }
  if (returnedOn && compareDates(returnedOn, since) < 0) {
    findings.push({
      code: 'returned_before_since',
      field: 'returnedOn',
      message: `返回日期（${returnedOn}）早于外出日期（${since}）`,
    });
  }
  return findings;
}
