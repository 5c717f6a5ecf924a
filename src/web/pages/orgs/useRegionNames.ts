import { useQueries } from '@tanstack/react-query';
import type { RegionWithPath } from '../../api/types.ts';
import { api } from '../../api.ts';

/** The names of the divisions `codes` (the org list carries codes only); reference data, fetched once each. */
export function useRegionNames(codes: string[]): (code: string) => string {
  const unique = [...new Set(codes)];
  const results = useQueries({
    queries: unique.map((code) => ({
      queryKey: ['region', code],
      queryFn: () => api.get<RegionWithPath>(`/api/regions/${code}`),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const names = new Map(unique.map((code, i) => [code, results[i]?.data?.name]));
  return (code) => names.get(code) ?? code;
}
