// What an assessment deployment may configure (rules.md §8), and the defaults the rules name.

export interface AssessmentSettings {
  /** Whole percentages of the final score; they add up to 100. A component weighted 0 is not required. */
  weights: { daily: number; periodic: number; democratic: number };
  /** Relative whole-number weights of the periodic assessment's three dimensions (1:1:1 is their mean). */
  dimensionWeights: { duties: number; discipline: number; effectiveness: number };
  /** Lowest final score of each grade, strictly falling; below `basic` is 不称职. */
  thresholds: { excellent: number; competent: number; basic: number };
  /** Largest share (whole percent) of graded instructors who may be 优秀; null: no cap. */
  excellentCap: number | null;
}

export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = {
  weights: { daily: 40, periodic: 40, democratic: 20 },
  dimensionWeights: { duties: 1, discipline: 1, effectiveness: 1 },
  thresholds: { excellent: 90, competent: 75, basic: 60 },
  excellentCap: null,
};

/** Scores are kept to two decimals: 0–100 in steps of 0.01. */
export function isScore(x: number): boolean {
  return Number.isFinite(x) && x >= 0 && x <= 100 && Math.abs(Math.round(x * 100) - x * 100) < 1e-6;
}

/** What is wrong with a set of settings, as [field, Chinese message] pairs; empty when it is usable. */
export function settingsProblems(s: AssessmentSettings): [string, string][] {
  const problems: [string, string][] = [];
  const { daily, periodic, democratic } = s.weights;
  for (const [k, v] of Object.entries(s.weights)) {
    if (!Number.isInteger(v) || v < 0 || v > 100) problems.push([`weights.${k}`, '权重须为 0–100 的整数（百分比）']);
  }
  if (daily + periodic + democratic !== 100) {
    problems.push(['weights', `日常、定期、民主测评三项权重之和须为 100，现为 ${daily + periodic + democratic}`]);
  }
  for (const [k, v] of Object.entries(s.dimensionWeights)) {
    if (!Number.isInteger(v) || v < 0 || v > 100) problems.push([`dimensionWeights.${k}`, '维度权重须为 0–100 的整数']);
  }
  const { duties, discipline, effectiveness } = s.dimensionWeights;
  if (duties + discipline + effectiveness <= 0) {
    problems.push(['dimensionWeights', '履职情况、工作纪律、工作成效的权重不能全为 0']);
  }
  const { excellent, competent, basic } = s.thresholds;
  for (const [k, v] of Object.entries(s.thresholds)) {
    if (!isScore(v)) problems.push([`thresholds.${k}`, '分数线须为 0–100、最多两位小数']);
  }
  if (!(excellent > competent && competent > basic)) {
    problems.push(['thresholds', '分数线须依次降低：优秀 > 称职 > 基本称职']);
  }
  if (s.excellentCap !== null && (!Number.isInteger(s.excellentCap) || s.excellentCap < 1 || s.excellentCap > 100)) {
    problems.push(['excellentCap', '优秀比例上限须为 1–100 的整数（百分比），不设上限请留空']);
  }
  return problems;
}
