import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';
import type { ImportBatch } from '../../types.ts';

export const batchKey = (id: number | string) => ['ledger', 'batch', String(id)] as const;

/** A batch, asked again every second while its file is being read. */
export function useBatch(id: string) {
  return useQuery({
    queryKey: batchKey(id),
    queryFn: () => api.get<ImportBatch>(`/api/import-batches/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'reading' ? 1000 : false),
  });
}
