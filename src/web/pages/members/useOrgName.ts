import { useQuery } from '@tanstack/react-query';
import type { OrgDetail } from '../../api/types.ts';
import { api } from '../../api.ts';

/** An org's name by id (the org page's query, so a visit there fills it); undefined while unknown. */
export function useOrgName(orgId: number | undefined): string | undefined {
  const query = useQuery({
    queryKey: ['orgs', 'detail', String(orgId)],
    queryFn: () => api.get<OrgDetail>(`/api/orgs/${orgId}`),
    enabled: orgId !== undefined,
    staleTime: 60_000,
  });
  return query.data?.org.name;
}
