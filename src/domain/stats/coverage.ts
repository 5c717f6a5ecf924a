// The measures of rules.md §2 and the settings they depend on, as pure code: the server's
// SQL groups enterprises by the keys below, and these functions turn the groups into figures.

import {
  DEFAULT_KEY_WATCH_EMPLOYEES,
  DEFAULT_SURVEY_MIN_EMPLOYEES,
  DEFAULT_SURVEY_MIN_SOCIAL_ORG_STAFF,
  LEDGER_CATEGORIES,
  type LedgerCategory,
} from '../enterprise/categories.ts';

/**
 * The employee band edges the kept counts are grouped by (PostgreSQL dangjian_band:
 * width_bucket): the size bands of §1 and the survey scope's 30. A head-count threshold that
 * is one of them can be answered from the counts; any other is answered from the facts.
 */
export const BAND_EDGES = [10, 30, 50, 100, 300] as const;

/** The band index of a head count: 0 below 10, 5 from 300 — as width_bucket computes it. */
export function bandOf(employees: number): number {
  return BAND_EDGES.filter((edge) => employees >= edge).length;
}

/** The lowest band at or above a threshold, or null when the threshold is not a band edge. */
export function bandFrom(threshold: number): number | null {
  const i = (BAND_EDGES as readonly number[]).indexOf(threshold);
  return i < 0 ? null : i + 1;
}

export const COVERAGE_SCOPES = ['all', 'survey'] as const;
/** §2 统计口径: every in-scope enterprise, or the common survey scope. */
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];

export interface CoverageSettings {
  /** The scope figures use unless a request names one. */
  defaultScope: CoverageScope;
  /** §2 survey scope: enterprises with this many employees or more. */
  surveyMinEmployees: number;
  /** §2 survey scope: social organizations with this many staff or more. */
  surveyMinSocialOrgStaff: number;
  /** §3 重点盯住: enterprises with this many employees or more and no party organization. */
  keyWatchEmployees: number;
  /** §9: a region lagging its parent's org coverage rate by more than this many points. */
  laggingPoints: number;
  /** §9: the quarterly report is due this many days after the quarter ends. */
  quarterlyDueDays: number;
}

export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = {
  defaultScope: 'all',
  surveyMinEmployees: DEFAULT_SURVEY_MIN_EMPLOYEES,
  surveyMinSocialOrgStaff: DEFAULT_SURVEY_MIN_SOCIAL_ORG_STAFF,
  keyWatchEmployees: DEFAULT_KEY_WATCH_EMPLOYEES,
  laggingPoints: 10,
  quarterlyDueDays: 10,
};

/** Whether the kept counts (grouped by band) can tell every threshold the figures need. */
export function thresholdsOnBandEdges(s: CoverageSettings, scope: CoverageScope): boolean {
  if (bandFrom(s.keyWatchEmployees) === null) return false;
  return (
    scope !== 'survey' || (bandFrom(s.surveyMinEmployees) !== null && bandFrom(s.surveyMinSocialOrgStaff) !== null)
  );
}

/**
 * What a coverage figure selects among in-scope enterprises: the rates' numerators (rules.md §2)
 * and `none`, not covered by any org (the 未建 side of the annual table).
 */
export const COVERAGE_SELECTIONS = ['org', 'standalone', 'joint', 'work', 'none'] as const;
export type CoverageSelection = (typeof COVERAGE_SELECTIONS)[number];

/** One group of enterprises sharing every key the figures depend on. */
export interface CoverageGroup {
  inScope: boolean;
  category: LedgerCategory;
  orgCoverage: 'standalone' | 'joint' | null;
  workCovered: boolean;
  /** At or above the key-watch head count (重点盯住 when not org-covered). */
  large: boolean;
  aboveScale: boolean;
  n: number;
  employees: number;
  members: number;
  fullMembers: number;
  withMembers: number;
}

export interface CoverageCounts {
  inScope: number;
  /** Out of scope: 吊销, 注销, 迁出 (shown, never in a denominator). */
  closed: number;
  orgCovered: number;
  standalone: number;
  joint: number;
  /**
   * Of `joint`: enterprises with 3 or more full members, whose category is `should_form`. The
   * forms count them as covered (联合) and flag them 应单独组建, so 已建 and 未建 partition the total.
   */
  jointShouldStandalone: number;
  workCovered: number;
  categories: Record<LedgerCategory, number>;
  flags: { key_watch: number; needs_instructor: number };
  aboveScale: number;
  employees: number;
  /** Enterprises with at least one member, members and full members. */
  withMembers: number;
  members: number;
  fullMembers: number;
}

export interface CoverageRates {
  /** Fractions (0.22, not 22); null for an empty denominator (shown as “—”). Printed by rate.ts. */
  orgCoverageRate: number | null;
  standaloneRate: number | null;
  workCoverageRate: number | null;
}

export function emptyCounts(): CoverageCounts {
  return {
    inScope: 0,
    closed: 0,
    orgCovered: 0,
    standalone: 0,
    joint: 0,
    jointShouldStandalone: 0,
    workCovered: 0,
    categories: Object.fromEntries(LEDGER_CATEGORIES.map((c) => [c, 0])) as Record<LedgerCategory, number>,
    flags: { key_watch: 0, needs_instructor: 0 },
    aboveScale: 0,
    employees: 0,
    withMembers: 0,
    members: 0,
    fullMembers: 0,
  };
}

/** Adds a group into the counts (the survey scope, when asked, chose the groups before). */
export function addGroup(c: CoverageCounts, g: CoverageGroup): void {
  if (!g.inScope) {
    c.closed += g.n;
    return;
  }
  c.inScope += g.n;
  if (g.orgCoverage !== null) c.orgCovered += g.n;
  if (g.orgCoverage === 'standalone') c.standalone += g.n;
  if (g.orgCoverage === 'joint') c.joint += g.n;
  if (g.orgCoverage === 'joint' && g.category === 'should_form') c.jointShouldStandalone += g.n;
  if (g.workCovered) c.workCovered += g.n;
  else c.flags.needs_instructor += g.n;
  if (g.orgCoverage === null && g.large) c.flags.key_watch += g.n;
  c.categories[g.category] += g.n;
  if (g.aboveScale) c.aboveScale += g.n;
  c.employees += g.employees;
  c.withMembers += g.withMembers;
  c.members += g.members;
  c.fullMembers += g.fullMembers;
}

/** Sums counts field by field: a total is the exact sum of its rows. */
export function sumCounts(rows: readonly CoverageCounts[]): CoverageCounts {
  const t = emptyCounts();
  for (const r of rows) {
    for (const k of [
      'inScope',
      'closed',
      'orgCovered',
      'standalone',
      'joint',
      'jointShouldStandalone',
      'workCovered',
      'aboveScale',
      'employees',
      'withMembers',
      'members',
      'fullMembers',
    ] as const) {
      t[k] += r[k];
    }
    for (const c of LEDGER_CATEGORIES) t.categories[c] += r.categories[c];
    t.flags.key_watch += r.flags.key_watch;
    t.flags.needs_instructor += r.flags.needs_instructor;
  }
  return t;
}

export const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** Rates recomputed from the counts, never averaged. */
export function ratesOf(c: CoverageCounts): CoverageRates {
  return {
    orgCoverageRate: rate(c.orgCovered, c.inScope),
    standaloneRate: rate(c.standalone, c.inScope),
    workCoverageRate: rate(c.workCovered, c.inScope),
  };
}
