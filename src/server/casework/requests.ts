import { sql } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import {
  isClosed,
  REQUEST_VALUES,
  type RequestCategory,
  type RequestStatus,
  type RequestValues,
  transitionError,
  valuesError,
} from '../../domain/casework/requests.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { requests, requestUpdates } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { departmentsApplying } from '../instructors/departments.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { type AssignmentRow, assignmentInScope, checkInAssignment } from './scope.ts';

export interface RequestInput {
  category: RequestCategory;
  description: string;
  departmentIds: number[];
}

/** Departments coordinated must be in the catalogue of the enterprise's region (kept by the instructors area). */
async function checkDepartments(tx: Tx, ids: readonly number[], regionCode: string, field: string) {
  if (ids.length === 0) return;
  const found = await departmentsApplying(tx, ids, regionCode);
  const missing = ids.filter((id) => !found.includes(id));
  if (missing.length > 0) invalid(field, `协调部门不在本地的部门目录中：${missing.map((id) => `#${id}`).join('、')}`);
}

/** Receives a request under an assignment the caller has loaded in scope; `field` prefixes error fields. */
export async function createRequest(
  tx: Tx,
  actor: Actor,
  assignment: AssignmentRow,
  input: RequestInput & { receivedOn: string; contactId?: number | null },
  today: string,
  field = '',
) {
  checkInAssignment(`${field}receivedOn`, '受理日期', input.receivedOn, assignment, today);
  const departmentIds = [...new Set(input.departmentIds)];
  await checkDepartments(tx, departmentIds, assignment.regionCode, `${field}departmentIds`);
  const [row] = await tx
    .insert(requests)
    .values({
      assignmentId: assignment.id,
      contactId: input.contactId ?? null,
      category: input.category,
      description: input.description,
      departmentIds,
      status: 'received',
      receivedOn: input.receivedOn,
      lastUpdateOn: input.receivedOn,
    })
    .returning({ id: requests.id });
  await tx
    .insert(requestUpdates)
    .values({ requestId: row.id, onDate: input.receivedOn, status: 'received', note: null, actorId: actor.actorId });
  await auditChange(tx, actor, {
    action: 'request.create',
    entity: 'request',
    entityId: row.id,
    diff: {
      assignmentId: assignment.id,
      contactId: input.contactId ?? null,
      category: input.category,
      departmentIds,
      receivedOn: input.receivedOn,
    },
  });
  return row.id;
}

export interface RequestUpdateInput {
  onDate: string;
  status: RequestStatus;
  note: string | null;
  departmentIds?: number[];
  values?: Partial<RequestValues>;
}

interface RequestState {
  id: number;
  status: RequestStatus;
  receivedOn: string;
  lastUpdateOn: string;
  departmentIds: number[];
  grants: number | null;
  loans: number | null;
  hires: number | null;
  trainees: number | null;
  feesReduced: number | null;
  /** The enterprise's: the department catalogue that applies. */
  regionCode: string;
}

/** The request, locked, if the actor may see its assignment; otherwise 404. */
async function loadRequestForUpdate(tx: Tx, actor: Actor, id: number, today: string): Promise<RequestState> {
  const [row] = await queryRows<RequestState>(
    tx,
    sql`select r.id, r.status, r.received_on::text as "receivedOn", r.last_update_on::text as "lastUpdateOn",
          r.department_ids as "departmentIds", r.grants::float8 as grants, r.loans::float8 as loans, r.hires,
          r.trainees, r.fees_reduced::float8 as "feesReduced", e.region_code as "regionCode"
        from requests r join assignments a on a.id = r.assignment_id join enterprises e on e.id = a.enterprise_id
        where r.id = ${id} and ${assignmentInScope(actor, today)}
        for update of r`,
  );
  if (!row) throw notFound('诉求');
  return row;
}

/**
 * A progress note or a status change. Closing sets the closing date; values obtained may be
 * recorded on the way and count as outcomes once the request is resolved.
 */
export async function updateRequest(tx: Tx, actor: Actor, id: number, input: RequestUpdateInput) {
  const today = localDateString(new Date());
  const before = await loadRequestForUpdate(tx, actor, id, today);
  const refusal = transitionError(before.status, input.status);
  if (refusal) invalid('status', refusal);
  notAfterToday('onDate', '更新日期', input.onDate, { today });
  if (input.onDate < before.lastUpdateOn) {
    invalid('onDate', `更新日期（${input.onDate}）早于上次更新日期（${before.lastUpdateOn}）`);
  }
  if (!input.note && input.status === before.status) invalid('note', '请填写进展情况');
  if (!input.note && input.status === 'unresolved') invalid('note', '请说明未能解决的原因');
  const values: Partial<RequestValues> = {};
  // A value sent replaces the one recorded (null clears it); a value not sent stays.
  for (const v of REQUEST_VALUES) {
    values[v.code] = input.values && v.code in input.values ? (input.values[v.code] ?? null) : before[v.code];
  }
  const valueRefusal = valuesError(input.status, values);
  if (valueRefusal) invalid('values', valueRefusal);
  const departmentIds = input.departmentIds ? [...new Set(input.departmentIds)] : before.departmentIds;
  await checkDepartments(tx, departmentIds, before.regionCode, 'departmentIds');

  const closing = isClosed(input.status);
  await tx.execute(sql`update requests set status = ${input.status}, last_update_on = ${input.onDate}::date,
      closed_on = ${closing ? input.onDate : null}::date,
      department_ids = ${`{${departmentIds.join(',')}}`}::int[],
      grants = ${values.grants ?? null}, loans = ${values.loans ?? null}, hires = ${values.hires ?? null},
      trainees = ${values.trainees ?? null}, fees_reduced = ${values.feesReduced ?? null}, updated_at = now()
    where id = ${id}`);
  await tx
    .insert(requestUpdates)
    .values({ requestId: id, onDate: input.onDate, status: input.status, note: input.note, actorId: actor.actorId });
  const diff: Record<string, unknown> = { onDate: input.onDate };
  if (before.status !== input.status) diff.status = { before: before.status, after: input.status };
  for (const v of REQUEST_VALUES) {
    if (before[v.code] !== values[v.code]) diff[v.code] = { before: before[v.code], after: values[v.code] };
  }
  if (before.departmentIds.join() !== departmentIds.join()) {
    diff.departmentIds = { before: before.departmentIds, after: departmentIds };
  }
  await auditChange(tx, actor, { action: 'request.update', entity: 'request', entityId: id, diff });
}
