import { type SQL, sql } from 'drizzle-orm';
import { addDays } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { notFound } from '../errors.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';

/**
 * The assignments an actor may see, on `a` (assignments) joined to `e` (enterprises): those at
 * enterprises of their region; for an instructor, only their own assignments in force today
 * (row-level security repeats both, migration 0013).
 */
export function assignmentInScope(actor: Actor, today: string): SQL {
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  const region = sql`e.region_code like ${`${actor.scopePrefix}%`}`;
  if (actor.instructorId === null) return region;
  return sql`${region} and a.instructor_id = ${actor.instructorId}
    and a.start_on <= ${today}::date and (a.end_on is null or a.end_on > ${today}::date)`;
}

export interface AssignmentRow {
  id: number;
  instructorId: number;
  instructorName: string;
  instructorKind: string;
  sourceDepartmentId: number;
  sourceDepartmentName: string;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  startOn: string;
  endOn: string | null;
}

export const ASSIGNMENT_COLUMNS = sql`a.id, a.instructor_id as "instructorId", i.name as "instructorName",
  i.kind as "instructorKind", i.source_department_id as "sourceDepartmentId", d.name as "sourceDepartmentName",
  a.enterprise_id as "enterpriseId", e.name as "enterpriseName", e.region_code as "regionCode",
  a.start_on::text as "startOn", a.end_on::text as "endOn"`;

export const ASSIGNMENT_FROM = sql`assignments a join enterprises e on e.id = a.enterprise_id
  join instructors i on i.id = a.instructor_id join departments d on d.id = i.source_department_id`;

/** The assignment, if the actor may see it; otherwise 404, as if it did not exist. */
export async function loadAssignment(
  tx: Tx,
  actor: Actor,
  id: number,
  today: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AssignmentRow> {
  const [row] = await queryRows<AssignmentRow>(
    tx,
    sql`select ${ASSIGNMENT_COLUMNS} from ${ASSIGNMENT_FROM}
        where a.id = ${id} and ${assignmentInScope(actor, today)}
        ${opts.forUpdate ? sql`for update of a` : sql``}`,
  );
  if (!row) throw notFound('选派关系');
  return row;
}

/** Refuses a date outside the assignment or in the future, naming the field and the bounds. */
export function checkInAssignment(
  field: string,
  label: string,
  date: string,
  a: { startOn: string; endOn: string | null },
  today: string,
) {
  notAfterToday(field, label, date, { today });
  if (date < a.startOn) invalid(field, `${label}（${date}）早于选派开始日期（${a.startOn}）`);
  if (a.endOn !== null && date >= a.endOn) {
    invalid(field, `${label}（${date}）不在选派期内（选派至 ${addDays(a.endOn, -1)}）`);
  }
}
