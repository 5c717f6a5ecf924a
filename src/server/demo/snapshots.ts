// Two survey snapshots to compare (rules.md §9): the ledger at the last quarter's end, and today.
import { previousQuarter, quarterOf, quarterRange } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { createSnapshot } from '../snapshots/service.ts';

export async function demoSnapshots(tx: Tx, actor: Actor, region: string, today: string) {
  const before = quarterRange(previousQuarter(quarterOf(today))).to;
  await createSnapshot(tx, actor, { date: before, region, label: `${before} 季末调查` }, today);
  await createSnapshot(tx, actor, { date: today, region, label: `${today} 调查` }, today);
  return 2;
}
