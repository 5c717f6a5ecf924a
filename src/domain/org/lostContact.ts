// Lost-contact members (失联党员, rules.md §13): when a member counts as out of contact, how
// the org searches for them, and what it may decide. Pure; the server gathers the dates.
//
// "Out of contact since" is the member's last recorded activity: the latest of joining
// (入党), confirmation (转正), a meeting attended, an open activity taken part in, a transfer of
// the relation (issued or received), leaving to work away (外出登记), and a restored contact —
// or a later contact the org knows of and states when recording. A member may be recorded as
// lost from the day 6 calendar months after that date (inclusive): on 2026-01-31 + 6 months =
// 2026-07-31 yes, on 2026-07-30 no; month ends clamp (2026-08-31 → 2027-02-28).
import { addMonths } from '../calendarDate.ts';

export const LOST_CONTACT_MONTHS = 6;

/** The first day a member last active on `since` may be recorded as lost contact. */
export function lostFrom(since: string): string {
  return addMonths(since, LOST_CONTACT_MONTHS);
}

/** Whether a member last active on `since` is out of contact for 6 months or more on `on`. */
export function isLostOn(since: string, on: string): boolean {
  return on >= lostFrom(since);
}

/** How the org searched (查找方式). */
export const SEARCH_METHODS = [
  'phone',
  'visit',
  'relatives',
  'employer',
  'online',
  'notice',
  'agency',
  'other',
] as const;
export type SearchMethod = (typeof SEARCH_METHODS)[number];
export const SEARCH_METHOD_LABEL: Record<SearchMethod, string> = {
  phone: '电话、短信联系',
  visit: '上门走访',
  relatives: '联系亲属',
  employer: '联系工作单位',
  online: '网络、社交媒体',
  notice: '登报或公告寻找',
  agency: '公安、人社等部门协查',
  other: '其他方式',
};

/**
 * The outcome (处置结果): contact restored (恢复联系), or — after searching without result —
 * 停止党籍 for a full member and 取消预备党员资格 for a probationary one
 * (《中国共产党党员教育管理工作条例》 第二十四条; docs/annual-tables.md §7).
 */
export const LOST_CONTACT_OUTCOMES = ['restored', 'suspended', 'probation_cancelled'] as const;
export type LostContactOutcome = (typeof LOST_CONTACT_OUTCOMES)[number];
export const LOST_CONTACT_OUTCOME_LABEL: Record<LostContactOutcome, string> = {
  restored: '恢复联系',
  suspended: '停止党籍',
  probation_cancelled: '取消预备党员资格',
};

/** The roster's leave reason a disposal records (members/write.ts removeFromRoster). */
export const OUTCOME_LEAVE_REASON = { suspended: 'lapse', probation_cancelled: 'probation_cancelled' } as const;

/** Why the outcome may not be recorded for this member, or null. */
export function outcomeRefusal(
  outcome: LostContactOutcome,
  status: 'full' | 'probationary',
  searches: number,
): string | null {
  if (outcome === 'restored') return null;
  if (searches === 0) return '尚未登记查找记录：应通过各种方式查找仍未取得联系的，才能作出处置';
  if (outcome === 'suspended' && status !== 'full') return '预备党员失联无法取得联系的，取消预备党员资格，不停止党籍';
  if (outcome === 'probation_cancelled' && status !== 'probationary') return '只有预备党员才能取消预备党员资格';
  return null;
}
