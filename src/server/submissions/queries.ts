// What the quarterly report page shows of submission: the region's own report (its state, the
// figures as submitted, every submission, resubmission and return), and for a parent region
// where each child region's report stands.
import { sql } from 'drizzle-orm';
import { compareDates } from '../../domain/calendarDate.ts';
import { quarterDueOn, type SubmissionStanding, submissionStanding } from '../../domain/reports/submission.ts';
import { quarterRange } from '../../domain/stats/quarter.ts';
import { type Actor, can } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { regionInScope } from '../regions/scope.ts';
import type { QuarterlyReport } from '../reports/quarterly.ts';
import { childRegions } from '../stats/engine.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { today } from '../today.ts';
import { eventsOf, type StoredEvent } from './events.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function standingJson(s: SubmissionStanding) {
  return {
    status: s.status,
    firstAt: iso(s.firstAt),
    lastAt: iso(s.lastAt),
    resubmissions: s.resubmissions,
    returned: s.returned && { at: s.returned.at.toISOString(), reason: s.returned.reason },
  };
}

/** The submission in force: the latest submission or resubmission. */
const inForce = (events: StoredEvent[]) => events.findLast((e) => e.action !== 'return') ?? null;

async function figuresOf<T>(tx: Tx, ids: number[], pick: string): Promise<Map<number, T>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; figures: T }>(
    tx,
    sql`select id, ${sql.raw(pick)} as figures from quarterly_submissions where id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, r.figures]));
}

async function dueOf(tx: Tx, quarter: string) {
  return quarterDueOn(quarter, (await getCoverageSettings(tx)).quarterlyDueDays);
}

/** The region's own report of the quarter: where it stands, the figures submitted, the history, and what the actor may do. */
export async function submissionOf(tx: Tx, actor: Actor, code: string, quarter: string) {
  const region = await regionInScope(tx, actor, code);
  const dueOn = await dueOf(tx, quarter);
  const events = (await eventsOf(tx, [region.code], quarter)).get(region.code) ?? [];
  const standing = submissionStanding(events, dueOn, new Date());
  const current = inForce(events);
  const figures = current ? (await figuresOf<QuarterlyReport>(tx, [current.id], 'figures')).get(current.id) : null;
  const [parent] = await queryRows<{ parentCode: string | null }>(
    tx,
    sql`select parent_code as "parentCode" from regions where code = ${region.code}`,
  );
  const own = actor.regionCode === region.code && can(actor, 'report.submit');
  const ended = compareDates(quarterRange(quarter).to, today()) < 0;
  return {
    region: region.code,
    name: region.name,
    quarter,
    dueOn,
    ...standingJson(standing),
    submittedBy: current?.actorName ?? null,
    submitted: figures ?? null,
    history: events.map((e) => ({
      id: e.id,
      action: e.action,
      reason: e.reason,
      at: e.at.toISOString(),
      actorName: e.actorName,
    })),
    canSubmit: own && ended && events.length === 0,
    canResubmit: own && events.length > 0,
    canReturn:
      parent?.parentCode === actor.regionCode &&
      can(actor, 'report.return') &&
      standing.status !== 'returned' &&
      !!current,
  };
}

/** Where each child region's report of the quarter stands, with its headline figures as submitted. */
export async function childSubmissions(tx: Tx, actor: Actor, code: string, quarter: string) {
  const region = await regionInScope(tx, actor, code);
  const dueOn = await dueOf(tx, quarter);
  const children = await childRegions(tx, region.code);
  const events = await eventsOf(
    tx,
    children.map((c) => c.code),
    quarter,
  );
  const now = new Date();
  const current = new Map(children.map((c) => [c.code, inForce(events.get(c.code) ?? [])]));
  const totals = await figuresOf<{ newOrgs: number; orgCoverageRate: number | null }>(
    tx,
    [...current.values()].flatMap((e) => (e ? [e.id] : [])),
    "jsonb_build_object('newOrgs', (figures->'total'->>'newOrgs')::int, 'orgCoverageRate', (figures->'total'->>'orgCoverageRate')::float8)",
  );
  const mayReturn = region.code === actor.regionCode && can(actor, 'report.return');
  return {
    region: region.code,
    name: region.name,
    quarter,
    dueOn,
    canReturn: mayReturn,
    children: children.map((c) => {
      const standing = submissionStanding(events.get(c.code) ?? [], dueOn, now);
      const e = current.get(c.code);
      const total = e ? totals.get(e.id) : undefined;
      return {
        region: c.code,
        name: c.name,
        ...standingJson(standing),
        submittedBy: e?.actorName ?? null,
        newOrgs: total?.newOrgs ?? null,
        orgCoverageRate: total?.orgCoverageRate ?? null,
      };
    }),
  };
}
