// The org list's filters as they live in the page's URL and the API's query: one shape.
import type { Query } from '../../api.ts';

export interface OrgFilter {
  regionCode?: string;
  type?: string;
  formation?: string;
  q?: string;
  status?: 'active' | 'dissolved';
}

const KEYS = ['regionCode', 'type', 'formation', 'q', 'status'] as const;

export interface OrgListState {
  filter: OrgFilter;
  page: number;
}

export function readOrgListState(params: URLSearchParams): OrgListState {
  const filter: Record<string, string> = {};
  for (const k of KEYS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  if (filter.status && filter.status !== 'active' && filter.status !== 'dissolved') delete filter.status;
  return { filter: filter as OrgFilter, page: Number(params.get('page')) || 1 };
}

export function orgListSearch({ filter, page }: OrgListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const k of KEYS) if (filter[k]) search.set(k, String(filter[k]));
  if (page > 1) search.set('page', String(page));
  return search;
}

export const orgFilterQuery = (filter: OrgFilter): Query => ({ ...filter });

/** How many filters are set, the name search left out (the badge on the phone's filter button). */
export const orgFilterCount = (filter: OrgFilter) =>
  (['regionCode', 'type', 'formation', 'status'] as const).filter((k) => filter[k]).length;
