// The columns of the paper forms (reports.md §1, §2), shared by the screen and the .xlsx so
// both show the same figures in the same order. A column may open the enterprises behind it
// (the stats list's selection), for the figures that count enterprises as of the report date.
import type { CoverageSelection } from '../stats/coverage.ts';
import { fractionTenths, rateTenths, tenthsText } from '../stats/rate.ts';
import type { RegionKey } from './rows.ts';

/** `money`: an amount in 万元, two decimals. */
export type ColumnKind = 'count' | 'rate' | 'points' | 'money';

/** What a click on an enterprise figure lists: the query of /stats/enterprises. */
export interface ListSelection {
  category?: 'standalone' | 'joint' | 'should_form' | 'joint_candidate' | 'no_member';
  coverage?: CoverageSelection;
  flag?: 'key_watch' | 'needs_instructor';
}

export interface FormColumn<K extends string> {
  key: K;
  /** The upper header; columns with the same group in a row are merged under it. */
  group: string;
  /** The lower header; absent for a column whose group spans both header rows. */
  label?: string;
  kind: ColumnKind;
  list?: ListSelection;
  /** A rate column's numerator and denominator among the row's counts: the rate is printed from them. */
  ratio?: { n: K; d: K };
}

export const QUARTERLY_COUNT_KEYS = [
  'newOrgs',
  'standalone',
  'joint',
  'committees',
  'generalBranches',
  'branches',
  'newlyCovered',
  'orgCovered',
  'inScope',
  'prevOrgCovered',
  'prevInScope',
] as const;
export type QuarterlyCountKey = (typeof QUARTERLY_COUNT_KEYS)[number];

export interface QuarterlyRow extends RegionKey, Record<QuarterlyCountKey, number> {
  orgCoverageRate: number | null;
  prevOrgCoverageRate: number | null;
  /** 较上季变化: percentage points, one decimal. */
  changePoints: number | null;
}

export const QUARTERLY_COLUMNS: FormColumn<QuarterlyCountKey | 'orgCoverageRate' | 'changePoints'>[] = [
  { key: 'newOrgs', group: '本季新建党组织数', kind: 'count' },
  { key: 'standalone', group: '其中：按组建方式', label: '单独组建', kind: 'count' },
  { key: 'joint', group: '其中：按组建方式', label: '联合组建', kind: 'count' },
  { key: 'committees', group: '其中：按类别', label: '党委', kind: 'count' },
  { key: 'generalBranches', group: '其中：按类别', label: '党总支', kind: 'count' },
  { key: 'branches', group: '其中：按类别', label: '党支部', kind: 'count' },
  { key: 'newlyCovered', group: '新覆盖企业数', kind: 'count' },
  {
    key: 'orgCoverageRate',
    group: '季末党组织覆盖率',
    kind: 'rate',
    list: { coverage: 'org' },
    ratio: { n: 'orgCovered', d: 'inScope' },
  },
  { key: 'changePoints', group: '较上季变化（百分点）', kind: 'points' },
];

export const ANNUAL_COUNT_KEYS = [
  'inScope',
  'aboveScale',
  'employees',
  'withMembers',
  'members',
  'fullMembers',
  'orgCovered',
  'standalone',
  'joint',
  'jointShouldStandalone',
  'orgs',
  'committees',
  'generalBranches',
  'branches',
  'jointBranches',
  'shouldForm',
  'jointCandidate',
  'noMember',
  'massOrgOnly',
  'assignedEnterprises',
  'instructors',
  'liaisons',
  'workCovered',
  'newOrgs',
  'developed',
  'activists',
  'termsDue',
  'reelectedOnTime',
  'secretaryLegalRepresentative',
  'secretaryUnionChair',
  'officersInManagement',
] as const;
export type AnnualCountKey = (typeof ANNUAL_COUNT_KEYS)[number];

export interface AnnualRow extends RegionKey, Record<AnnualCountKey, number> {
  orgCoverageRate: number | null;
  workCoverageRate: number | null;
}

