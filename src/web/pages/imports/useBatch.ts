import { useQuery } from '@tanstack/react-query';
import type { AnyBatch } from '../../api/types.ts';
import { api } from '../../api.ts';
import type { KindDef } from './kinds.ts';

// Batches of every kind share one numbering (import_batches), so the id alone keys the cache.
export const batchKey = (id: number | string) => ['ledger', 'batch', String(id)] as const;

/** A batch, asked again every second while its file is being read. */
export function useBatch(kind: KindDef, id: string) {
  return useQuery({
    queryKey: batchKey(id),
    queryFn: () => api.get<AnyBatch>(kind.api(id)),
    refetchInterval: (query) => (query.state.data?.status === 'reading' ? 1000 : false),
  });
}
