import type { CoverageScope } from '../../domain/stats/coverage.ts';
import { trendDates } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { withoutJit } from '../db/jit.ts';
import { today } from '../today.ts';
import { type CoverageFilter, type CoverageResult, coverage } from './engine.ts';
import { getCoverageSettings } from './settings.ts';

export interface FigureRequest {
  region?: string;
  date?: string;
  scope?: CoverageScope;
  filter?: CoverageFilter;
}

/**
 * Coverage as the API and the CLI answer it, in the caller's transaction: as of today unless
 * a date is asked, the deployment's default scope when none is.
 */
export async function coverageFor(tx: Tx, actor: Actor, r: FigureRequest): Promise<CoverageResult> {
  const now = today();
  const settings = await getCoverageSettings(tx);
  return coverage(
    tx,
    actor,
    {
      region: r.region ?? actor.regionCode,
      date: r.date ?? now,
      scope: r.scope ?? settings.defaultScope,
      ...(r.filter ? { filter: r.filter } : {}),
    },
    settings,
    now,
  );
}

/** The quarter ends leading up to a date, with the figures at each (the dashboard's trend). */
export async function coverageTrend(tx: Tx, actor: Actor, r: FigureRequest & { quarters: number }) {
  await withoutJit(tx);
  const now = today();
  const settings = await getCoverageSettings(tx);
  const scope = r.scope ?? settings.defaultScope;
  const points = [];
  for (const { quarter, date } of trendDates(r.date ?? now, r.quarters)) {
    const c = await coverage(
      tx,
      actor,
      { region: r.region ?? actor.regionCode, date, scope, ...(r.filter ? { filter: r.filter } : {}) },
      settings,
      now,
    );
    const { children: _, ...figures } = c;
    points.push({ quarter, ...figures });
  }
  return points;
}
