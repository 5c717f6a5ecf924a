// The quarterly-report condition of the lagging rule (rules.md §9): a region missed the
// report when its due date passed without a submission (报送), or its report was returned and
// not resubmitted by the lagging date. Kept apart from the coverage conditions in lagging.ts.
import { deadlineOf, type MissedQuarter, missedQuarter, submissionStanding } from '../../domain/reports/submission.ts';
import type { Tx } from '../db/client.ts';
import { eventsOf } from '../submissions/events.ts';

/** Each region's missed report (null: submitted in time), as things stood at the end of `date`. */
export async function missedQuarters(
  tx: Tx,
  codes: string[],
  quarterly: { quarter: string; dueOn: string },
  date: string,
): Promise<Map<string, MissedQuarter | null>> {
  const events = await eventsOf(tx, codes, quarterly.quarter);
  const asOf = deadlineOf(date);
  return new Map(
    codes.map((c) => [
      c,
      missedQuarter(quarterly.quarter, quarterly.dueOn, submissionStanding(events.get(c) ?? [], quarterly.dueOn, asOf)),
    ]),
  );
}
