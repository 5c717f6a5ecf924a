// The three-part assessment (rules.md §8): daily average, periodic score, democratic average,
// their weighted final score, the grade, and the optional cap on the share of 优秀.
//
// Arithmetic is exact: scores are whole hundredths (0.01), weights whole numbers, so every
// average and weighted sum is one integer division, rounded half up to a hundredth. A grade
// is decided on the rounded final score that is shown: 89.995 shows as 90.00 and is 优秀.

import type { AssessmentSettings } from './settings.ts';

export const GRADES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<'zh-CN' | 'en-US', Record<Grade, string>> = {
  'zh-CN': { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职' },
  'en-US': { excellent: 'Excellent', competent: 'Competent', basic: 'Basically competent', incompetent: 'Incompetent' },
};

export type Component = 'daily' | 'periodic' | 'democratic';

export interface AssessmentInput {
  instructorId: number;
  /** Every daily assessment score of the period. */
  daily: readonly number[];
  /** The half-yearly assessment, if entered. */
  periodic: { duties: number; discipline: number; effectiveness: number } | null;
  /** The score each ballot of the period gave this instructor. */
  democratic: readonly number[];
}

export interface AssessmentResult {
  instructorId: number;
  daily: number | null;
  dailyEntries: number;
  periodic: number | null;
  democratic: number | null;
  ballots: number;
  /** null when a required component is missing (the result is incomplete and has no grade). */
  final: number | null;
  grade: Grade | null;
  /** Components weighted above 0 that have no data yet. */
  missing: Component[];
  incomplete: boolean;
  /** Scored 优秀 but over the excellent-share cap, so 称职. */
  capped: boolean;
}

const hundredths = (x: number) => Math.round(x * 100);
const units = (h: number) => h / 100;

/** num / den rounded half up, for non-negative integers. */
export function divideHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/** Mean of scores in hundredths, rounded half up; null when there are none. */
function meanH(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return divideHalfUp(
    scores.reduce((sum, s) => sum + hundredths(s), 0),
    scores.length,
  );
}

/** The periodic score: the dimension-weighted mean of duties, discipline and effectiveness. */
export function periodicScore(
  p: { duties: number; discipline: number; effectiveness: number },
  w: AssessmentSettings['dimensionWeights'],
): number {
  const num =
    w.duties * hundredths(p.duties) +
    w.discipline * hundredths(p.discipline) +
    w.effectiveness * hundredths(p.effectiveness);
  return units(divideHalfUp(num, w.duties + w.discipline + w.effectiveness));
}

/** The weighted final score of three components already rounded to hundredths; a missing one counts 0 (its weight is 0). */
export function finalScore(
  c: { daily: number | null; periodic: number | null; democratic: number | null },
  w: AssessmentSettings['weights'],
): number {
  const num =
    w.daily * hundredths(c.daily ?? 0) +
    w.periodic * hundredths(c.periodic ?? 0) +
    w.democratic * hundredths(c.democratic ?? 0);
  return units(divideHalfUp(num, 100));
}

export function gradeOf(final: number, t: AssessmentSettings['thresholds']): Grade {
  const f = hundredths(final);
  if (f >= hundredths(t.excellent)) return 'excellent';
  if (f >= hundredths(t.competent)) return 'competent';
  if (f >= hundredths(t.basic)) return 'basic';
  return 'incompetent';
}

/**
 * The order of precedence for the excellent cap: higher final score, then higher democratic
 * average, then higher periodic score, then the lower instructor id (the earlier record).
 */
export function capOrder(a: AssessmentResult, b: AssessmentResult): number {
  return (
    (b.final ?? -1) - (a.final ?? -1) ||
    (b.democratic ?? -1) - (a.democratic ?? -1) ||
    (b.periodic ?? -1) - (a.periodic ?? -1) ||
    a.instructorId - b.instructorId
  );
}

/** How many may be 优秀 among `graded` results under a cap of `cap` percent: rounded down. */
export function excellentAllowed(graded: number, cap: number | null): number {
  return cap === null ? graded : Math.floor((graded * cap) / 100);
}

/** Scores, grades and the cap for one period's instructors, in the order given. */
export function assess(inputs: readonly AssessmentInput[], s: AssessmentSettings): AssessmentResult[] {
  const results = inputs.map((i): AssessmentResult => {
    const dailyH = meanH(i.daily);
    const democraticH = meanH(i.democratic);
    const daily = dailyH === null ? null : units(dailyH);
    const periodic = i.periodic ? periodicScore(i.periodic, s.dimensionWeights) : null;
    const democratic = democraticH === null ? null : units(democraticH);
    const missing = (
      [
        ['daily', daily],
        ['periodic', periodic],
        ['democratic', democratic],
      ] as const
    )
      .filter(([k, v]) => v === null && s.weights[k] > 0)
      .map(([k]) => k);
    const final = missing.length ? null : finalScore({ daily, periodic, democratic }, s.weights);
    return {
      instructorId: i.instructorId,
      daily,
      dailyEntries: i.daily.length,
      periodic,
      democratic,
      ballots: i.democratic.length,
      final,
      grade: final === null ? null : gradeOf(final, s.thresholds),
      missing,
      incomplete: missing.length > 0,
      capped: false,
    };
  });
  const graded = results.filter((r) => r.grade !== null);
  const allowed = excellentAllowed(graded.length, s.excellentCap);
  const excellent = graded.filter((r) => r.grade === 'excellent').sort(capOrder);
  for (const r of excellent.slice(allowed)) {
    r.grade = 'competent';
    r.capped = true;
  }
  return results;
}
