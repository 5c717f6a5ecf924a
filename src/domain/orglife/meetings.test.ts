import { describe, expect, it } from 'vitest';
import { periodName, periodOf, previousPeriod, quorumOf } from './meetings.ts';

describe('periods of a frequency', () => {
  it.each([
    ['month', '2026-02-28', '2026-02-01', '2026-02-28'],
    ['month', '2024-02-29', '2024-02-01', '2024-02-29'],
    ['quarter', '2026-03-31', '2026-01-01', '2026-03-31'],
    ['quarter', '2026-04-01', '2026-04-01', '2026-06-30'],
    ['quarter', '2026-12-31', '2026-10-01', '2026-12-31'],
    ['half_year', '2026-06-30', '2026-01-01', '2026-06-30'],
    ['half_year', '2026-07-01', '2026-07-01', '2026-12-31'],
    ['year', '2026-12-31', '2026-01-01', '2026-12-31'],
  ] as const)('%s holding %s runs %s–%s', (f, date, start, end) => {
    expect(periodOf(f, date)).toEqual({ start, end });
  });

  it('the period before crosses into the previous year', () => {
    expect(previousPeriod('quarter', '2026-01-01')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(previousPeriod('month', '2026-03-31')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(previousPeriod('year', '2026-06-15')).toEqual({ start: '2025-01-01', end: '2025-12-31' });
  });

  it('names a period in words', () => {
    expect(periodName('quarter', periodOf('quarter', '2026-11-02'))).toBe('2026年第4季度');
    expect(periodName('half_year', periodOf('half_year', '2026-11-02'))).toBe('2026年下半年');
    expect(periodName('month', periodOf('month', '2026-11-02'), 'en')).toBe('2026-11');
  });
});

describe('the quorum: more than half of the full members with a vote', () => {
  it.each([
    // voting, present, onLeave, leave rule → needed, met
    [5, 2, 0, 'count', 3, false],
    [5, 3, 0, 'count', 3, true],
    [4, 2, 0, 'count', 3, false],
    [4, 3, 0, 'count', 3, true],
    [1, 1, 0, 'count', 1, true],
    [0, 0, 0, 'count', 1, false],
    [5, 2, 2, 'count', 3, false],
    [5, 2, 2, 'exclude', 2, true],
    [5, 1, 2, 'exclude', 2, false],
    [4, 1, 2, 'exclude', 2, false],
  ] as const)(
    '%i with a vote, %i present, %i on leave (%s): needs %i',
    (voting, present, onLeave, leave, needed, met) => {
      const q = quorumOf({ voting, present, onLeave }, leave);
      expect(q.needed).toBe(needed);
      expect(q.met).toBe(met);
    },
  );
});
