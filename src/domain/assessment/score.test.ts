import { describe, expect, it } from 'vitest';
import {
  type AssessmentInput,
  assess,
  divideHalfUp,
  excellentAllowed,
  finalScore,
  gradeOf,
  periodicScore,
} from './score.ts';
import { type AssessmentSettings, DEFAULT_ASSESSMENT_SETTINGS, settingsProblems } from './settings.ts';

const S = DEFAULT_ASSESSMENT_SETTINGS;
const withCap = (cap: number | null): AssessmentSettings => ({ ...S, excellentCap: cap });
const flat = (id: number, score: number): AssessmentInput => ({
  instructorId: id,
  daily: [score],
  periodic: { duties: score, discipline: score, effectiveness: score },
  democratic: [score],
});

describe('grade boundaries (优秀 ≥ 90, 称职 ≥ 75, 基本称职 ≥ 60)', () => {
  it.each([
    [100, 'excellent'],
    [90, 'excellent'],
    [89.99, 'competent'],
    [75, 'competent'],
    [74.99, 'basic'],
    [60, 'basic'],
    [59.99, 'incompetent'],
    [0, 'incompetent'],
  ])('%f → %s', (final, grade) => {
    expect(gradeOf(final, S.thresholds)).toBe(grade);
  });

  it.each([
    [85, 'excellent'],
    [84.99, 'competent'],
  ])('configured thresholds: %f with 优秀 ≥ 85 → %s', (final, grade) => {
    expect(gradeOf(final, { excellent: 85, competent: 70, basic: 50 })).toBe(grade);
  });
});

describe('weights (default 40 % daily, 40 % periodic, 20 % democratic)', () => {
  const W = S.weights;
  it.each([
    [{ daily: 90, periodic: 90, democratic: 90 }, W, 90],
    [{ daily: 100, periodic: 100, democratic: 50 }, W, 90],
    [{ daily: 95, periodic: 90, democratic: 80 }, W, 90],
    // 38 + 35.988 + 16 = 89.988 → 89.99
    [{ daily: 95, periodic: 89.97, democratic: 80 }, W, 89.99],
    [{ daily: 100, periodic: 0, democratic: 0 }, { daily: 100, periodic: 0, democratic: 0 }, 100],
    [{ daily: 0, periodic: 100, democratic: 0 }, { daily: 100, periodic: 0, democratic: 0 }, 0],
    [{ daily: 0, periodic: 0, democratic: 100 }, { daily: 0, periodic: 0, democratic: 100 }, 100],
    [{ daily: 100, periodic: 80, democratic: 60 }, { daily: 50, periodic: 30, democratic: 20 }, 86],
    [{ daily: 100, periodic: 80, democratic: 60 }, W, 84],
  ])('%o weighted %o → %f', (components, weights, final) => {
    expect(finalScore(components, weights)).toBe(final);
  });

  it.each([
    // 0.4·89.99 + 0.4·90 + 0.2·90 = 89.996 → 90.00: the grade is decided on the score shown.
    [89.99, 90, 90, 90, 'excellent'],
    // 0.4·89.98 + 0.4·90 + 0.2·90 = 89.992 → 89.99.
    [89.98, 90, 90, 89.99, 'competent'],
    [75, 75, 75, 75, 'competent'],
    [74.99, 75, 74.99, 74.99, 'basic'],
    [60, 60, 60, 60, 'basic'],
    [59.99, 60, 59.99, 59.99, 'incompetent'],
  ])('daily %f, periodic %f, democratic %f → final %f, %s', (daily, periodic, democratic, final, grade) => {
    const [r] = assess(
      [
        {
          instructorId: 1,
          daily: [daily],
          periodic: { duties: periodic, discipline: periodic, effectiveness: periodic },
          democratic: [democratic],
        },
      ],
      S,
    );
    expect([r.final, r.grade]).toEqual([final, grade]);
  });
});

describe('components', () => {
  it('the daily and democratic parts are means rounded half up to a hundredth', () => {
    const [r] = assess([{ instructorId: 1, daily: [90, 91, 91], periodic: null, democratic: [80, 85, 85.01] }], S);
    // 272 / 3 = 90.666… → 90.67; 250.01 / 3 = 83.3366… → 83.34.
    expect([r.daily, r.dailyEntries, r.democratic, r.ballots]).toEqual([90.67, 3, 83.34, 3]);
  });

  it.each([
    [{ duties: 90, discipline: 80, effectiveness: 70 }, { duties: 1, discipline: 1, effectiveness: 1 }, 80],
    [{ duties: 90, discipline: 90, effectiveness: 91 }, { duties: 1, discipline: 1, effectiveness: 1 }, 90.33],
    [{ duties: 90, discipline: 90, effectiveness: 90.02 }, { duties: 1, discipline: 1, effectiveness: 1 }, 90.01],
    [{ duties: 100, discipline: 50, effectiveness: 0 }, { duties: 2, discipline: 1, effectiveness: 1 }, 62.5],
    [{ duties: 100, discipline: 50, effectiveness: 0 }, { duties: 1, discipline: 0, effectiveness: 0 }, 100],
  ])('periodic %o with dimension weights %o → %f', (p, w, expected) => {
    expect(periodicScore(p, w)).toBe(expected);
  });

  it.each([
    [1, 2, 1], // 0.5 rounds up
    [1, 3, 0],
    [2, 3, 1],
    [89995, 1000, 90],
    [89994, 1000, 90],
    [89499, 1000, 89],
  ])('divideHalfUp(%i, %i) = %i', (n, d, q) => {
    expect(divideHalfUp(n, d)).toBe(q);
  });
});

