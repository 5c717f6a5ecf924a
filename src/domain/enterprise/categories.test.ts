import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  type CategoryFacts,
  categorize,
  categorySql,
  FLAG_LABELS,
  flags,
  inScope,
  LEDGER_CATEGORIES,
  SIZE_BANDS,
  sizeBand,
} from './categories.ts';
import { REGISTRATION_STATUSES } from './codes.ts';

const facts = (f: Partial<CategoryFacts>): CategoryFacts => ({
  standaloneCovered: false,
  jointCovered: false,
  memberCount: 0,
  fullMemberCount: 0,
  ...f,
});

describe('inScope (§1)', () => {
  it('keeps 存续, 在营, 迁入 and drops 迁出, 吊销, 注销', () => {
    expect(REGISTRATION_STATUSES.map((s) => [s.label, inScope(s.code)])).toEqual([
      ['存续', true],
      ['在营', true],
      ['迁入', true],
      ['迁出', false],
      ['吊销', false],
      ['注销', false],
    ]);
  });
});

describe('categorize (§3) at every boundary', () => {
  it.each<[Partial<CategoryFacts>, string]>([
    // Not covered: by full members 0/1/2/3.
    [{ memberCount: 0, fullMemberCount: 0 }, 'no_member'],
    [{ memberCount: 1, fullMemberCount: 1 }, 'joint_candidate'],
    [{ memberCount: 2, fullMemberCount: 2 }, 'joint_candidate'],
    [{ memberCount: 3, fullMemberCount: 3 }, 'should_form'],
    [{ memberCount: 60, fullMemberCount: 50 }, 'should_form'],
    // Probationary members only.
    [{ memberCount: 1, fullMemberCount: 0 }, 'joint_candidate'],
    [{ memberCount: 5, fullMemberCount: 0 }, 'joint_candidate'],
    // 2 full + probationary: still below the threshold, which counts full members only.
    [{ memberCount: 9, fullMemberCount: 2 }, 'joint_candidate'],
    // Joint coverage: kept below 3 full members…
    [{ jointCovered: true, memberCount: 0, fullMemberCount: 0 }, 'joint'],
    [{ jointCovered: true, memberCount: 2, fullMemberCount: 2 }, 'joint'],
    [{ jointCovered: true, memberCount: 4, fullMemberCount: 0 }, 'joint'],
    // …but at 3 or more the enterprise must have its own branch.
    [{ jointCovered: true, memberCount: 3, fullMemberCount: 3 }, 'should_form'],
    [{ jointCovered: true, memberCount: 12, fullMemberCount: 10 }, 'should_form'],
    // Standalone wins over everything, even with no members recorded.
    [{ standaloneCovered: true, memberCount: 0, fullMemberCount: 0 }, 'standalone'],
    [{ standaloneCovered: true, memberCount: 10, fullMemberCount: 10 }, 'standalone'],
    [{ standaloneCovered: true, jointCovered: true, memberCount: 3, fullMemberCount: 3 }, 'standalone'],
    // Inconsistent counts (full above total) still mean there are members.
    [{ memberCount: 0, fullMemberCount: 1 }, 'joint_candidate'],
  ])('%o → %s', (f, expected) => {
    expect(categorize(facts(f))).toBe(expected);
  });
});

const arbFacts: fc.Arbitrary<CategoryFacts> = fc.record({
  standaloneCovered: fc.boolean(),
  jointCovered: fc.boolean(),
  memberCount: fc.nat({ max: 200 }),
  fullMemberCount: fc.nat({ max: 200 }),
});

describe('categorize properties', () => {
  it('puts every enterprise in exactly one category, consistent with each rule of §3', () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const c = categorize(f);
        expect(LEDGER_CATEGORIES).toContain(c);
        // Each category's own condition, stated independently of the order of the code.
        const holds: Record<string, boolean> = {
          standalone: f.standaloneCovered,
          should_form: !f.standaloneCovered && f.fullMemberCount >= 3,
          joint: !f.standaloneCovered && f.jointCovered && f.fullMemberCount < 3,
          joint_candidate:
            !f.standaloneCovered &&
            !f.jointCovered &&
            f.fullMemberCount < 3 &&
            (f.fullMemberCount > 0 || f.memberCount > 0),
          no_member: !f.standaloneCovered && !f.jointCovered && f.memberCount === 0 && f.fullMemberCount === 0,
        };
        expect(Object.entries(holds).filter(([, v]) => v)).toEqual([[c, true]]);
      }),
      { numRuns: 2000 },
    );
  });

  it('only “standalone” and “joint” are covered categories, matching the coverage flags', () => {
    fc.assert(
      fc.property(arbFacts, (f) => {
        const c = categorize(f);
        if (c === 'standalone' || c === 'joint') expect(f.standaloneCovered || f.jointCovered).toBe(true);
        if (c === 'joint_candidate' || c === 'no_member') expect(f.standaloneCovered || f.jointCovered).toBe(false);
      }),
    );
  });

  it('is monotone in full members for an uncovered enterprise: never back to fewer-member categories', () => {
    const rank = { no_member: 0, joint_candidate: 1, should_form: 2 } as Record<string, number>;
    fc.assert(
      fc.property(fc.nat({ max: 50 }), fc.nat({ max: 50 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const c1 = categorize(facts({ memberCount: hi, fullMemberCount: lo }));
        const c2 = categorize(facts({ memberCount: hi, fullMemberCount: hi }));
        expect(rank[c1]).toBeLessThanOrEqual(rank[c2]);
      }),
    );
  });
});

