import { useSearchParams } from 'react-router';
import { type Params, readParams, type Values, writeParams } from './params.ts';

export interface ListState<P extends Params> {
  filter: Values<P>;
  page: number;
  pageSize: number;
  /** Changes some filters and starts again at page 1 (unless `page` is given). */
  set: (
    patch: Partial<Values<P>> | ((current: Values<P>) => Partial<Values<P>>),
    options?: { page?: number; replace?: boolean },
  ) => void;
  setPage: (page: number) => void;
  /** The URL's parameters as they are now. */
  search: URLSearchParams;
}

/**
 * A list page's state, all of it in the URL (so a reload, the back button and a shared link
 * show the same list): the declared filters and the page. Undeclared parameters are dropped
 * when the list changes.
 */
export function useListState<P extends Params>(params: P, { pageSize = 20 }: { pageSize?: number } = {}): ListState<P> {
  const [search, setSearch] = useSearchParams();
  const filter = readParams(params, search);
  const page = Math.max(1, Number(search.get('page')) || 1);

  // The next URL is built from the current one, read when the user acts: right after a
  // navigation the page may not have re-rendered yet, and what it read from the URL would be old.
  const go = (patch: Parameters<ListState<P>['set']>[0], nextPage: number, replace = false) => {
    const now = new URLSearchParams(window.location.search);
    const current = readParams(params, now);
    const next = writeParams(params, { ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
    if (nextPage > 1) next.set('page', String(nextPage));
    setSearch(next, { replace });
  };
  return {
    filter,
    page,
    pageSize,
    set: (patch, options = {}) => go(patch, options.page ?? 1, options.replace),
    setPage: (p) => go({}, p),
    search,
  };
}
