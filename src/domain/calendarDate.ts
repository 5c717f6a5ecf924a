// Plain calendar dates as 'YYYY-MM-DD' strings: no time zone, so no off-by-one-day surprises.

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar date of `d` in the local time zone (the server runs on 北京时间). */
export function localDateString(d: Date): string {
  return formatDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

// Date arithmetic on 'YYYY-MM-DD' strings. Every deadline in the party rules is counted in
// calendar months or days from a recorded date, so the arithmetic stays on the calendar and
// never goes through a Date (whose local time zone could shift a day).

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** A real calendar date written as 'YYYY-MM-DD' (four-digit year, zero-padded). */
export function isDateString(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_PATTERN.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Dates reaching these helpers were validated on input: a bad one is a bug, so fail loudly. */
export function parseDate(date: string): DateParts {
  const m = DATE_PATTERN.exec(date);
  const parts = m && { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!parts || !isRealDate(parts.year, parts.month, parts.day)) throw new RangeError(`not a date: ${date}`);
  return parts;
}

function formatChecked(year: number, month: number, day: number): string {
  // The string form has four year digits; beyond that, string order would stop being date order.
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: year ${year}`);
  return formatDate(year, month, day);
}

/**
 * `n` calendar months after `date` (before, if negative). A day that the target month lacks
 * is clamped to its last day — 2024-02-29 + 12 months = 2025-02-28, 2026-01-31 + 1 month =
 * 2026-02-28 — because “within one month” of 31 January cannot run into March.
 */
export function addMonths(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addMonths: months must be whole, got ${n}`);
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatChecked(y, m, Math.min(day, daysInMonth(y, m)));
}

// Days since 1970-01-01 and back, with integer arithmetic only (H. Hinnant's days_from_civil):
// years are shifted to start in March so that the leap day is the last day of the year.
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(z: number): string {
  const shifted = z + 719468;
  const era = Math.floor(shifted / 146097);
  const doe = shifted - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatChecked(year, month, day);
}

/** `n` days after `date` (before, if negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays: days must be whole, got ${n}`);
  return fromDayNumber(toDayNumber(parseDate(date)) + n);
}

/** −1, 0 or 1 as `a` is before, on or after `b`; usable as a sort comparator. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  parseDate(a);
  parseDate(b);
  // Zero-padded four-digit ISO dates sort as strings in date order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Days from `from` to `to`: 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(parseDate(to)) - toDayNumber(parseDate(from));
}

/**
 * Age in full years on `date`. The birthday itself counts (born 2008-03-01, 18 on
 * 2026-03-01), as the brief for the development rules asks. Someone born on 29 February turns
 * a year older on 1 March in a common year: until the end of 28 February the birthday has not
 * yet come (this follows from comparing month and day, and matches how 周岁 is commonly
 * counted — 12 full months per year, the 12th month ending only when February is over).
 * Negative when `date` is before the birth.
 */
export function ageOn(birthDate: string, date: string): number {
  const b = parseDate(birthDate);
  const d = parseDate(date);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}
