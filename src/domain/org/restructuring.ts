// 三同步 (rules.md §3): when an SOE or collective enterprise is restructured into a non-public
// one, three things happen together; an item still missing after the grace period is a prompt.
import { addDays, compareDates } from '../calendarDate.ts';

export const DEFAULT_RESTRUCTURING_GRACE_DAYS = 30;

export const RESTRUCTURING_ITEMS = [
  {
    key: 'plansSubmittedOn',
    label: '改制方案与党组织调整方案同步提交',
    en: 'restructuring plan and party organization plan submitted together',
  },
  {
    key: 'headsFixedOn',
    label: '法定代表人与党组织负责人同步确定',
    en: 'legal representative and party leader fixed together',
  },
  {
    key: 'supervisionOn',
    label: '组织部门与改制部门同步监督',
    en: 'organization and restructuring departments supervising together',
  },
] as const;
export type RestructuringItem = (typeof RESTRUCTURING_ITEMS)[number]['key'];

export type RestructuringRecord = { restructuredOn: string } & Record<RestructuringItem, string | null>;

export interface RestructuringPrompt {
  item: RestructuringItem;
  dueOn: string;
  message: string;
  en: string;
}

/** The items still missing once `graceDays` have passed since the restructuring (the last day of grace is not late). */
export function restructuringPrompts(
  r: RestructuringRecord,
  today: string,
  graceDays = DEFAULT_RESTRUCTURING_GRACE_DAYS,
): RestructuringPrompt[] {
  const dueOn = addDays(r.restructuredOn, graceDays);
  if (compareDates(today, dueOn) <= 0) return [];
  return RESTRUCTURING_ITEMS.filter((i) => r[i.key] === null).map((i) => ({
    item: i.key,
    dueOn,
    message: `改制已逾 ${graceDays} 天（${r.restructuredOn} 改制），“${i.label}”尚未落实`,
    en: `More than ${graceDays} days since the restructuring (${r.restructuredOn}): “${i.en}” not yet done`,
  }));
}
