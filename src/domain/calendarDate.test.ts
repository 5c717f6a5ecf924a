import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  ageOn,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDate,
  isDateString,
  isLeapYear,
  isRealDate,
  localDateString,
  parseDate,
} from './calendarDate.ts';

describe('calendar dates', () => {
  it('applies the Gregorian leap-year rule', () => {
    expect([1900, 2000, 2004, 2023, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it('rejects impossible dates', () => {
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2024, 4, 31)).toBe(false);
    expect(isRealDate(2024, 0, 1)).toBe(false);
    expect(isRealDate(2024, 13, 1)).toBe(false);
    expect(isRealDate(2024, 1, 0)).toBe(false);
    expect(isRealDate(2024, 1.5, 1)).toBe(false);
  });

  it('agrees with the JavaScript Date on every day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(y, m - 1, d));
          const roundTrips = date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
          return isRealDate(y, m, d) === roundTrips;
        },
      ),
    );
  });

  it('formats with zero padding', () => {
    expect(formatDate(1949, 10, 1)).toBe('1949-10-01');
    expect(localDateString(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05');
  });
});

describe('date strings', () => {
  it.each<[unknown, boolean]>([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-4-01', false],
    ['2024-04-01 ', false],
    ['2024/04/01', false],
    ['0000-01-01', true],
    ['9999-12-31', true],
    [20240401, false],
    [null, false],
  ])('isDateString(%j) = %s', (s, ok) => {
    expect(isDateString(s)).toBe(ok);
  });

  it('parses and refuses what is not a date', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseDate('2023-02-29')).toThrow(RangeError);
    expect(() => parseDate('20230228')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it.each<[string, number, string]>([
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-02-29', -12, '2023-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-11-30', 1, '2026-12-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-15', -13, '2024-12-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2026-06-30', -6, '2025-12-30'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('refuses fractional months and years past 9999', () => {
    expect(() => addMonths('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addDays, daysBetween, compareDates', () => {
  it.each<[string, number, string]>([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
    ['1970-01-01', -1, '1969-12-31'],
    ['2026-05-15', 0, '2026-05-15'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
    expect(daysBetween(expected, date)).toBe(0 - n); // 0 - n: not −0
  });

  it('agrees with the JavaScript Date (UTC) on every day from 1600 to 2400', () => {
    const base = Date.UTC(2000, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: -146_097, max: 146_097 }), fc.integer({ min: -800, max: 800 }), (offset, n) => {
        const d = new Date(base + offset * 86_400_000);
        const date = formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
        const e = new Date(base + (offset + n) * 86_400_000);
        const expected = formatDate(e.getUTCFullYear(), e.getUTCMonth() + 1, e.getUTCDate());
        return addDays(date, n) === expected && daysBetween(date, expected) === n;
      }),
    );
  });

  it('compares in date order', () => {
    expect(compareDates('2026-02-28', '2026-03-01')).toBe(-1);
    expect(compareDates('2026-03-01', '2026-03-01')).toBe(0);
    expect(compareDates('2026-03-01', '2026-02-28')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-01-01'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-01',
      '2026-03-01',
    ]);
    expect(() => compareDates('2026-3-1', '2026-03-01')).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it.each<[string, string, number]>([
    // The 18th birthday: the day before, the day of, the day after.
    ['2008-03-01', '2026-02-28', 17],
    ['2008-03-01', '2026-03-01', 18],
    ['2008-03-01', '2026-03-02', 18],
    // Born on 29 February: a year older on 1 March in a common year…
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    // …and on 29 February in a leap year.
    ['2008-02-29', '2028-02-28', 19],
    ['2008-02-29', '2028-02-29', 20],
    // Year ends.
    ['2007-12-31', '2025-12-30', 17],
    ['2007-12-31', '2025-12-31', 18],
    ['2008-01-01', '2025-12-31', 17],
    ['2008-01-01', '2026-01-01', 18],
    // Day of birth, and before it.
    ['2008-03-01', '2008-03-01', 0],
    ['2008-03-01', '2008-02-29', -1],
  ])('born %s, on %s: %i', (birth, date, age) => {
    expect(ageOn(birth, date)).toBe(age);
  });
});
