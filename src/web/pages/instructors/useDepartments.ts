import { useQuery } from '@tanstack/react-query';
import type { Department } from '../../api/types.ts';
import { api } from '../../api.ts';

/** The department catalogue (the server loads the defaults the first time a deployment has none). */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<Department[]>('/api/departments'),
  });
}
