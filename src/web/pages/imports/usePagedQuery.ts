import { useState } from 'react';
import type { Page } from '../../api/types.ts';
import type { Query } from '../../api.ts';
import { usePagedQuery as usePage } from '../../components/list/usePagedQuery.ts';

export const PREVIEW_PAGE_SIZE = 20;

/** One list of a batch's preview, a page at a time (the page is the tab's own, not the URL's). */
export function usePagedQuery<T>(path: string, query: Query) {
  const [page, setPage] = useState(1);
  const result = usePage<Page<T>>(['ledger', 'batch-list', path], path, query, { page, pageSize: PREVIEW_PAGE_SIZE });
  return { ...result, page, setPage };
}
