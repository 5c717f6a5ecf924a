import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDate, isLeapYear, isRealDate, localDateString } from './calendarDate.ts';

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