describe('categorySql', () => {
  const sql = categorySql({
    standaloneCovered: "e.org_coverage = 'standalone'",
    jointCovered: "e.org_coverage = 'joint'",
    memberCount: 'e.member_count',
    fullMemberCount: 'e.full_member_count',
  });

  it('is the same first-match order as categorize', () => {
    expect(sql).toBe(
      'CASE ' +
        "WHEN coalesce((e.org_coverage = 'standalone'), false) THEN 'standalone' " +
        "WHEN coalesce((e.full_member_count), 0) >= 3 THEN 'should_form' " +
        "WHEN coalesce((e.org_coverage = 'joint'), false) THEN 'joint' " +
        "WHEN coalesce((e.member_count), 0) > 0 OR coalesce((e.full_member_count), 0) > 0 THEN 'joint_candidate' " +
        "ELSE 'no_member' END",
    );
  });

  it('names every category exactly once', () => {
    const plain = categorySql({ standaloneCovered: 'a', jointCovered: 'b', memberCount: 'c', fullMemberCount: 'd' });
    for (const c of LEDGER_CATEGORIES) expect(plain.split(`'${c}'`).length - 1).toBe(1);
  });
});

describe('CATEGORY_LABELS and FLAG_LABELS', () => {
  it('label every category and flag in both languages', () => {
    expect(CATEGORY_LABELS['zh-CN']).toEqual({
      standalone: '已单独建立党组织',
      joint: '已联合建立党组织',
      should_form: '应建未建',
      joint_candidate: '有党员未建',
      no_member: '无党员',
    });
    expect(Object.keys(CATEGORY_LABELS['en-US']).sort()).toEqual([...LEDGER_CATEGORIES].sort());
    expect(FLAG_LABELS['zh-CN'].key_watch).toBe('重点盯住');
    expect(Object.keys(FLAG_LABELS['en-US']).sort()).toEqual(['key_watch', 'needs_instructor']);
  });
});

describe('flags', () => {
  it('key_watch: 100 or more employees and not org-covered', () => {
    expect(flags({ employees: 99, orgCovered: false, workCovered: false }).key_watch).toBe(false);
    expect(flags({ employees: 100, orgCovered: false, workCovered: false }).key_watch).toBe(true);
    expect(flags({ employees: 100, orgCovered: true, workCovered: true }).key_watch).toBe(false);
    // An instructor alone does not take a large enterprise off the watch list.
    expect(flags({ employees: 500, orgCovered: false, workCovered: true }).key_watch).toBe(true);
  });

  it('key_watch threshold is configurable', () => {
    expect(flags({ employees: 50, orgCovered: false, workCovered: true }, { keyWatchEmployees: 50 }).key_watch).toBe(
      true,
    );
    expect(flags({ employees: 49, orgCovered: false, workCovered: true }, { keyWatchEmployees: 50 }).key_watch).toBe(
      false,
    );
  });

  it('needs_instructor: not work-covered', () => {
    expect(flags({ employees: 0, orgCovered: false, workCovered: false }).needs_instructor).toBe(true);
    expect(flags({ employees: 0, orgCovered: false, workCovered: true }).needs_instructor).toBe(false);
  });
});

describe('sizeBand (§1)', () => {
  it.each([
    [0, 'lt10'],
    [9, 'lt10'],
    [10, '10_49'],
    [49, '10_49'],
    [50, '50_99'],
    [99, '50_99'],
    [100, '100_299'],
    [299, '100_299'],
    [300, '300plus'],
    [1_000_000, '300plus'],
  ])('%i employees → %s', (n, band) => {
    expect(sizeBand(n)).toBe(band);
  });

  it('agrees with the bounds exported for SQL filters', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), (n) => {
        const band = SIZE_BANDS.find((b) => b.code === sizeBand(n));
        expect(band).toBeDefined();
        expect(n >= (band?.min ?? 0) && (band?.maxExclusive == null || n < band.maxExclusive)).toBe(true);
      }),
    );
  });

  it('refuses corrupt counts', () => {
    expect(() => sizeBand(-1)).toThrow(RangeError);
    expect(() => sizeBand(Number.NaN)).toThrow(RangeError);
  });
});
