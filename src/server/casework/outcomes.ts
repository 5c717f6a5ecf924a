import { sql } from 'drizzle-orm';
import { ACHIEVEMENT_KINDS, OUTCOME_FROM_ACHIEVEMENT } from '../../domain/achievements/codes.ts';
import { kindOf, type OutcomeKind, type OutcomeRole, quantityError } from '../../domain/casework/outcomes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { outcomes } from '../db/schema.ts';
import { HttpError, notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import {
  type DerivedOutcome,
  derivedFromRequests,
  type Period,
  type Span,
  unsafeDerivedFromAchievements,
  unsafeDerivedFromPeople,
} from './derived.ts';
import { assignmentInScope, checkInAssignment, loadAssignment } from './scope.ts';

export interface OutcomeInput {
  assignmentId: number;
  onDate: string;
  role: OutcomeRole;
  kind: OutcomeKind;
  quantity: number;
  benefit: number | null;
  note: string | null;
}

export async function createOutcome(tx: Tx, actor: Actor, input: OutcomeInput, today: string) {
  const assignment = await loadAssignment(tx, actor, input.assignmentId, today);
  if (kindOf(input.kind)?.source !== 'typed') throw new Error('derived kinds are refused before this');
  if (OUTCOME_FROM_ACHIEVEMENT[input.kind]) {
    const span: Span = { ...assignment, assignmentId: assignment.id };
    const found = (await unsafeDerivedFromAchievements(tx, [span], ALL)).latest(assignment.id, input.kind);
    if (found) throw achievementRefusal(input.kind, found);
  }
  checkInAssignment('onDate', '成果日期', input.onDate, assignment, today);
  const wrong = quantityError(input.kind, input.quantity);
  if (wrong) invalid('quantity', wrong);
  if (input.benefit !== null && input.kind !== 'innovations') invalid('benefit', '只有创新项目填写经济效益');
  const [row] = await tx
    .insert(outcomes)
    .values({ ...input, actorId: actor.actorId })
    .returning({ id: outcomes.id });
  await auditChange(tx, actor, { action: 'outcome.create', entity: 'outcome', entityId: row.id, diff: { ...input } });
  return row.id;
}

export async function deleteOutcome(tx: Tx, actor: Actor, id: number, today: string) {
  const [row] = await queryRows<Record<string, unknown>>(
    tx,
    sql`select o.id, o.assignment_id as "assignmentId", o.on_date::text as "onDate", o.role, o.kind,
               o.quantity::float8 as quantity, o.benefit::float8 as benefit, o.note
        from outcomes o join assignments a on a.id = o.assignment_id join enterprises e on e.id = a.enterprise_id
        where o.id = ${id} and ${assignmentInScope(actor, today)} for update of o`,
  );
  if (!row) throw notFound('成果记录');
  await tx.execute(sql`delete from outcomes where id = ${id}`);
  await auditChange(tx, actor, { action: 'outcome.delete', entity: 'outcome', entityId: id, diff: { deleted: row } });
}

const ALL: Period = { from: null, to: null };

/** Refuses typing a kind an org's achievement record at the enterprise already gives, pointing at it. */
function achievementRefusal(kind: OutcomeKind, found: DerivedOutcome) {
  const from = ACHIEVEMENT_KINDS.find((k) => k.code === OUTCOME_FROM_ACHIEVEMENT[kind])!.label;
  const message = `${kindOf(kind)!.label}由该企业党组织登记的${from}记录 #${found.recordId}（${found.onDate}）自动统计，无需录入`;
  return new HttpError(400, 'derived_outcome', message, [
    { field: 'kind', message, record: { type: 'achievement', id: found.recordId } },
  ]);
}

/**
 * Typing an outcome the system derives is refused with the record it is counted from (the
 * latest at this assignment), or where to record it when there is none yet. The assignment is
 * read under the actor's scope first: out of scope is 404, as always.
 */
export async function derivedKindRefusal(tx: Tx, actor: Actor, assignmentId: number, kind: OutcomeKind, today: string) {
  const k = kindOf(kind)!;
  const assignment = await loadAssignment(tx, actor, assignmentId, today);
  const span: Span = { ...assignment, assignmentId: assignment.id };
  const all: Period = { from: null, to: null };
  let record: { type: 'development' | 'member' | 'request'; id: number } | null = null;
  let message: string;
  if (k.source === 'development') {
    const found = (await unsafeDerivedFromPeople(tx, [span], all)).filter((d) => d.kind === kind).at(-1);
    if (found) record = { type: found.source as 'development' | 'member', id: found.recordId };
    const what = kind === 'activists' ? '入党积极分子' : '发展党员';
    message = found
      ? `该企业的${what}由${found.source === 'member' ? '党员记录' : '发展党员记录'} #${found.recordId} 自动统计，无需录入`
      : `${what}由发展党员记录自动统计（该企业在选派期间尚无记录），请在“发展党员”中登记，无需在此录入`;
  } else {
    // A problem the org recorded as solved there points at its record when no request was resolved.
    const solved = (await unsafeDerivedFromAchievements(tx, [span], all)).latest(assignment.id, kind);
    const resolved = await derivedFromRequests(tx, [span], all);
    if (solved && !resolved.some((d) => d.kind === kind)) return achievementRefusal(kind, solved);
    const found = resolved.filter((d) => d.kind === kind).at(-1) ?? resolved.at(-1);
    if (found) record = { type: 'request', id: found.recordId };
    message = found
      ? `${k.label}由已解决的诉求 #${found.recordId} 自动统计，无需录入`
      : `${k.label}由已解决的诉求自动统计（该选派关系尚无已解决的诉求），请登记诉求，解决时填写所得，无需在此录入`;
  }
  return new HttpError(400, 'derived_outcome', message, [{ field: 'kind', message, record }]);
}
