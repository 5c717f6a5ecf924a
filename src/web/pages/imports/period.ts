// The labels a batch is filed under: the pattern is the domain's, which the server checks too.
import { localDateString } from '../../../domain/calendarDate.ts';
import { BATCH_PERIOD_PATTERN, quarterOf } from '../../../domain/stats/quarter.ts';

export { BATCH_PERIOD_PATTERN as PERIOD };

/** Today's quarter, as a period label: 2026-11-22 → 2026Q4. */
export function currentQuarter(): string {
  return quarterOf(localDateString(new Date()));
}

/**
 * The usual sources. They are data, not interface text: batches of the same source are
 * compared with each other, so the words must be the same whatever language the user reads.
 */
export const SOURCE_SUGGESTIONS = ['市场监管局年报', '市场监管局登记数据'] as const;
