import { useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '../../api/types.ts';
import { api } from '../../api.ts';

/** One member's record as its page and its card show it (one cache entry for both). */
export function useMemberDetail(id: number) {
  return useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: () => api.get<MemberDetail>(`/api/members/${id}`),
  });
}
