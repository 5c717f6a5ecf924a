import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Page } from '../../api/types.ts';
import { api, type Query } from '../../api.ts';

export const PREVIEW_PAGE_SIZE = 20;

/** One list of a batch's preview, a page at a time (the page is the tab's own). */
export function usePagedQuery<T>(path: string, query: Query) {
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: ['ledger', 'batch-list', path, query, page],
    queryFn: () => api.get<Page<T>>(path, { ...query, page, pageSize: PREVIEW_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return { ...result, page, setPage };
}
