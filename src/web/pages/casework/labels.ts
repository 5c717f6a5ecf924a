// Labels, colours and links of the casework pages.
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import type { OutcomeKind } from '../../../domain/casework/outcomes.ts';
import { OUTCOME_ROLES as ROLES, TYPED_KINDS } from '../../../domain/casework/outcomes.ts';
import type { RequestStatus } from '../../../domain/casework/requests.ts';
import {
  REQUEST_CATEGORIES as CATEGORIES,
  REQUEST_VALUES,
  type RequestValueKey,
  REQUEST_STATUSES as STATUSES,
} from '../../../domain/casework/requests.ts';
import type { ApiResponse, Assignments, Outcome } from '../../api/types.ts';
import { api } from '../../api.ts';
import type { MessageKey } from '../../i18n/index.tsx';

// The domain's code lists as the pages iterate them; the labels are the i18n messages.
export const REQUEST_STATUSES = STATUSES.map((s) => s.code);
export const REQUEST_CATEGORIES = CATEGORIES.map((c) => c.code);
export const VALUE_KEYS = REQUEST_VALUES.map((v) => v.code);
/** 万元 amounts; the others are head counts. */
export const MONEY: readonly RequestValueKey[] = REQUEST_VALUES.filter((v) => !v.whole).map((v) => v.code);
export const OUTCOME_ROLES = ROLES.map((r) => r.code);
export { TYPED_KINDS };

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
    // The org's record is shown with the enterprise's achievements (an instructor sees no org page).
    case 'achievement':
      return `/ledger/${o.enterpriseId}`;
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
    queryFn: () => api.get<ApiResponse<'/api/departments'>>('/api/departments'),
    staleTime: 60_000,
  });
}