describe('a missing component leaves the result incomplete, without final score or grade', () => {
  it.each([
    [{ daily: [], periodic: { duties: 90, discipline: 90, effectiveness: 90 }, democratic: [90] }, ['daily']],
    [{ daily: [90], periodic: null, democratic: [90] }, ['periodic']],
    [{ daily: [90], periodic: { duties: 90, discipline: 90, effectiveness: 90 }, democratic: [] }, ['democratic']],
    [{ daily: [], periodic: null, democratic: [] }, ['daily', 'periodic', 'democratic']],
  ])('%o → missing %o', (input, missing) => {
    const [r] = assess([{ instructorId: 1, ...input }], S);
    expect(r).toMatchObject({ incomplete: true, missing, final: null, grade: null });
  });

  it('a component weighted 0 is not required', () => {
    const [r] = assess(
      [{ instructorId: 1, daily: [95], periodic: { duties: 85, discipline: 85, effectiveness: 85 }, democratic: [] }],
      { ...S, weights: { daily: 50, periodic: 50, democratic: 0 } },
    );
    expect(r).toMatchObject({ incomplete: false, missing: [], final: 90, grade: 'excellent' });
  });
});

describe('the excellent-share cap', () => {
  it.each([
    [10, null, 10],
    [10, 20, 2],
    [9, 20, 1], // 1.8 rounds down
    [4, 20, 0],
    [5, 20, 1],
    [3, 100, 3],
  ])('%i graded with cap %s %% → %i may be 优秀', (graded, cap, allowed) => {
    expect(excellentAllowed(graded, cap)).toBe(allowed);
  });

  it('no cap by default: every 90+ is 优秀', () => {
    const results = assess([flat(1, 95), flat(2, 92), flat(3, 91), flat(4, 70)], S);
    expect(results.map((r) => r.grade)).toEqual(['excellent', 'excellent', 'excellent', 'basic']);
  });

  it('over the cap the lower final scores become 称职, whatever the input order', () => {
    // 5 graded, cap 40 % → 2 may be 优秀.
    const inputs = [flat(5, 91), flat(1, 95), flat(3, 70), flat(2, 92), flat(4, 93)];
    const results = assess(inputs, withCap(40));
    const byId = Object.fromEntries(results.map((r) => [r.instructorId, [r.grade, r.capped]]));
    expect(byId).toEqual({
      1: ['excellent', false],
      4: ['excellent', false],
      2: ['competent', true],
      5: ['competent', true],
      3: ['basic', false],
    });
  });

  it('ties: equal finals are ordered by democratic, then periodic, then the lower instructor id', () => {
    // All three end at 92.00 with weights 40/40/20.
    const a = {
      instructorId: 7,
      daily: [92],
      periodic: { duties: 92, discipline: 92, effectiveness: 92 },
      democratic: [92],
    };
    // Higher democratic (97), lower daily: 0.4·89.5 + 0.4·92 + 0.2·97 = 92.
    const b = {
      instructorId: 8,
      daily: [89.5],
      periodic: { duties: 92, discipline: 92, effectiveness: 92 },
      democratic: [97],
    };
    // Same democratic as a, higher periodic (94), lower daily (90): 36 + 37.6 + 18.4 = 92.
    const c = {
      instructorId: 9,
      daily: [90],
      periodic: { duties: 94, discipline: 94, effectiveness: 94 },
      democratic: [92],
    };
    // Exactly a's scores, lower id.
    const d = { ...a, instructorId: 3 };
    const filler = [flat(20, 50), flat(21, 50), flat(22, 50), flat(23, 50)];
    for (const [cap, keep] of [
      [13, [8]], // 8 graded × 13 % = 1.04 → 1
      [25, [8, 9]], // 2
      [38, [8, 9, 3]], // 3.04 → 3: d beats a on the id
      [50, [8, 9, 3, 7]],
    ] as const) {
      const results = assess([a, b, c, d, ...filler], withCap(cap));
      expect(results.filter((r) => r.final === 92)).toHaveLength(4);
      const excellent = results.filter((r) => r.grade === 'excellent').map((r) => r.instructorId);
      expect(excellent.sort()).toEqual([...keep].sort());
      expect(
        results
          .filter((r) => r.capped)
          .map((r) => r.instructorId)
          .sort(),
      ).toEqual([7, 8, 9, 3].filter((id) => !(keep as readonly number[]).includes(id)).sort());
    }
  });

  it('incomplete results neither count toward the cap nor take a place in it', () => {
    const incomplete = { instructorId: 1, daily: [99], periodic: null, democratic: [99] };
    const results = assess([incomplete, flat(2, 95), flat(3, 94)], withCap(50));
    // 2 graded × 50 % = 1.
    expect(results.map((r) => r.grade)).toEqual([null, 'excellent', 'competent']);
  });
});

describe('settings checks', () => {
  it('the defaults are valid', () => {
    expect(settingsProblems(S)).toEqual([]);
  });

  it.each([
    [{ weights: { daily: 40, periodic: 40, democratic: 21 } }, 'weights'],
    [{ weights: { daily: 40.5, periodic: 39.5, democratic: 20 } }, 'weights.daily'],
    [{ dimensionWeights: { duties: 0, discipline: 0, effectiveness: 0 } }, 'dimensionWeights'],
    [{ thresholds: { excellent: 75, competent: 75, basic: 60 } }, 'thresholds'],
    [{ thresholds: { excellent: 90.001, competent: 75, basic: 60 } }, 'thresholds.excellent'],
    [{ excellentCap: 0 }, 'excellentCap'],
    [{ excellentCap: 101 }, 'excellentCap'],
  ])('%o is refused at %s', (patch, field) => {
    const problems = settingsProblems({ ...S, ...patch } as AssessmentSettings);
    expect(problems.map(([f]) => f)).toContain(field);
  });
});