export const ANNUAL_COLUMNS: FormColumn<AnnualCountKey | 'orgCoverageRate' | 'workCoverageRate'>[] = [
  { key: 'inScope', group: '企业', label: '企业总数', kind: 'count', list: {} },
  { key: 'aboveScale', group: '企业', label: '其中规模以上', kind: 'count' },
  { key: 'employees', group: '企业', label: '从业人员数', kind: 'count' },
  { key: 'withMembers', group: '党员', label: '有党员的企业数', kind: 'count' },
  { key: 'members', group: '党员', label: '党员总数', kind: 'count' },
  { key: 'fullMembers', group: '党员', label: '其中正式党员', kind: 'count' },
  { key: 'orgCovered', group: '已建党组织的企业', label: '合计', kind: 'count', list: { coverage: 'org' } },
  { key: 'standalone', group: '已建党组织的企业', label: '单独组建', kind: 'count', list: { coverage: 'standalone' } },
  { key: 'joint', group: '已建党组织的企业', label: '联合组建', kind: 'count', list: { coverage: 'joint' } },
  {
    key: 'jointShouldStandalone',
    group: '已建党组织的企业',
    label: '其中应单独组建（≥3名正式党员）',
    kind: 'count',
    list: { category: 'should_form', coverage: 'joint' },
  },
  { key: 'orgs', group: '党组织', label: '合计', kind: 'count' },
  { key: 'committees', group: '党组织', label: '党委', kind: 'count' },
  { key: 'generalBranches', group: '党组织', label: '党总支', kind: 'count' },
  { key: 'branches', group: '党组织', label: '党支部', kind: 'count' },
  { key: 'jointBranches', group: '党组织', label: '其中联合党支部', kind: 'count' },
  {
    key: 'shouldForm',
    group: '未建党组织的企业',
    label: '应建未建（≥3名正式党员）',
    kind: 'count',
    list: { category: 'should_form', coverage: 'none' },
  },
  {
    key: 'jointCandidate',
    group: '未建党组织的企业',
    label: '有党员未建（<3）',
    kind: 'count',
    list: { category: 'joint_candidate' },
  },
  { key: 'noMember', group: '未建党组织的企业', label: '无党员', kind: 'count', list: { category: 'no_member' } },
  // An "of which" of 未建 (document 001: 先建群团组织), outside the partition of 企业总数.
  { key: 'massOrgOnly', group: '未建党组织的企业', label: '其中已建工会或团组织', kind: 'count' },
  { key: 'assignedEnterprises', group: '工作覆盖', label: '选派指导员（联系员）的企业数', kind: 'count' },
  { key: 'instructors', group: '工作覆盖', label: '指导员人数', kind: 'count' },
  { key: 'liaisons', group: '工作覆盖', label: '联系员人数', kind: 'count' },
  {
    key: 'orgCoverageRate',
    group: '覆盖率',
    label: '党组织覆盖率',
    kind: 'rate',
    list: { coverage: 'org' },
    ratio: { n: 'orgCovered', d: 'inScope' },
  },
  {
    key: 'workCoverageRate',
    group: '覆盖率',
    label: '党的工作覆盖率',
    kind: 'rate',
    list: { coverage: 'work' },
    ratio: { n: 'workCovered', d: 'inScope' },
  },
  { key: 'newOrgs', group: '本年情况', label: '新建党组织数', kind: 'count' },
  { key: 'developed', group: '本年情况', label: '发展党员数', kind: 'count' },
  { key: 'activists', group: '本年情况', label: '入党积极分子数', kind: 'count' },
  { key: 'termsDue', group: '本年情况', label: '应换届数', kind: 'count' },
  { key: 'reelectedOnTime', group: '本年情况', label: '按期换届数', kind: 'count' },
  // 双向进入、交叉兼职 (documents 000, 004; table 27 of the official forms).
  { key: 'secretaryLegalRepresentative', group: '交叉任职', label: '法定代表人兼任党组织书记', kind: 'count' },
  { key: 'secretaryUnionChair', group: '交叉任职', label: '党组织书记兼任工会主席', kind: 'count' },
  { key: 'officersInManagement', group: '交叉任职', label: '党组织班子成员进入管理层人数', kind: 'count' },
];

/** A rate column's value in tenths of a percent: from its counts where the row has them. */
function rateCell<K extends string>(row: object, col: FormColumn<K>): number | null {
  const r = row as Record<string, unknown>;
  if (col.ratio) {
    const n = r[col.ratio.n];
    const d = r[col.ratio.d];
    if (typeof n === 'number' && typeof d === 'number') return rateTenths(n, d);
  }
  const v = r[col.key];
  return typeof v === 'number' ? fractionTenths(v) : null;
}

/**
 * The value a column's cell holds for a row: a count, points, or a rate as the fraction the
 * form prints (0.288 for 23 of 80, so a 0.0% cell shows what the screen shows); null is “—”.
 */
export function cellValue<K extends string>(row: object, col: FormColumn<K>): number | null {
  if (col.kind === 'rate') {
    const t = rateCell(row, col);
    return t === null ? null : t / 1000;
  }
  const v = (row as Record<string, unknown>)[col.key];
  return typeof v === 'number' ? v : null;
}

/** The text a column shows for a row on the screen: rates by the domain's rule, “—” for none. */
export function cellText<K extends string>(row: object, col: FormColumn<K>): string {
  if (col.kind === 'rate') return tenthsText(rateCell(row, col));
  const v = cellValue(row, col);
  if (v === null) return '—';
  if (col.kind === 'points') return `${v > 0 ? '+' : ''}${v.toFixed(1)}`;
  if (col.kind === 'money') return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return v.toLocaleString('zh-CN');
}

/** Org types as the forms count them: joint and temporary branches are 党支部. */
export function typeColumn(type: string): 'committees' | 'generalBranches' | 'branches' {
  if (type === 'committee') return 'committees';
  if (type === 'general_branch') return 'generalBranches';
  return 'branches';
}
