// The roster's filters as they live in the page's URL and the API's query: one shape.
import type { Query } from '../../api.ts';

export interface MemberFilter {
  orgId?: number;
  regionCode?: string;
  status?: 'full' | 'probationary';
  mobile?: 'true' | 'false';
  relationElsewhere?: 'true' | 'false';
  employerId?: number;
  q?: string;
  /** On the roster (default), left it, or both. */
  roster?: 'left' | 'all';
}

export type MemberView = 'roster' | 'mobile';

export interface MemberListState {
  filter: MemberFilter;
  view: MemberView;
  page: number;
}

const TEXT_KEYS = ['regionCode', 'q'] as const;
const ID_KEYS = ['orgId', 'employerId'] as const;
const CHOICES = {
  status: ['full', 'probationary'],
  mobile: ['true', 'false'],
  relationElsewhere: ['true', 'false'],
  roster: ['left', 'all'],
} as const;

export function readMemberListState(params: URLSearchParams): MemberListState {
  const filter: Record<string, string | number> = {};
  for (const k of TEXT_KEYS) {
    const v = params.get(k)?.trim();
    if (v) filter[k] = v;
  }
  for (const k of ID_KEYS) {
    const v = Number(params.get(k));
    if (Number.isInteger(v) && v > 0) filter[k] = v;
  }
  for (const [k, allowed] of Object.entries(CHOICES)) {
    const v = params.get(k);
    if (v && (allowed as readonly string[]).includes(v)) filter[k] = v;
  }
  return {
    filter: filter as MemberFilter,
    view: params.get('view') === 'mobile' ? 'mobile' : 'roster',
    page: Number(params.get('page')) || 1,
  };
}

export function memberListSearch({ filter, view, page }: MemberListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v !== undefined && v !== '') search.set(k, String(v));
  if (view === 'mobile') search.set('view', 'mobile');
  if (page > 1) search.set('page', String(page));
  return search;
}

export const memberFilterQuery = (filter: MemberFilter, view: MemberView): Query => ({
  ...filter,
  roster: filter.roster ?? 'active',
  view,
});

/** How many filters are set, the name search left out (the badge on the phone's filter button). */
export const memberFilterCount = (filter: MemberFilter) =>
  (['orgId', 'regionCode', 'status', 'mobile', 'relationElsewhere', 'employerId', 'roster'] as const).filter(
    (k) => filter[k] !== undefined,
  ).length;
