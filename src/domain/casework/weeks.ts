// Weekly contact (rules.md §8): each instructor contacts each assigned enterprise at least
// `perWeek` times a week (configurable, default once). The rule for which weeks count:
//
// - A week is an ISO week, Monday to Sunday.
// - A week is required of an assignment when it lies wholly within it: its Monday is on or
//   after the start and its Sunday is before the end (the end date is the first day no longer
//   assigned). A week the assignment only partly covers is not required, and never missed.
// - A week is missed when it is required, it is over (its Sunday is before today: the week
//   that holds today is still running and is not yet missed) and it has fewer than `perWeek`
//   contacts.
// - A report period takes the weeks that end (on Sunday) within it, so each week belongs to
//   exactly one of a run of adjacent periods and periods add up.
//
// Contacts are counted only against this rule; they are never scored by how many there are.
import { addDays, daysBetween } from '../calendarDate.ts';

/** A Monday, for counting weekdays from. */
const A_MONDAY = '2024-01-01';

/** The Monday of the ISO week holding `date`. */
export function weekMonday(date: string): string {
  const offset = ((daysBetween(A_MONDAY, date) % 7) + 7) % 7;
  return addDays(date, -offset);
}

/** The Sunday ending the week that starts on `monday`. */
export const weekSunday = (monday: string) => addDays(monday, 6);

export interface AssignmentSpan {
  startOn: string;
  /** The first day no longer assigned; null while open-ended. */
  endOn: string | null;
}

/** Inclusive date bounds; either may be open. */
export interface Period {
  from?: string | null;
  to?: string | null;
}

/**
 * The Mondays of the weeks required of the assignment that are over by `today` and end
 * within `period`, in order.
 */
export function dueWeeks(span: AssignmentSpan, today: string, period: Period = {}): string[] {
  const first = weekMonday(span.startOn) === span.startOn ? span.startOn : addDays(weekMonday(span.startOn), 7);
  const weeks: string[] = [];
  for (let monday = first; ; monday = addDays(monday, 7)) {
    const sunday = weekSunday(monday);
    if (span.endOn !== null && sunday >= span.endOn) break;
    if (sunday >= today) break;
    if (period.to && sunday > period.to) break;
    if (!period.from || sunday >= period.from) weeks.push(monday);
  }
  return weeks;
}

/** Contacts per week, keyed by the week's Monday. */
export type WeekCounts = ReadonlyMap<string, number>;

/** The Mondays of the missed weeks: due, and with fewer than `perWeek` contacts. */
export function missedWeeks(
  span: AssignmentSpan,
  counts: WeekCounts,
  perWeek: number,
  today: string,
  period: Period = {},
): string[] {
  return dueWeeks(span, today, period).filter((monday) => (counts.get(monday) ?? 0) < perWeek);
}

/**
 * The week holding `today`: `done` once it has `perWeek` contacts, `open` while it still
 * needs some, `not_required` when the assignment does not cover the whole week.
 */
export type ThisWeek = 'done' | 'open' | 'not_required';

export function thisWeek(span: AssignmentSpan, counts: WeekCounts, perWeek: number, today: string): ThisWeek {
  const monday = weekMonday(today);
  const required = monday >= span.startOn && (span.endOn === null || weekSunday(monday) < span.endOn);
  if (!required) return 'not_required';
  return (counts.get(monday) ?? 0) >= perWeek ? 'done' : 'open';
}
