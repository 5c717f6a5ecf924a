// 报送, 补报 and 退回 of a region's quarterly report (glossary: submission, resubmission,
// return). The region's own committee submits and resubmits; its parent region's committee
// returns. Each is one row of quarterly_submissions and one audit row, in one transaction.
import { sql } from 'drizzle-orm';
import type { AuditAction } from '../../domain/auditActions.ts';
import { compareDates, localDateString } from '../../domain/calendarDate.ts';
import type { SubmissionAction } from '../../domain/reports/submission.ts';
import { quarterRange } from '../../domain/stats/quarter.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { quarterlySubmissions } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { type RegionRef, regionInScope } from '../regions/scope.ts';
import { quarterlyReport } from '../reports/quarterly.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { today } from '../today.ts';
import { eventsOf, type StoredEvent } from './events.ts';

export const SUBMISSION_ACTIONS: Record<SubmissionAction, AuditAction> = {
  submit: 'report.quarterly_submit',
  resubmit: 'report.quarterly_resubmit',
  return: 'report.quarterly_return',
};

const day = (e: StoredEvent) => localDateString(e.at);

/** The region's report events for the quarter, with concurrent writers of the same report held back. */
async function lockedEvents(tx: Tx, region: RegionRef, quarter: string): Promise<StoredEvent[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`quarterly_submission:${region.code}:${quarter}`}))`);
  return (await eventsOf(tx, [region.code], quarter)).get(region.code) ?? [];
}

async function record(
  tx: Tx,
  actor: Actor,
  region: RegionRef,
  quarter: string,
  action: SubmissionAction,
  reason: string | null,
  figures: unknown,
  diff: Record<string, unknown>,
  at: Date | undefined,
) {
  const [row] = await tx
    .insert(quarterlySubmissions)
    .values({
      regionCode: region.code,
      quarter,
      action,
      reason,
      figures,
      actorId: actor.actorId,
      actorName: actor.displayName,
      // The application's clock, as the due date is judged in its local time (deadlineOf).
      at: at ?? new Date(),
    })
    .returning({ id: quarterlySubmissions.id, at: quarterlySubmissions.at });
  await auditChange(tx, actor, {
    action: SUBMISSION_ACTIONS[action],
    entity: 'region',
    entityId: region.code,
    diff: { quarter, regionName: region.name, ...(reason !== null && { reason }), ...diff },
  });
  return { id: row.id, at: row.at.toISOString() };
}

/**
 * Submits (or, with a reason, resubmits) the region's report of a quarter that has ended: the
 * report is computed now, in the deployment's default scope, and stored as submitted.
 */
export async function submitQuarterly(
  tx: Tx,
  actor: Actor,
  input: { region: string; quarter: string; reason?: string },
  /** When it happened, for the demo's past submissions; now otherwise. */
  at?: Date,
) {
  const region = await regionInScope(tx, actor, input.region);
  if (region.code !== actor.regionCode) {
    throw new HttpError(403, 'not_own_region', `只有${region.name}的党委（工委）可以报送本地区的季报`);
  }
  const now = today();
  const { to } = quarterRange(input.quarter);
  if (compareDates(to, now) >= 0) {
    throw new HttpError(400, 'validation', `quarter：${input.quarter} 到 ${to} 才结束，季度结束后才能报送`);
  }
  const events = await lockedEvents(tx, region, input.quarter);
  const last = events.at(-1);
  const resubmit = input.reason !== undefined;
  if (!resubmit && last) {
    throw new HttpError(
      409,
      'already_submitted',
      last.action === 'return'
        ? `${input.quarter} 季报已于 ${day(last)} 被退回，请说明更正原因后重新报送`
        : `${input.quarter} 季报已于 ${day(last)} 报送；如需更正，请重新报送并说明原因`,
    );
  }
  if (resubmit && !last) throw new HttpError(409, 'not_submitted', `${input.quarter} 季报尚未报送，请先报送`);
  const report = await quarterlyReport(
    tx,
    actor,
    { region: region.code, quarter: input.quarter },
    await getCoverageSettings(tx),
    now,
  );
  return record(
    tx,
    actor,
    region,
    input.quarter,
    resubmit ? 'resubmit' : 'submit',
    resubmit ? (input.reason as string) : null,
    report,
    { newOrgs: report.total.newOrgs, orgCoverageRate: report.total.orgCoverageRate, scope: report.scope },
    at,
  );
}

/** The parent region's committee returns a child's submitted report, which the child must then resubmit. */
export async function returnQuarterly(
  tx: Tx,
  actor: Actor,
  input: { region: string; quarter: string; reason: string },
  at?: Date,
) {
  const region = await regionInScope(tx, actor, input.region);
  const [parent] = await queryRows<{ code: string | null; name: string | null }>(
    tx,
    sql`select p.code, p.name from regions r left join regions p on p.code = r.parent_code where r.code = ${region.code}`,
  );
  if (parent?.code !== actor.regionCode) {
    throw new HttpError(
      403,
      'not_parent_region',
      `只有上级地区${parent?.name ? `（${parent.name}）` : ''}的党委（工委）可以退回${region.name}的季报`,
    );
  }
  const events = await lockedEvents(tx, region, input.quarter);
  const last = events.at(-1);
  if (!last) throw new HttpError(409, 'not_submitted', `${region.name} 尚未报送 ${input.quarter} 季报，无可退回`);
  if (last.action === 'return') {
    throw new HttpError(
      409,
      'already_returned',
      `${region.name} 的 ${input.quarter} 季报已于 ${day(last)} 退回，等待重新报送`,
    );
  }
  return record(tx, actor, region, input.quarter, 'return', input.reason, null, {}, at);
}
