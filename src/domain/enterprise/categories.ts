// The ledger's classification of an in-scope enterprise (shared/domain/rules.md §1–§3).
// The same rules exist twice — as TypeScript for single records and as SQL for lists and
// counts — and are kept side by side here so that a change to one is seen next to the other.
import type { RegistrationStatus } from './codes.ts';

/** §1: 吊销, 注销, 迁出 leave every denominator; the history stays. */
export const IN_SCOPE_STATUSES: readonly RegistrationStatus[] = ['active', 'operating', 'moved_in'];

export function inScope(registrationStatus: RegistrationStatus): boolean {
  return IN_SCOPE_STATUSES.includes(registrationStatus);
}

/** §4: a unit with this many full members must have its own branch — party rules, not configurable. */
export const STANDALONE_MIN_FULL_MEMBERS = 3;

export const LEDGER_CATEGORIES = ['standalone', 'joint', 'should_form', 'joint_candidate', 'no_member'] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<'zh-CN' | 'en-US', Record<LedgerCategory, string>> = {
  'zh-CN': {
    standalone: '已单独建立党组织',
    joint: '已联合建立党组织',
    should_form: '应建未建',
    joint_candidate: '有党员未建',
    no_member: '无党员',
  },
  'en-US': {
    standalone: 'Own party organization',
    joint: 'Covered by a joint organization',
    should_form: 'Should form its own, not yet formed',
    joint_candidate: 'Has members, not covered',
    no_member: 'No party members',
  },
};

export interface CategoryFacts {
  /** Covered by its own (standalone) organization at the date. */
  standaloneCovered: boolean;
  /** Covered by a joint organization at the date. */
  jointCovered: boolean;
  /** Full and probationary members working there. */
  memberCount: number;
  fullMemberCount: number;
}

/**
 * §3, first match wins. Rule 3 is tested before rule 2 because §3 says an enterprise with
 * ≥3 full members that is covered only by a joint org is `should_form`, not `joint`
 * (regulations require its own branch); otherwise the order is the spec's.
 */
export function categorize(f: CategoryFacts): LedgerCategory {
  if (f.standaloneCovered) return 'standalone';
  if (f.fullMemberCount >= STANDALONE_MIN_FULL_MEMBERS) return 'should_form';
  if (f.jointCovered) return 'joint';
  // 1–2 full members, or probationary members only. A full count above the member count is
  // inconsistent data, but still means there are members.
  if (f.memberCount > 0 || f.fullMemberCount > 0) return 'joint_candidate';
  return 'no_member';
}

/**
 * `categorize` as a PostgreSQL CASE expression yielding the category code. The arguments are
 * SQL expressions chosen by server code (e.g. `e.member_count`), never user input: they are
 * pasted in as they are. NULL counts and flags read as 0 and false, as in a fresh record.
 */
export function categorySql(cols: {
  standaloneCovered: string;
  jointCovered: string;
  memberCount: string;
  fullMemberCount: string;
}): string {
  const standalone = `coalesce((${cols.standaloneCovered}), false)`;
  const joint = `coalesce((${cols.jointCovered}), false)`;
  const members = `coalesce((${cols.memberCount}), 0)`;
  const full = `coalesce((${cols.fullMemberCount}), 0)`;
  return [
    'CASE',
    `WHEN ${standalone} THEN 'standalone'`,
    `WHEN ${full} >= ${STANDALONE_MIN_FULL_MEMBERS} THEN 'should_form'`,
    `WHEN ${joint} THEN 'joint'`,
    `WHEN ${members} > 0 OR ${full} > 0 THEN 'joint_candidate'`,
    `ELSE 'no_member'`,
    'END',
  ].join(' ');
}

/** Defaults of the *(configurable)* thresholds. */
export const DEFAULT_KEY_WATCH_EMPLOYEES = 100;
export const DEFAULT_SURVEY_MIN_EMPLOYEES = 10;
export const DEFAULT_SURVEY_MIN_SOCIAL_ORG_STAFF = 30;
/**
 * Document 001 (对不具备建立党组织条件的企业先建群团组织): an enterprise without party members
 * and with this many employees or more is prompted to form a trade union or Youth League
 * organization first, when it has neither.
 */
export const MASS_ORG_PROMPT_MIN_EMPLOYEES = 50;

export interface LedgerFlags {
  /** 重点盯住: large and without any party organization. */
  key_watch: boolean;
  /** Neither an organization nor an instructor or liaison reaches it. */
  needs_instructor: boolean;
}

export const FLAG_LABELS: Record<'zh-CN' | 'en-US', Record<keyof LedgerFlags, string>> = {
  'zh-CN': { key_watch: '重点盯住', needs_instructor: '需选派指导员' },
  'en-US': { key_watch: 'Key watch', needs_instructor: 'Needs an instructor' },
};

/** §3 orthogonal flags (`restructured` is a recorded fact, not computed here). */
export function flags(
  f: { employees: number; orgCovered: boolean; workCovered: boolean },
  { keyWatchEmployees = DEFAULT_KEY_WATCH_EMPLOYEES }: { keyWatchEmployees?: number } = {},
): LedgerFlags {
  return {
    key_watch: f.employees >= keyWatchEmployees && !f.orgCovered,
    needs_instructor: !f.workCovered,
  };
}

/**
 * §1 size bands with their bounds, so the server can filter with an index-friendly
 * `employees >= min AND employees < maxExclusive` instead of computing the band per row.
 */
export const SIZE_BANDS = [
  { code: 'lt10', min: 0, maxExclusive: 10, labels: { 'zh-CN': '10 人以下', 'en-US': 'Under 10' } },
  { code: '10_49', min: 10, maxExclusive: 50, labels: { 'zh-CN': '10–49 人', 'en-US': '10–49' } },
  { code: '50_99', min: 50, maxExclusive: 100, labels: { 'zh-CN': '50–99 人', 'en-US': '50–99' } },
  { code: '100_299', min: 100, maxExclusive: 300, labels: { 'zh-CN': '100–299 人', 'en-US': '100–299' } },
  { code: '300plus', min: 300, maxExclusive: null, labels: { 'zh-CN': '300 人及以上', 'en-US': '300 and more' } },
] as const;
export type SizeBand = (typeof SIZE_BANDS)[number]['code'];

export function sizeBand(employees: number): SizeBand {
  // A negative or non-numeric head count is corrupt data (the import refuses it): fail loudly.
  if (!(employees >= 0)) throw new RangeError(`sizeBand: invalid employee count ${employees}`);
  const band = SIZE_BANDS.find((b) => b.maxExclusive === null || employees < b.maxExclusive);
  return (band as (typeof SIZE_BANDS)[number]).code;
}
