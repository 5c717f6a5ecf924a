// Instructors' outcomes (成果, rules.md §8), per assignment, date and role. Record once: what
// the system already knows is derived, never typed again —
//   activists cultivated, members developed  ← the development records (and members joined)
//     of an assigned enterprise during the assignment;
//   problems solved, grants, loans, hires, trainees, fees reduced  ← the requests resolved
//     during the assignment and the values recorded on them;
//   pledges, proposals, problems solved, innovations and their benefit  ← what the orgs
//     recorded as achieved at the enterprise during the assignment (domain/achievements):
//     typed figures of those kinds count only for an assignment without such a record.
// Only the other kinds are typed in.
import { choices } from '../enterprise/codes.ts';

export const OUTCOME_ROLES = choices({ guide: '党建指导', service: '发展服务', coordination: '和谐协调' });
export type OutcomeRole = (typeof OUTCOME_ROLES)[number]['code'];

/** Where a derived kind comes from. */
export type OutcomeSource = 'typed' | 'development' | 'request';

export const OUTCOME_KINDS = [
  { code: 'activists', label: '培养入党积极分子', unit: '名', source: 'development', whole: true },
  { code: 'members', label: '发展党员', unit: '名', source: 'development', whole: true },
  { code: 'systems', label: '建立制度', unit: '项', source: 'typed', whole: true },
  { code: 'venues', label: '建设活动场所', unit: '个', source: 'typed', whole: true },
  { code: 'funds', label: '筹集党建经费', unit: '万元', source: 'typed', whole: false },
  { code: 'pledges', label: '承诺践诺', unit: '项', source: 'typed', whole: true },
  { code: 'proposals', label: '建言献策', unit: '条', source: 'typed', whole: true },
  { code: 'problems', label: '解决问题', unit: '个', source: 'request', whole: true },
  { code: 'innovations', label: '创新项目', unit: '个', source: 'typed', whole: true },
  { code: 'grants', label: '争取资金', unit: '万元', source: 'request', whole: false },
  { code: 'loans', label: '协调贷款', unit: '万元', source: 'request', whole: false },
  { code: 'hires', label: '帮助招工', unit: '人', source: 'request', whole: true },
  { code: 'trainees', label: '培训职工', unit: '人', source: 'request', whole: true },
  { code: 'feesReduced', label: '减免费用', unit: '万元', source: 'request', whole: false },
] as const satisfies readonly { code: string; label: string; unit: string; source: OutcomeSource; whole: boolean }[];
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]['code'];

export const TYPED_KINDS = OUTCOME_KINDS.filter((k) => k.source === 'typed').map((k) => k.code);
export type TypedKind = 'systems' | 'venues' | 'funds' | 'pledges' | 'proposals' | 'innovations';

export const kindOf = (code: string) => OUTCOME_KINDS.find((k) => k.code === code);

/**
 * The role a derived outcome is counted under: development work is party-building guidance;
 * a labour dispute settled is harmony coordination; any other request solved is development
 * service; an achievement by its kind (`detail`: the outcome kind).
 */
export function derivedRole(source: 'development' | 'request' | 'achievement', detail?: string): OutcomeRole {
  if (source === 'development') return 'guide';
  // An org's pledges and proposals are party-building work; what it solved or invented serves the business.
  if (source === 'achievement') return detail === 'problems' || detail === 'innovations' ? 'service' : 'guide';
  return detail === 'labour_dispute' ? 'coordination' : 'service';
}

/** Whole numbers for head counts and items; amounts in 万元 to two decimals. */
export function quantityError(kind: OutcomeKind, quantity: number): string | null {
  const k = kindOf(kind);
  if (!k) return '未知的成果类别';
  if (!(quantity > 0)) return `${k.label}的数量须大于 0`;
  if (k.whole && !Number.isInteger(quantity)) return `${k.label}按${k.unit}计，须为整数`;
  if (!k.whole && Math.abs(quantity * 100 - Math.round(quantity * 100)) > 1e-6)
    return `${k.label}（万元）最多保留两位小数`;
  return null;
}
