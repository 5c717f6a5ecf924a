// Quarters and years as the reports name them ('2026Q3', 2026), and their end dates.
import { formatDate } from '../calendarDate.ts';

/** A quarter as the reports name it: 2026Q3. */
export const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

/** The period an import batch is filed under: a quarter (2026Q4), a month (2026-10) or a year (2026). */
export const BATCH_PERIOD_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export function isQuarter(s: string): boolean {
  return QUARTER_PATTERN.test(s);
}

export function parseQuarter(q: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const m = QUARTER_PATTERN.exec(q);
  if (!m) throw new RangeError(`季度格式应为 2026Q3：${q}`);
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

/** The first and last day of a quarter. */
export function quarterRange(q: string): { from: string; to: string } {
  const { year, quarter } = parseQuarter(q);
  const startMonth = (quarter - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const endDay = [31, 30, 30, 31][quarter - 1] as number;
  return { from: formatDate(year, startMonth, 1), to: formatDate(year, endMonth, endDay) };
}

export function previousQuarter(q: string): string {
  const { year, quarter } = parseQuarter(q);
  return quarter === 1 ? `${year - 1}Q4` : `${year}Q${quarter - 1}`;
}

/** The quarter a date falls in. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/** The last `n` quarter ends up to and including the quarter of `date`, oldest first (the current one ends on `date`). */
export function trendDates(date: string, n: number): { quarter: string; date: string }[] {
  const out: { quarter: string; date: string }[] = [];
  let q = quarterOf(date);
  for (let i = 0; i < n; i++) {
    out.unshift({ quarter: q, date: i === 0 ? date : quarterRange(q).to });
    q = previousQuarter(q);
  }
  return out;
}
