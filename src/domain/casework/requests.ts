// Enterprise requests (诉求, rules.md §8): tracked from received through coordinating to
// resolved or closed unresolved, with the values obtained.
import { choices } from '../enterprise/codes.ts';

// The categories are the instructor area's (domain/instructor/codes.ts): one list for the
// relevance map and for the requests themselves.
export { REQUEST_CATEGORIES, type RequestCategory } from '../instructor/codes.ts';

export const REQUEST_STATUSES = choices({
  received: '已受理',
  coordinating: '协调中',
  resolved: '已解决',
  unresolved: '未解决（已关闭）',
});
export type RequestStatus = (typeof REQUEST_STATUSES)[number]['code'];

export const isClosed = (s: RequestStatus) => s === 'resolved' || s === 'unresolved';

const label = (s: RequestStatus) => REQUEST_STATUSES.find((c) => c.code === s)?.label ?? s;

/**
 * Where a request may go next. A request may be solved at once (received → resolved), but is
 * closed unresolved only after coordination was tried. Closed is final: a new development is
 * a new request. Staying in the same open status is a progress note.
 */
const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['received', 'coordinating', 'resolved'],
  coordinating: ['coordinating', 'resolved', 'unresolved'],
  resolved: [],
  unresolved: [],
};

/** Why the move is refused, in Chinese; null when it is allowed. */
export function transitionError(from: RequestStatus, to: RequestStatus): string | null {
  if (NEXT[from].includes(to)) return null;
  if (isClosed(from)) return `诉求已${from === 'resolved' ? '解决' : '关闭'}，不能再更新；如有新情况请登记新的诉求`;
  if (from === 'received' && to === 'unresolved') return '诉求须先经协调（协调中），才能关闭为未解决';
  return `诉求状态不能从“${label(from)}”改为“${label(to)}”`;
}

export const nextStatuses = (from: RequestStatus): readonly RequestStatus[] => NEXT[from];

/** What a resolved request obtained for the enterprise: 万元 amounts and head counts. */
export const REQUEST_VALUES = [
  { code: 'grants', label: '争取资金', unit: '万元', whole: false },
  { code: 'loans', label: '协调贷款', unit: '万元', whole: false },
  { code: 'hires', label: '帮助招工', unit: '人', whole: true },
  { code: 'trainees', label: '培训职工', unit: '人', whole: true },
  { code: 'feesReduced', label: '减免费用', unit: '万元', whole: false },
] as const;
export type RequestValueKey = (typeof REQUEST_VALUES)[number]['code'];
export type RequestValues = Record<RequestValueKey, number | null>;

/** Values are obtained only by solving: a request closed unresolved has none. */
export function valuesError(status: RequestStatus, values: Partial<RequestValues>): string | null {
  if (status !== 'unresolved') return null;
  const given = REQUEST_VALUES.filter((v) => (values[v.code] ?? 0) > 0);
  return given.length === 0 ? null : `未解决的诉求不能登记所得（${given.map((v) => v.label).join('、')}）`;
}
