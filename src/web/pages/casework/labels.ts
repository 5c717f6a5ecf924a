// Labels, colours and links of the casework pages.
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api } from '../../api.ts';
import type { MessageKey } from '../../i18n/index.tsx';
import type { Assignments, Outcome, OutcomeKind, RequestStatus } from './types.ts';

export const STATUS_COLORS: Record<RequestStatus, string> = {
  received: 'blue',
  coordinating: 'gold',
  resolved: 'green',
  unresolved: 'default',
};

export const statusKey = (s: RequestStatus): MessageKey => `request.status.${s}`;
export const categoryKey = (c: string): MessageKey => `request.category.${c}` as MessageKey;
export const kindKey = (k: OutcomeKind): MessageKey => `outcome.kind.${k}`;
export const unitKey = (k: OutcomeKind): MessageKey => `outcome.unit.${k}`;

/** The page of the record a derived outcome is counted from. */
export function sourceHref(o: Outcome): string | null {
  switch (o.source) {
    case 'development':
      return `/developments/${o.id}`;
    case 'member':
      return `/members/${o.id}`;
    case 'request':
      return `/casework/requests/${o.id}`;
    default:
      return null;
  }
}

/** The Sunday ending the week that starts on `monday`. */
export const sundayOf = (monday: string) => dayjs(monday).add(6, 'day').format('YYYY-MM-DD');

export const today = () => dayjs().format('YYYY-MM-DD');

/** The assignments in force today in the user's scope (an instructor: their own). */
export function useAssignments(filter: Record<string, string | number | boolean | undefined> = {}) {
  return useQuery({
    queryKey: ['casework', 'assignments', filter],
    queryFn: () => api.get<Assignments>('/api/casework/assignments', filter),
  });
}

/** The department catalogue (the instructors area's), for the departments coordinated. */
export function useDepartments() {
  return useQuery({
    queryKey: ['departments'],
    queryFn: () => api.get<{ id: number; name: string }[]>('/api/departments'),
    staleTime: 60_000,
  });
}
