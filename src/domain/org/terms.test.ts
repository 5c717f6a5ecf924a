import { describe, expect, it } from 'vitest';
import { ORG_TYPES } from './codes.ts';
import { checkAdjustment, DEFAULT_TERM_YEARS, electionStatus, termEnd } from './terms.ts';

describe('DEFAULT_TERM_YEARS', () => {
  it('gives every org type its term', () => {
    expect(ORG_TYPES.map((t) => [t.code, DEFAULT_TERM_YEARS[t.code]])).toEqual([
      ['committee', 5],
      ['general_branch', 3],
      ['branch', 3],
      ['joint_branch', 3],
      ['temporary_branch', null],
    ]);
  });
});

describe('termEnd', () => {
  it.each<[string, number, number, string]>([
    ['2023-05-10', 3, 0, '2026-05-10'],
    ['2021-05-10', 5, 0, '2026-05-10'],
    // Pre-2018 terms as recorded.
    ['2016-05-10', 2, 0, '2018-05-10'],
    ['2016-05-10', 4, 0, '2020-05-10'],
    // Adjustments at and inside the limits.
    ['2023-05-10', 3, 12, '2027-05-10'],
    ['2023-05-10', 3, -12, '2025-05-10'],
    ['2023-05-10', 3, 6, '2026-11-10'],
    ['2023-05-10', 3, -1, '2026-04-10'],
    // Leap day and month ends.
    ['2024-02-29', 3, 0, '2027-02-28'],
    ['2024-02-29', 4, 0, '2028-02-29'],
    ['2023-08-31', 3, -6, '2026-02-28'],
  ])('elected %s for %i years, adjusted %i months: ends %s', (electedOn, termYears, adjustmentMonths, expected) => {
    expect(termEnd({ electedOn, termYears, adjustmentMonths })).toEqual({ ok: true, value: expected });
  });

  it('defaults to no adjustment', () => {
    expect(termEnd({ electedOn: '2023-05-10', termYears: 3 })).toEqual({ ok: true, value: '2026-05-10' });
  });

  it.each([13, -13, 24, 1.5])('refuses an adjustment of %d months', (adjustmentMonths) => {
    const r = termEnd({ electedOn: '2023-05-10', termYears: 3, adjustmentMonths });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('adjustment_out_of_range');
  });

  it.each([0, -3, 2.5])('refuses a term of %d years', (termYears) => {
    const r = termEnd({ electedOn: '2023-05-10', termYears });
    expect(!r.ok && r.error.code).toBe('invalid_term_years');
  });
});

describe('checkAdjustment', () => {
  const approval = { approvedBy: '中共某某区委组织部', approvedOn: '2026-01-05' };
  it.each<[number, object | null, string[]]>([
    [0, null, []],
    [0, approval, []],
    [6, approval, []],
    [-12, approval, []],
    [12, approval, []],
    [6, null, ['adjustment_needs_approval']],
    [-3, { approvedBy: '区委组织部' }, ['adjustment_needs_approval']],
    [3, { approvedBy: '  ', approvedOn: '2026-01-05' }, ['adjustment_needs_approval']],
    [13, approval, ['adjustment_out_of_range']],
    [-13, approval, ['adjustment_out_of_range']],
  ])('%i months with %j: %j', (months, given, codes) => {
    expect(checkAdjustment(months, given).map((f) => f.code)).toEqual(codes);
  });

  it('says which way the term moved', () => {
    expect(checkAdjustment(-3)[0].message).toBe('任期缩短 3 个月，须记录批准机关和批准日期');
    expect(checkAdjustment(6)[0].message).toBe('任期延长 6 个月，须记录批准机关和批准日期');
  });
});

describe('electionStatus', () => {
  it.each<[string, string, object]>([
    // Term ends 2026-06-30: reminders from 2025-12-30 (6), 2026-03-30 (3), 2026-05-30 (1).
    ['2026-06-30', '2025-12-29', { status: 'none', daysLeft: 183 }],
    ['2026-06-30', '2025-12-30', { status: 'due', monthsBefore: 6, daysLeft: 182 }],
    ['2026-06-30', '2025-12-31', { status: 'due', monthsBefore: 6, daysLeft: 181 }],
    ['2026-06-30', '2026-03-29', { status: 'due', monthsBefore: 6, daysLeft: 93 }],
    ['2026-06-30', '2026-03-30', { status: 'due', monthsBefore: 3, daysLeft: 92 }],
    ['2026-06-30', '2026-05-29', { status: 'due', monthsBefore: 3, daysLeft: 32 }],
    ['2026-06-30', '2026-05-30', { status: 'due', monthsBefore: 1, daysLeft: 31 }],
    ['2026-06-30', '2026-06-29', { status: 'due', monthsBefore: 1, daysLeft: 1 }],
    ['2026-06-30', '2026-06-30', { status: 'due', monthsBefore: 1, daysLeft: 0 }],
    ['2026-06-30', '2026-07-01', { status: 'overdue', daysLeft: -1 }],
    ['2026-06-30', '2027-06-30', { status: 'overdue', daysLeft: -365 }],
    // Term ends 2026-08-31: 6 months before is clamped to 2026-02-28.
    ['2026-08-31', '2026-02-27', { status: 'none', daysLeft: 185 }],
    ['2026-08-31', '2026-02-28', { status: 'due', monthsBefore: 6, daysLeft: 184 }],
    ['2026-08-31', '2026-05-30', { status: 'due', monthsBefore: 6, daysLeft: 93 }],
    ['2026-08-31', '2026-05-31', { status: 'due', monthsBefore: 3, daysLeft: 92 }],
    ['2026-08-31', '2026-07-31', { status: 'due', monthsBefore: 1, daysLeft: 31 }],
  ])('term ending %s, on %s: %j', (termEnd, today, expected) => {
    expect(electionStatus(termEnd, today)).toEqual(expected);
  });

  it('takes configured reminders in any order', () => {
    expect(electionStatus('2026-06-30', '2026-04-30', [1, 2])).toEqual({
      status: 'due',
      monthsBefore: 2,
      daysLeft: 61,
    });
    expect(electionStatus('2026-06-30', '2026-06-30', [])).toEqual({ status: 'none', daysLeft: 0 });
    expect(electionStatus('2026-06-30', '2026-07-01', [])).toEqual({ status: 'overdue', daysLeft: -1 });
  });
});
