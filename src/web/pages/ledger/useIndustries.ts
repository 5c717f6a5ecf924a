import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { Industry } from '../../types.ts';

/** GB/T 4754-2017 sections and divisions; reference data, fetched once. */
export function useIndustries() {
  return useQuery({
    queryKey: ['industries'],
    queryFn: () => api.get<Industry[]>('/api/industries'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
