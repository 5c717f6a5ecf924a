// The ledger list's filters as they live in the page's URL, the API's query and the links
// other pages (the dashboard, the prompts) make to the list. One declaration, so a link and the list agree.
import { type LedgerCategory, SIZE_BANDS } from '../../../domain/enterprise/categories.ts';
import { ENTERPRISE_KINDS, REGISTRATION_STATUSES } from '../../../domain/enterprise/codes.ts';
import { COVERAGE_SELECTIONS, type CoverageSelection } from '../../../domain/stats/coverage.ts';
import { many, oneOf, text, type Values, writeParams } from '../../components/list/params.ts';

export const KINDS = ENTERPRISE_KINDS.map((k) => k.code);
export const SIZE_BAND_CODES = SIZE_BANDS.map((b) => b.code);
export const FLAGS = ['key_watch', 'needs_instructor', 'missing', 'estimated', 'mass_org_only', 'no_mass_org'] as const;
export type Flag = (typeof FLAGS)[number];
/** 在统计范围 and 已退出统计范围 first, then each registration status. */
export const STATUSES = ['in_scope', 'closed', ...REGISTRATION_STATUSES.map((s) => s.code)] as const;

/** rules.md §2 coverage numerators, as the dashboard's rates count them, and 未建立党组织 (in scope only). */
export const COVERAGES = COVERAGE_SELECTIONS;
export type Coverage = CoverageSelection;

export const LEDGER_FILTERS = {
  region: text(),
  /** Only the enterprises registered at the region itself (the dashboard's 本级 row). */
  regionOnly: oneOf(['true'] as const),
  /** 统计口径: the survey scope narrows the list as it narrows the figures. */
  scope: oneOf(['all', 'survey'] as const),
  coverage: oneOf(COVERAGES),
  kind: many(),
  /** An industry section letter (A–T) … */
  section: text(),
  /** … or a two-digit division. */
  industry: text(),
  sizeBand: many(),
  aboveScale: oneOf(['true', 'false'] as const),
  category: many<LedgerCategory>(),
  flag: many<Flag>(),
  status: many(),
  q: text(),
};
export type LedgerFilter = Partial<Values<typeof LEDGER_FILTERS>>;

export const SORTS = ['name', 'employees', 'memberCount', 'regionCode'] as const;
export type Sort = (typeof SORTS)[number];

/** The list's URL: the filters, then the sort where it differs from by name, A to Z. */
export const LEDGER_LIST = {
  ...LEDGER_FILTERS,
  sort: oneOf(SORTS, 'name'),
  order: oneOf(['asc', 'desc'] as const, 'asc'),
};

/** A link to the ledger list showing exactly the enterprises `filter` selects. */
export function ledgerHref(filter: LedgerFilter): string {
  const s = writeParams(LEDGER_FILTERS, filter).toString();
  return s ? `/ledger?${s}` : '/ledger';
}
