import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api.ts';

/**
 * One page of a list endpoint (`?page=&pageSize=`), the previous page kept on screen while the
 * next loads. `key` starts with the area (`['orgs', 'list']`), which is what a change invalidates.
 */
export function usePagedQuery<R>(
  key: readonly unknown[],
  path: string,
  query: Query,
  { page, pageSize }: { page: number; pageSize: number },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...key, query, page, pageSize],
    queryFn: () => api.get<R>(path, { ...query, page, pageSize }),
    placeholderData: keepPreviousData,
    enabled: options.enabled,
  });
}
