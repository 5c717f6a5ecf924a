import type { CoverageScope } from '../../domain/stats/coverage.ts';
import { trendDates } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import type { Db } from '../db/client.ts';
import { inScope } from '../db/tx.ts';
import { today } from '../today.ts';
import { type CoverageFilter, type CoverageResult, coverage } from './engine.ts';
import { rollCoverage } from './roll.ts';
import { getCoverageSettings } from './settings.ts';

export interface FigureRequest {
  region?: string;
  date?: string;
  scope?: CoverageScope;
  filter?: CoverageFilter;
}

/**
 * Coverage as the API and the CLI answer it: today's coverage rolled forward first (a
 * coverage may have begun or ended overnight), the deployment's default scope when none is asked.
 */
export async function coverageFor(db: Db, actor: Actor, r: FigureRequest): Promise<CoverageResult> {
  const now = today();
  await rollCoverage(db, now);
  const settings = await getCoverageSettings(db);
  return inScope(db, actor, (tx) =>
    coverage(
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
    ),
  );
}

/** The quarter ends leading up to a date, with the figures at each (the dashboard's trend). */
export async function coverageTrend(db: Db, actor: Actor, r: FigureRequest & { quarters: number }) {
  const now = today();
  await rollCoverage(db, now);
  const settings = await getCoverageSettings(db);
  const scope = r.scope ?? settings.defaultScope;
  return inScope(db, actor, async (tx) => {
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
  });
}
