import { and, eq, gte, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { addMonths, compareDates, daysBetween } from '../../domain/calendarDate.ts';
import { maskIdNumber } from '../../domain/mask.ts';
import { DEVELOPMENT_STAGES } from '../../domain/org/codes.ts';
import { checkDevelopment, developmentOverdue } from '../../domain/org/development.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { developments } from '../db/schema.ts';
import type { Keys } from '../keys.ts';
import { loadOrg } from '../orgs/load.ts';
import { loadDevelopment, type NamedDevelopmentRow, selectDevelopments } from './load.ts';
import { presentDevelopment, toRecord } from './record.ts';

/** One record's detail, as the actor may see it. */
export async function developmentDetail(tx: Tx, actor: Actor, keys: Keys, id: number, today: string) {
  await loadDevelopment(tx, actor, id);
  const [row] = await selectDevelopments(tx, actor, eq(developments.id, id));
  return presentDevelopment(row, keys, today);
}

/**
 * An org's board: its open records by the stage reached, each with its due dates, what is
 * overdue and the steps taken early. Records that became full members stay on the board for
 * a year after the approval (or from `completedSince`), then leave it.
 */
export async function developmentBoard(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  orgId: number,
  today: string,
  completedSince?: string,
) {
  const org = await loadOrg(tx, actor, orgId);
  const since = completedSince ?? addMonths(today, -12);
  const rows = await selectDevelopments(
    tx,
    actor,
    and(
      eq(developments.orgId, orgId),
      isNull(developments.closedOn),
      or(isNull(developments.fullApprovedOn), gte(developments.fullApprovedOn, since)),
    ),
  );
  const items = rows.map((r) => presentDevelopment(r, keys, today));
  return {
    org: { id: org.id, name: org.name },
    today,
    completedSince: since,
    stages: DEVELOPMENT_STAGES.map((s) => ({
      stage: s.code,
      label: s.label,
      items: items.filter((i) => i.stage === s.code),
    })),
    overdue: items.filter((i) => i.overdue.length > 0).length,
    early: items.filter((i) => i.early.length > 0).length,
  };
}

const who = (row: NamedDevelopmentRow, keys: Keys) => ({
  developmentId: row.id,
  name: row.name,
  idNumber: maskIdNumber(keys.decrypt(row.idNumber)),
  orgId: row.orgId,
  orgName: row.orgName,
  regionCode: row.orgRegionCode,
});

const orgFilter = (orgId: number | undefined): SQL | undefined =>
  orgId === undefined ? undefined : eq(developments.orgId, orgId);

/**
 * Every overdue step of the open records in the actor's scope, the longest overdue first.
 * Only records that can have one are read: an untalked applicant, or an admitted person not
 * yet approved or not yet full.
 */
export async function overdueDevelopments(tx: Tx, actor: Actor, keys: Keys, today: string, orgId?: number) {
  const rows = await selectDevelopments(
    tx,
    actor,
    and(
      orgFilter(orgId),
      isNull(developments.closedOn),
      isNull(developments.fullApprovedOn),
      or(and(isNull(developments.talkedOn), isNull(developments.activistOn)), isNotNull(developments.admittedOn)),
    ),
  );
  const items = rows.flatMap((row) =>
    developmentOverdue(toRecord(row), today).map((o) => ({
      ...who(row, keys),
      step: o.step,
      code: o.code,
      dueOn: o.dueOn,
      daysOverdue: daysBetween(o.dueOn, today),
      message: o.message,
      en: o.en,
    })),
  );
  items.sort((a, b) => compareDates(a.dueOn, b.dueOn) || a.developmentId - b.developmentId);
  return { today, total: items.length, items };
}

/** Steps taken sooner than their minimum interval, with the written reason, for review. */
export async function earlyDevelopments(tx: Tx, actor: Actor, keys: Keys, today: string, orgId?: number) {
  const rows = await selectDevelopments(
    tx,
    actor,
    and(orgFilter(orgId), isNull(developments.closedOn), sql`${developments.earlyReasons} <> '{}'::jsonb`),
  );
  const items = rows.flatMap((row) =>
    checkDevelopment(toRecord(row), today).early.map((e) => ({
      ...who(row, keys),
      step: e.step,
      message: e.message,
      reason: e.reason,
    })),
  );
  return { total: items.length, items };
}
