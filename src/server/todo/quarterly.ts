// The quarterly reports a region's committee still has to submit (报送, rules.md §9): the last
// quarter that has ended, and the one before it, while not submitted or returned and not yet
// resubmitted. Where each stands is the submission area's rule (submissionStanding), read here.
import { quarterDueOn, submissionStanding } from '../../domain/reports/submission.ts';
import { previousQuarter, quarterOf } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { eventsOf } from '../submissions/events.ts';
import type { TodoItem } from './types.ts';

/** Quarters looked back at: an older unsubmitted report is a lagging matter, not a to-do. */
const QUARTERS_BACK = 2;

export async function quarterlyItems(tx: Tx, actor: Actor, today: string): Promise<TodoItem[]> {
  const { quarterlyDueDays } = await getCoverageSettings(tx);
  const quarters: string[] = [previousQuarter(quarterOf(today))];
  while (quarters.length < QUARTERS_BACK) quarters.push(previousQuarter(quarters.at(-1) as string));
  const now = new Date();
  const items: TodoItem[] = [];
  for (const quarter of quarters) {
    const dueOn = quarterDueOn(quarter, quarterlyDueDays);
    const events = (await eventsOf(tx, [actor.regionCode], quarter)).get(actor.regionCode) ?? [];
    const s = submissionStanding(events, dueOn, now);
    const title = `${quarter} 新建党组织季报`;
    const base = { title, dueOn, link: { type: 'quarterly_report' as const, quarter } };
    if (s.status === 'pending') {
      items.push({
        ...base,
        level: 'due',
        message: `季度已结束，请于 ${dueOn} 前报送`,
        en: `The quarter has ended: submit the report of ${quarter} by ${dueOn}`,
      });
    } else if (s.status === 'overdue') {
      items.push({
        ...base,
        level: 'overdue',
        message: `报送期限 ${dueOn} 已过，尚未报送`,
        en: `Due on ${dueOn} and not submitted`,
      });
    } else if (s.status === 'returned') {
      const reason = s.returned?.reason ?? '';
      items.push({
        ...base,
        level: 'overdue',
        message: `已被上级退回（${reason}），请更正后重新报送`,
        en: `Returned by the parent region (${reason}): correct and resubmit it`,
      });
    }
  }
  return items;
}
