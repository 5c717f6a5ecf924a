// The ledger list's filters as they live in the page's URL, the API's query and the links
// other pages (the dashboard) make to the list. One shape, so a link and the list agree.
import { type LedgerCategory, SIZE_BANDS } from '../../../domain/enterprise/categories.ts';
import { ENTERPRISE_KINDS, REGISTRATION_STATUSES } from '../../../domain/enterprise/codes.ts';
import type { Query } from '../../api.ts';

export const KINDS = ENTERPRISE_KINDS.map((k) => k.code);
export const SIZE_BAND_CODES = SIZE_BANDS.map((b) => b.code);
export const FLAGS = ['key_watch', 'needs_instructor', 'missing', 'estimated'] as const;
export type Flag = (typeof FLAGS)[number];
/** 在统计范围 and 已退出统计范围 first, then each registration status. */
export const STATUSES = ['in_scope', 'closed', ...REGISTRATION_STATUSES.map((s) => s.code)] as const;

/** Filters that take several values (`?category=a&category=b`). */
const LISTS = ['kind', 'sizeBand', 'category', 'flag', 'status'] as const;
/** Filters that take one. */
const SINGLES = ['region', 'regionOnly', 'scope', 'coverage', 'section', 'industry', 'aboveScale', 'q'] as const;

/** rules.md §2 coverage numerators, as the dashboard's rates count them (in scope only). */
export const COVERAGES = ['org', 'standalone', 'joint', 'work'] as const;
export type Coverage = (typeof COVERAGES)[number];

export interface LedgerFilter {
  region?: string;
  /** Only the enterprises registered at the region itself (the dashboard's 本级 row). */
  regionOnly?: 'true';
  /** 统计口径: the survey scope narrows the list as it narrows the figures. */
  scope?: 'all' | 'survey';
  coverage?: Coverage;
  kind?: string[];
  /** An industry section letter (A–T) … */
  section?: string;
  /** … or a two-digit division. */
  industry?: string;
  sizeBand?: string[];
  aboveScale?: 'true' | 'false';
  category?: LedgerCategory[];
  flag?: Flag[];
  status?: string[];
  q?: string;
}

export const SORTS = ['name', 'employees', 'memberCount', 'regionCode'] as const;
export type Sort = (typeof SORTS)[number];

export interface ListState {
  filter: LedgerFilter;
  sort: Sort;
  order: 'asc' | 'desc';
  page: number;
}

export function readListState(params: URLSearchParams): ListState {
  const filter: Record<string, unknown> = {};
  for (const k of LISTS) {
    const values = params.getAll(k).filter(Boolean);
    if (values.length) filter[k] = values;
  }
  for (const k of SINGLES) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const sort = params.get('sort');
  return {
    filter: filter as LedgerFilter,
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number(params.get('page')) || 1,
  };
}

/** The filter as query parameters, for the list's API call, the export link and the URL. */
export function filterQuery(filter: LedgerFilter): Query {
  return { ...filter };
}

/** The list's URL search: filters, then the sort and page where they differ from the defaults. */
export function listSearch({ filter, sort, order, page }: ListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    for (const one of Array.isArray(v) ? v : [v]) if (one) search.append(k, String(one));
  }
  if (sort !== 'name') search.set('sort', sort);
  if (order !== 'asc') search.set('order', order);
  if (page > 1) search.set('page', String(page));
  return search;
}

/** A link to the ledger list showing exactly the enterprises `filter` selects. */
export function ledgerHref(filter: LedgerFilter): string {
  const s = listSearch({ filter, sort: 'name', order: 'asc', page: 1 }).toString();
  return s ? `/ledger?${s}` : '/ledger';
}

/** How many filters are set (the badge on the phone's filter button). */
export function filterCount(filter: LedgerFilter): number {
  return Object.values(filter).filter((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v))).length;
}
