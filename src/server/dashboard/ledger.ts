import { count } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { enterprises as e } from '../db/schema.ts';
import { ledgerWhereIn } from '../enterprises/ledger/filters.ts';
import type { RegionFigures } from '../stats/engine.ts';

/** The ledger figures of one region as the dashboard shows them: the coverage engine's, named for the page. */
export interface LedgerFigures {
  inScope: number;
  closed: number;
  orgCovered: number;
  standalone: number;
  joint: number;
  workCovered: number;
  keyWatch: number;
  needsInstructor: number;
  categories: RegionFigures['categories'];
  /** Fractions; null when nothing is in scope (shown as “—”, never 0 % or NaN). */
  orgCoverageRate: number | null;
  standaloneRate: number | null;
  workCoverageRate: number | null;
}

export function ledgerOf(f: RegionFigures): LedgerFigures {
  return {
    inScope: f.inScope,
    closed: f.closed,
    orgCovered: f.orgCovered,
    standalone: f.standalone,
    joint: f.joint,
    workCovered: f.workCovered,
    keyWatch: f.flags.key_watch,
    needsInstructor: f.flags.needs_instructor,
    categories: f.categories,
    orgCoverageRate: f.orgCoverageRate,
    standaloneRate: f.standaloneRate,
    workCoverageRate: f.workCoverageRate,
  };
}

/**
 * Enterprises missing from their latest import (待核实): a fact of today's ledger, not of a
 * past date, so it is counted with the ledger list's own filter and equals that list's total.
 */
export async function missingToday(tx: Tx, actor: Actor, region: string, scope: 'all' | 'survey') {
  return countFlag(tx, actor, region, scope, 'missing');
}

/**
 * Enterprises without a party org but with a union or league (document 001: 先建群团组织).
 * Whether an enterprise has either is kept without history, so it is a figure of today only.
 */
export async function massOrgOnlyToday(tx: Tx, actor: Actor, region: string, scope: 'all' | 'survey') {
  return countFlag(tx, actor, region, scope, 'mass_org_only');
}

async function countFlag(
  tx: Tx,
  actor: Actor,
  region: string,
  scope: 'all' | 'survey',
  flag: 'missing' | 'mass_org_only',
) {
  const where = await ledgerWhereIn(tx, actor, { region, scope, flag: [flag] });
  const [row] = await tx.select({ n: count() }).from(e).where(where);
  return row?.n ?? 0;
}
