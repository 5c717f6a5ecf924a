import { describe, expect, it } from 'vitest';
import { belowByMore, fell, laggingReasons, pointsBelow } from './lagging.ts';
import { changePoints, childOf, sumFields } from './rows.ts';

describe('lagging (rules.md §9)', () => {
  it.each([
    // parent n/d, child n/d, setting, lagging?
    [50, 100, 40, 100, 10, false], // exactly 10.0 points: not lagging (floating point: 10.000000000000002)
    [500, 1000, 399, 1000, 10, true], // 10.1 points: lagging
    [500, 1000, 400, 1000, 10, false],
    [1, 3, 7, 30, 10, false], // 33.3 − 23.3 is exactly 10 points, (floating point: 9.999999999999998)
    [1, 3, 1, 3, 0, false],
    [1, 3, 0, 3, 0, true],
    [75, 100, 67, 100, 7.5, true], // a setting with a decimal
    [75, 100, 675, 1000, 7.5, false],
    [50, 100, 0, 0, 10, false], // no denominator: not judged
  ])('parent %i/%i, child %i/%i, %f points → %s', (pn, pd, cn, cd, points, lagging) => {
    expect(belowByMore({ n: pn, d: pd }, { n: cn, d: cd }, points)).toBe(lagging);
  });

  it('computes the gap in points', () => {
    expect(pointsBelow({ n: 50, d: 100 }, { n: 40, d: 100 })).toBe(10);
    expect(pointsBelow({ n: 50, d: 100 }, { n: 0, d: 0 })).toBeNull();
  });

  it.each([
    [40, 100, 41, 100, true],
    [41, 100, 41, 100, false],
    [82, 200, 41, 100, false], // the same rate over a larger ledger
    [42, 100, 41, 100, false],
    [0, 0, 41, 100, false],
  ])('now %i/%i, before %i/%i: fell = %s', (nn, nd, bn, bd, result) => {
    expect(fell({ n: nn, d: nd }, { n: bn, d: bd })).toBe(result);
  });

  it('names every reason with its figures', () => {
    // Both cases: the parent at 50 %, the last report on 2026-06-30.
    const county = { parent: { n: 50, d: 100 }, previousDate: '2026-06-30' };
    const reasons = laggingReasons(
      {
        ...county,
        now: { n: 30, d: 100 },
        before: { n: 35, d: 100 },
        overdueReelections: 2,
        missedQuarter: { quarter: '2026Q2', dueOn: '2026-07-10', how: 'overdue', on: null, reason: null },
      },
      10,
    );
    expect(reasons.map((r) => r.code)).toEqual(['below_parent', 'fell', 'overdue_reelection', 'missed_quarterly']);
    expect(reasons[0]?.text).toBe('党组织覆盖率 30.0%，低于上级 50.0% 20.0 个百分点（超过 10 个百分点）');
    expect(reasons[1]?.text).toBe('党组织覆盖率由 2026-06-30 的 35.0% 降至 30.0%');
    expect(reasons[2]?.text).toBe('2 个党组织逾期未换届');
    expect(reasons[3]?.text).toBe('2026Q2 新建党组织季报未报送（报送期限 2026-07-10）');
    const steady = { now: { n: 40, d: 100 }, before: { n: 40, d: 100 }, overdueReelections: 0, missedQuarter: null };
    expect(laggingReasons({ ...county, ...steady }, 10)).toEqual([]);
  });
});

describe('report rows', () => {
  it('sums fields exactly', () => {
    expect(
      sumFields(
        [
          { a: 1, b: 2 },
          { a: 3, b: 4 },
        ],
        ['a', 'b'],
      ),
    ).toEqual({ a: 4, b: 6 });
  });
  it.each([
    ['420503001', '420503'],
    ['420506', '420506'],
    ['420500', '420500'],
  ])('a record of %s counts under %s', (code, child) => {
    expect(
      childOf(
        [
          { code: '420503', prefix: '420503' },
          { code: '420506', prefix: '420506' },
        ],
        code,
        '420500',
      ),
    ).toBe(child);
  });
  it.each([
    [0.25, 0.2, 5],
    [0.2, 0.25, -5],
    [0.2204, 0.2, 2],
    [null, 0.2, null],
    [0.2, null, null],
  ])('change from %s to %s is %s points', (now, before, points) => {
    expect(changePoints(now, before)).toBe(points);
  });
});
