// Which instructors to suggest for an enterprise without work coverage (rules.md §8: matching
// prefers a department whose function relates to the enterprise's industry), and why. A rank
// is a sum of points a person can check by hand, each factor with its own reason.

/** How near an instructor's region is to the enterprise's: the smallest division both lie in. */
export type Proximity = 'town' | 'county' | 'city' | 'province' | 'far';

/** The department's functions relate to the enterprise's industry section. */
export const RELEVANCE_POINTS = 40;
export const PROXIMITY_POINTS: Readonly<Record<Proximity, number>> = {
  town: 30,
  county: 20,
  city: 10,
  province: 5,
  far: 0,
};
/** An instructor with no enterprise gets all of it; each enterprise they already serve costs LOAD_STEP. */
export const LOAD_POINTS = 20;
export const LOAD_STEP = 5;

const PROXIMITY_TEXT: Record<Proximity, string> = {
  town: '同一乡镇（街道）',
  county: '同一县（市、区）',
  city: '同一市（州）',
  province: '同一省',
  far: '不在同一省',
};

/**
 * The smallest division two region codes (6, 9 or 12 digits, GB/T 2260) share. A code ending
 * in 00 is the division above (420500 is the city 宜昌市), so an instructor of the whole city
 * is “same city” to an enterprise in one of its counties, not “same county”.
 */
export function proximityOf(a: string, b: string): Proximity {
  if (a.length >= 9 && b.length >= 9 && a.slice(0, 9) === b.slice(0, 9)) return 'town';
  if (a.slice(0, 6) === b.slice(0, 6) && a.slice(4, 6) !== '00') return 'county';
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(2, 4) !== '00') return 'city';
  if (a.slice(0, 2) === b.slice(0, 2)) return 'province';
  return 'far';
}

export const loadPoints = (load: number) => Math.max(0, LOAD_POINTS - LOAD_STEP * load);

export interface SuggestionTarget {
  regionCode: string;
  /** The enterprise's industry section letter; null when the ledger has no industry for it. */
  section: string | null;
  /** The section's name (制造业), for the explanation. */
  sectionName: string | null;
}

export interface SuggestionCandidate {
  id: number;
  regionCode: string;
  sourceDepartmentName: string;
  /** The industry sections the candidate's department relates to (the relevance map). */
  sections: readonly string[];
  /** Enterprises assigned to the candidate today. */
  load: number;
}

export type Reason =
  /** matched null: the enterprise has no industry, so relevance cannot be judged. */
  | { factor: 'relevance'; points: number; matched: boolean | null; section: string | null }
  | { factor: 'region'; points: number; proximity: Proximity }
  | { factor: 'load'; points: number; load: number };

export interface Ranked<C extends SuggestionCandidate> {
  candidate: C;
  /** 1 is the best; every candidate has its own rank (ties are broken, see rankInstructors). */
  rank: number;
  score: number;
  reasons: Reason[];
  /** The same reasons in a zh-CN sentence. */
  explanation: string;
}

function reasonsFor(target: SuggestionTarget, c: SuggestionCandidate): Reason[] {
  const matched = target.section === null ? null : c.sections.includes(target.section);
  const proximity = proximityOf(target.regionCode, c.regionCode);
  return [
    { factor: 'relevance', points: matched ? RELEVANCE_POINTS : 0, matched, section: target.section },
    { factor: 'region', points: PROXIMITY_POINTS[proximity], proximity },
    { factor: 'load', points: loadPoints(c.load), load: c.load },
  ];
}

function reasonText(r: Reason, target: SuggestionTarget, c: SuggestionCandidate): string {
  const industry = target.sectionName ? `${target.sectionName}（${target.section}）` : `门类 ${target.section}`;
  switch (r.factor) {
    case 'relevance':
      if (r.matched === null) return `企业未登记行业，不比较部门职能（+0）`;
      return r.matched
        ? `${c.sourceDepartmentName}职能与${industry}相关（+${r.points}）`
        : `${c.sourceDepartmentName}职能与${industry}无对应（+0）`;
    case 'region':
      return `${PROXIMITY_TEXT[r.proximity]}（+${r.points}）`;
    case 'load':
      return r.load === 0 ? `目前未联系企业（+${r.points}）` : `目前联系 ${r.load} 家企业（+${r.points}）`;
  }
}

/**
 * Ranks candidates by points: department relevance (40), region (30 same town, 20 same county,
 * 10 same city, 5 same province) and load (20 less 5 per enterprise served today). Equal
 * points: the lighter load first, then the lower id (the earlier registered), so the order
 * never depends on how the database returned the rows.
 */
export function rankInstructors<C extends SuggestionCandidate>(target: SuggestionTarget, candidates: readonly C[]) {
  const scored = candidates.map((candidate) => {
    const reasons = reasonsFor(target, candidate);
    return { candidate, reasons, score: reasons.reduce((sum, r) => sum + r.points, 0) };
  });
  scored.sort((a, b) => b.score - a.score || a.candidate.load - b.candidate.load || a.candidate.id - b.candidate.id);
  return scored.map(
    (s, i): Ranked<C> => ({
      ...s,
      rank: i + 1,
      explanation: `第 ${i + 1} 位，${s.score} 分：${s.reasons.map((r) => reasonText(r, target, s.candidate)).join('；')}`,
    }),
  );
}
