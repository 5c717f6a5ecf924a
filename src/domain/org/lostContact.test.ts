import { describe, expect, it } from 'vitest';
import { addDays } from '../calendarDate.ts';
import { isLostOn, lostFrom, outcomeRefusal } from './lostContact.ts';

describe('lost contact: six calendar months from the last recorded activity', () => {
  it('refuses 6 months minus a day, accepts exactly 6 months', () => {
    expect(isLostOn('2026-01-31', addDays('2026-07-31', -1))).toBe(false);
    expect(isLostOn('2026-01-31', '2026-07-31')).toBe(true);
    expect(isLostOn('2026-03-15', '2026-09-14')).toBe(false);
    expect(isLostOn('2026-03-15', '2026-09-15')).toBe(true);
  });
  it('clamps month ends', () => {
    expect(lostFrom('2026-08-31')).toBe('2027-02-28');
    expect(lostFrom('2027-08-31')).toBe('2028-02-29');
  });
});

describe('outcomes follow the member’s status and the search', () => {
  it('restored needs nothing; a disposal needs a search and the right status', () => {
    expect(outcomeRefusal('restored', 'full', 0)).toBeNull();
    expect(outcomeRefusal('suspended', 'full', 0)).toMatch(/查找/);
    expect(outcomeRefusal('suspended', 'full', 1)).toBeNull();
    expect(outcomeRefusal('suspended', 'probationary', 1)).toMatch(/预备党员/);
    expect(outcomeRefusal('probation_cancelled', 'full', 2)).toMatch(/只有预备党员/);
    expect(outcomeRefusal('probation_cancelled', 'probationary', 2)).toBeNull();
  });
});
