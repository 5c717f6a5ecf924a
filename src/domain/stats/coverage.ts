// The measures of rules.md §2 and the settings they depend on, as pure code: the server's
// SQL groups enterprises by the keys below, and these functions turn the groups into figures.

import {
  DEFAULT_KEY_WATCH_EMPLOYEES,
  DEFAULT_SURVEY_MIN_EMPLOYEES,
  DEFAULT_SURVEY_MIN_SOCIAL_ORG_STAFF,
  LEDGER_CATEGORIES,
  type LedgerCategory,
} from '../enterprise/categories.ts';
import { SOCIAL_ORGANIZATION_KINDS } from '../enterprise/codes.ts';

/**
 * The employee band edges the counts are kept by (PostgreSQL dangjian_band: width_bucket):
 * the size bands of §1 and the survey scope's 30. A configurable threshold is one of them.
 */
export const BAND_EDGES = [10, 30, 50, 100, 300] as const;
export type BandEdge = (typeof BAND_EDGES)[number];

/** The band index of a head count: 0 below 10, 5 from 300 — as width_bucket computes it. */
export function bandOf(employees: number): number {
  return BAND_EDGES.filter((edge) => employees >= edge).length;
}

/** The lowest band at or above a threshold that is a band edge. */
export function bandFrom(threshold: BandEdge): number {
  return BAND_EDGES.indexOf(threshold) + 1;
}

export const COVERAGE_SCOPES = ['all', 'survey'] as const;
/** §2 统计口径: every in-scope enterprise, or the common survey scope. */
export type CoverageScope = (typeof COVERAGE_SCOPES)[number];

export interface CoverageSettings {
  /** The scope figures use unless a request names one. */
  defaultScope: CoverageScope;
  surveyMinEmployees: BandEdge;
  surveyMinSocialOrgStaff: BandEdge;
  /** §9: a region lagging its parent's org coverage rate by more than this many points. */
  laggingPoints: number;
  /** §9: the quarterly report is due this many days after the quarter ends. */
  quarterlyDueDays: number;
}

export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = {
  defaultScope: 'all',
  surveyMinEmployees: DEFAULT_SURVEY_MIN_EMPLOYEES,
  surveyMinSocialOrgStaff: DEFAULT_SURVEY_MIN_SOCIAL_ORG_STAFF,
  laggingPoints: 10,
  quarterlyDueDays: 10,
};

/** Whether a group of enterprises of this kind and band is in the survey scope. */
export function inSurveyBand(kind: string, band: number, s: CoverageSettings): boolean {
  const social = (SOCIAL_ORGANIZATION_KINDS as readonly string[]).includes(kind);
  return band >= bandFrom(social ? s.surveyMinSocialOrgStaff : s.surveyMinEmployees);
}

/** 重点盯住 keeps its fixed default of 100 employees, a band edge. */
export const KEY_WATCH_BAND = bandFrom(DEFAULT_KEY_WATCH_EMPLOYEES as BandEdge);

/** One group of enterprises sharing every key the figures depend on. */
export interface CoverageGroup {
  inScope: boolean;
  category: LedgerCategory;
  orgCoverage: 'standalone' | 'joint' | null;
  workCovered: boolean;
  band: number;
  kind: string;
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

/** Adds a group into the counts, under the survey scope when asked. */
export function addGroup(c: CoverageCounts, g: CoverageGroup, scope: CoverageScope, s: CoverageSettings): void {
  if (scope === 'survey' && !inSurveyBand(g.kind, g.band, s)) return;
  if (!g.inScope) {
    c.closed += g.n;
    return;
  }
  c.inScope += g.n;
  if (g.orgCoverage !== null) c.orgCovered += g.n;
  if (g.orgCoverage === 'standalone') c.standalone += g.n;
  if (g.orgCoverage === 'joint') c.joint += g.n;
  if (g.workCovered) c.workCovered += g.n;
  else c.flags.needs_instructor += g.n;
  if (g.orgCoverage === null && g.band >= KEY_WATCH_BAND) c.flags.key_watch += g.n;
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
