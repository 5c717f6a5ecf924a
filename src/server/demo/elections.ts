// Terms that fall due this year, so 应换届数 / 按期换届数 and the election prompts have cases:
// the tree's committee re-elected on time, one general branch overdue, another due within months.
import { addDays, addMonths, compareDates } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { recordElection } from '../orgs/elections.ts';
import type { DemoTree } from './orgTree.ts';

const election = (electedOn: string, termYears: number) => ({
  electedOn,
  termYears,
  adjustmentMonths: 0,
  adjustmentApprovedBy: null,
  adjustmentApprovedOn: null,
});

export async function demoElections(tx: Tx, actor: Actor, tree: DemoTree, today: string) {
  // A term that ended this year, some weeks ago (on New Year's Day early in January).
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const weeksAgo = addDays(today, -45);
  const endedThisYear = compareDates(weeksAgo, yearStart) < 0 ? yearStart : weeksAgo;
  let n = 0;
  // The committee: elected five years before that end, re-elected ten days before it.
  await recordElection(tx, actor, tree.committeeId, election(addMonths(endedThisYear, -60), 5));
  await recordElection(tx, actor, tree.committeeId, election(addDays(endedThisYear, -10), 5));
  n += 2;
  const [overdue, dueSoon] = tree.generalBranches;
  // Overdue: its three-year term ended and no election since.
  if (overdue) {
    await recordElection(tx, actor, overdue.id, election(addMonths(endedThisYear, -36), 3));
    n++;
  }
  // Due within months: the reminder before the term ends.
  if (dueSoon) {
    await recordElection(tx, actor, dueSoon.id, election(addMonths(addDays(today, 50), -36), 3));
    n++;
  }
  return n;
}
