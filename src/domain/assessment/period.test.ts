import { describe, expect, it } from 'vitest';
import { halfYearOf, isHalfYear, isOwnerSurveyPeriod, periodLabel, periodRange } from './period.ts';

describe('periods', () => {
  it.each([
    ['2026H1', '2026-01-01', '2026-06-30'],
    ['2026H2', '2026-07-01', '2026-12-31'],
    ['2026', '2026-01-01', '2026-12-31'],
  ])('%s runs from %s to %s', (period, from, to) => {
    expect(periodRange(period)).toEqual({ from, to });
  });

  it.each([
    ['2026-06-30', '2026H1'],
    ['2026-07-01', '2026H2'],
    ['2026-01-01', '2026H1'],
    ['2026-12-31', '2026H2'],
  ])('%s is in %s', (date, period) => {
    expect(halfYearOf(date)).toBe(period);
  });

  it.each([
    ['2026H2', true, true],
    ['2026', false, true],
    ['2026H3', false, false],
    ['2026Q3', false, false],
    ['26H1', false, false],
  ])('%s: half year %s, owner survey period %s', (p, half, ownerSurvey) => {
    expect([isHalfYear(p), isOwnerSurveyPeriod(p)]).toEqual([half, ownerSurvey]);
  });

  it('labels', () => {
    expect(periodLabel('2026H2')).toBe('2026年下半年');
    expect(periodLabel('2026H1', 'en-US')).toBe('H1 2026');
    expect(periodLabel('2026')).toBe('2026年度');
  });
});
