// Where each dashboard figure clicks through to: for today the ledger list with the filters
// that select exactly the enterprises counted, for a past date the as-of list
// (/stats/enterprises, GET /api/stats/enterprises), which counts from the same facts.
import type { LedgerCategory } from '../../../domain/enterprise/categories.ts';
import type { Scope } from '../../api/types.ts';
import { type Coverage, ledgerHref } from '../ledger/filter.ts';
import { type Segment, segmentQuery } from './segment.ts';

/** What a figure counts. */
export interface Selection {
  status?: 'in_scope' | 'closed';
  category?: LedgerCategory;
  coverage?: Coverage;
  flag?: 'key_watch' | 'needs_instructor' | 'missing' | 'mass_org_only';
}

/** Which region, date and scope the figure is of. */
export interface FigureContext {
  region: string;
  /** The 本级 row: enterprises registered at the region itself. */
  regionOnly?: boolean;
  date: string;
  today: string;
  scope: Scope;
  /** The part of the ledger looked at: the list narrows alike. */
  segment: Segment;
}

export const AS_OF_PATH = '/stats/enterprises';

/** The list behind a figure, or undefined where no list can show exactly it. */
export function figureHref(ctx: FigureContext, sel: Selection): string | undefined {
  if (ctx.date === ctx.today) {
    return ledgerHref({
      ...ctx.segment,
      region: ctx.region,
      ...(ctx.regionOnly ? { regionOnly: 'true' as const } : {}),
      ...(ctx.scope === 'survey' ? { scope: 'survey' as const } : {}),
      ...(sel.status ? { status: [sel.status] } : {}),
      ...(sel.category ? { category: [sel.category] } : {}),
      ...(sel.coverage ? { coverage: sel.coverage } : {}),
      ...(sel.flag ? { flag: [sel.flag] } : {}),
    });
  }
  // The as-of list has no 本级-only filter, and 待核实 is a fact of today's ledger only.
  if (ctx.regionOnly || sel.flag === 'missing') return undefined;
  const q = new URLSearchParams({ region: ctx.region, date: ctx.date, scope: ctx.scope });
  for (const [k, v] of Object.entries({ ...segmentQuery(ctx.segment), ...sel })) if (v) q.set(k, String(v));
  return `${AS_OF_PATH}?${q}`;
}

/** The dashboard of another region, keeping everything else the page shows (date, scope, segment). */
export function dashboardHref(current: URLSearchParams, region: string): string {
  const q = new URLSearchParams(current);
  q.set('region', region);
  return `/dashboard?${q}`;
}
