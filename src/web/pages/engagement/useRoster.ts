import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '../../api/types.ts';
import { api } from '../../api.ts';

/** The org's members on its roster today, by name: what a secretary ticks for an activity or a review. */
export function useRoster(orgId: number) {
  return useQuery({
    queryKey: ['members', 'roster', orgId],
    queryFn: async () =>
      (await api.get<ApiResponse<'/api/members'>>(`/api/members?orgId=${orgId}&roster=active&pageSize=200`)).items,
  });
}
