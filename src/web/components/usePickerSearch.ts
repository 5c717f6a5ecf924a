import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Query } from '../api.ts';
import { useDebounced } from './useDebounced.ts';

/**
 * What a search-as-you-type picker (an org, an enterprise, a member) asks of its list endpoint:
 * the first 20 rows matching the typed text (`?q=`), the previous ones kept while the next load.
 * `select` goes on the antd Select; `picked` clears the typed text once a row is chosen.
 */
export function usePickerSearch<R>(area: string, path: string, query: Query = {}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: [area, 'picker', q, query],
    queryFn: () => api.get<R>(path, { q, ...query, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return {
    found,
    select: {
      allowClear: true,
      loading: found.isFetching,
      showSearch: { filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true },
    },
    picked: () => setSearch(''),
  };
}
