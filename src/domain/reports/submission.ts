// Quarterly submission (报送, rules.md §9): where a region's report of a quarter stands, from
// its submission events, and whether the region missed it. Pure, so the lagging list, the
// parent's status table and the tests read one rule.
import { addDays, localDateString } from '../calendarDate.ts';
import { quarterRange } from '../stats/quarter.ts';

export type SubmissionAction = 'submit' | 'resubmit' | 'return';

export interface SubmissionEvent {
  action: SubmissionAction;
  at: Date;
  reason: string | null;
}

/**
 * - `pending`: not submitted, not due yet; `overdue`: not submitted and the due date passed;
 * - `on_time` / `late`: submitted (and not returned since), the first submission by the end
 *   of the due date or after it;
 * - `returned`: the parent sent it back and the region has not resubmitted since.
 */
export type SubmissionStatus = 'pending' | 'overdue' | 'on_time' | 'late' | 'returned';

export interface SubmissionStanding {
  status: SubmissionStatus;
  /** The first submission: the one judged on time or late. */
  firstAt: Date | null;
  /** The submission in force (the first, or the latest resubmission). */
  lastAt: Date | null;
  resubmissions: number;
  /** The last return, while it stands. */
  returned: { at: Date; reason: string } | null;
}

/** The quarter's report is due this many days after the quarter ends (settings: quarterlyDueDays). */
export function quarterDueOn(quarter: string, dueDays: number): string {
  return addDays(quarterRange(quarter).to, dueDays);
}

/**
 * The instant the due date ends where the server runs: 24:00 of the due date in local time, as
 * the app's dates (today()) are local dates. Comparing with the database's `date + 1` would
 * use the database session's time zone instead, which on a UTC session moves the deadline by
 * 8 hours for a deployment in 北京时间.
 */
export function deadlineOf(dueOn: string): Date {
  const [y, m, d] = dueOn.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1);
}

/** Where the report stands at the instant `asOf`, from its events in the order they happened. */
export function submissionStanding(events: SubmissionEvent[], dueOn: string, asOf: Date): SubmissionStanding {
  const seen = events.filter((e) => e.at < asOf);
  const deadline = deadlineOf(dueOn);
  const first = seen.find((e) => e.action === 'submit');
  if (!first) {
    return {
      status: asOf > deadline ? 'overdue' : 'pending',
      firstAt: null,
      lastAt: null,
      resubmissions: 0,
      returned: null,
    };
  }
  const last = seen.at(-1) as SubmissionEvent;
  const lastSubmission = seen.findLast((e) => e.action !== 'return') as SubmissionEvent;
  return {
    status: last.action === 'return' ? 'returned' : first.at < deadline ? 'on_time' : 'late',
    firstAt: first.at,
    lastAt: lastSubmission.at,
    resubmissions: seen.filter((e) => e.action === 'resubmit').length,
    returned: last.action === 'return' ? { at: last.at, reason: last.reason ?? '' } : null,
  };
}

/** How a region missed a quarterly report: never submitted, submitted late, or returned and not resubmitted. */
export interface MissedQuarter {
  quarter: string;
  dueOn: string;
  how: 'overdue' | 'late' | 'returned';
  /** The day it was submitted late, or returned. */
  on: string | null;
  /** Why it was returned. */
  reason: string | null;
}

/**
 * A region missed the report when its due date passed without a submission (rules.md §9): none
 * at all, or only one after the due date; a report returned by the parent counts as not
 * submitted until the region resubmits it.
 */
export function missedQuarter(quarter: string, dueOn: string, s: SubmissionStanding): MissedQuarter | null {
  const base = { quarter, dueOn };
  if (s.status === 'overdue') return { ...base, how: 'overdue', on: null, reason: null };
  if (s.status === 'late') return { ...base, how: 'late', on: localDateString(s.firstAt as Date), reason: null };
  if (s.status === 'returned') {
    const r = s.returned as { at: Date; reason: string };
    return { ...base, how: 'returned', on: localDateString(r.at), reason: r.reason };
  }
  return null;
}

/** The reason's words on the lagging list. */
export function missedQuarterText(m: MissedQuarter): string {
  const what = `${m.quarter} 新建党组织季报`;
  if (m.how === 'late') return `${what}逾期报送（${m.on} 报送，报送期限 ${m.dueOn}）`;
  if (m.how === 'returned') return `${what}于 ${m.on} 被退回（${m.reason}），尚未重新报送`;
  return `${what}未报送（报送期限 ${m.dueOn}）`;
}
