import { useQueryClient } from '@tanstack/react-query';

/**
 * After a change: marks the cached data of whole areas (the first part of their query keys:
 * `orgs`, `ledger` …) stale, so every page showing them asks the server again.
 */
export function useRefresh() {
  const client = useQueryClient();
  return (...areas: string[]) => {
    for (const area of areas) void client.invalidateQueries({ queryKey: [area] });
  };
}
