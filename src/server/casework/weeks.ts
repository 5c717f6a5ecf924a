import { sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import { missedWeeks, type ThisWeek, thisWeek, weekMonday } from '../../domain/casework/weeks.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

export interface WeekState {
  /** The state of the week holding today, and its contacts so far. */
  thisWeek: ThisWeek;
  contactsThisWeek: number;
  /** Mondays of the missed weeks, oldest first. */
  missedWeeks: string[];
  lastContactOn: string | null;
}

interface SpanLike {
  id: number;
  startOn: string;
  endOn: string | null;
}

/**
 * Contacts per ISO week for each assignment, from the Monday of the week holding `from` on
 * (all of them when `from` is null). Counted by the database; the rule of which weeks are
 * missed stays in src/domain/casework/weeks.ts.
 */
export async function weekCounts(
  tx: Tx,
  assignmentIds: readonly number[],
  from: string | null,
  to: string | null,
): Promise<Map<number, Map<string, number>>> {
  const result = new Map<number, Map<string, number>>();
  if (assignmentIds.length === 0) return result;
  const rows = await queryRows<{ assignmentId: number; onDate: string; n: number }>(
    tx,
    sql`select assignment_id as "assignmentId", on_date::text as "onDate", count(*)::int as n from contacts
        where assignment_id = any(${`{${assignmentIds.join(',')}}`}::int[])
          and on_date >= coalesce(${from === null ? null : weekMonday(from)}::date, '-infinity'::date)
          and on_date <= coalesce(${to}::date, 'infinity'::date)
        group by 1, 2`,
  );
  for (const r of rows) {
    const weeks = result.get(r.assignmentId) ?? new Map<string, number>();
    const monday = weekMonday(r.onDate);
    weeks.set(monday, (weeks.get(monday) ?? 0) + r.n);
    result.set(r.assignmentId, weeks);
  }
  return result;
}

/** This week's state and every missed week of each assignment, as of `today`. */
export async function weekStates(
  tx: Tx,
  spans: readonly SpanLike[],
  perWeek: number,
  today: string,
): Promise<Map<number, WeekState>> {
  const counts = await weekCounts(
    tx,
    spans.map((s) => s.id),
    null,
    null,
  );
  const last = await queryRows<{ assignmentId: number; on: string }>(
    tx,
    sql`select assignment_id as "assignmentId", max(on_date)::text as on from contacts
        where assignment_id = any(${`{${spans.map((s) => s.id).join(',')}}`}::int[]) group by 1`,
  );
  const states = new Map<number, WeekState>();
  for (const s of spans) {
    const c = counts.get(s.id) ?? new Map<string, number>();
    states.set(s.id, {
      thisWeek: thisWeek(s, c, perWeek, today),
      contactsThisWeek: c.get(weekMonday(today)) ?? 0,
      missedWeeks: missedWeeks(s, c, perWeek, today),
      lastContactOn: last.find((l) => l.assignmentId === s.id)?.on ?? null,
    });
  }
  return states;
}

/** The Sunday of a week given by its Monday, for messages. */
export const sundayOf = (monday: string) => addDays(monday, 6);
