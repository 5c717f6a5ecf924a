import { and, asc, count, eq, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { can } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { containing } from '../db/like.ts';
import { nameKey } from '../db/nameKey.ts';
import { departments, instructors, regions } from '../db/schema.ts';
import type { Keys } from '../keys.ts';
import { withinRegionFilter } from '../regions/scope.ts';
import { revealPhone } from '../revealPhone.ts';
import { today } from '../today.ts';
import { assignmentsOfInstructor } from './assignments.ts';
import { loadInstructor } from './load.ts';
import { presentInstructor } from './presenter.ts';
import { instructorInScope, instructorInWriteScope } from './scope.ts';

export interface InstructorFilter {
  sourceDepartmentId?: number;
  kind?: 'instructor' | 'liaison';
  regionCode?: string;
  q?: string;
  /** Serving (default), left, or both. */
  status?: 'serving' | 'left' | 'all';
}

/** Enterprises assigned to the instructor today, among those the actor can see. */
export const loadSql = (on: string) =>
  sql<number>`(select count(*)::int from assignments a where a.instructor_id = ${instructors.id}
    and a.start_on <= ${on}::date and (a.end_on is null or a.end_on > ${on}::date))`;

function listWhere(actor: Actor, f: InstructorFilter, on: string): SQL {
  const conds: (SQL | undefined)[] = [instructorInScope(actor)];
  const status = f.status ?? 'serving';
  if (status === 'serving') conds.push(or(isNull(instructors.leftOn), sql`${instructors.leftOn} > ${on}::date`));
  if (status === 'left') conds.push(and(isNotNull(instructors.leftOn), sql`${instructors.leftOn} <= ${on}::date`));
  if (f.sourceDepartmentId !== undefined) conds.push(eq(instructors.sourceDepartmentId, f.sourceDepartmentId));
  if (f.kind) conds.push(eq(instructors.kind, f.kind));
  if (f.regionCode) conds.push(withinRegionFilter(instructors.regionCode, f.regionCode));
  if (f.q) conds.push(sql`${instructors.name} ilike ${containing(f.q)}`);
  return and(...conds) as SQL;
}

/** A page of instructors, phones masked, each with their department, region and load today. */
export async function listInstructors(
  tx: Tx,
  actor: Actor,
  keys: Keys,
  filter: InstructorFilter,
  paging: { page: number; pageSize: number },
) {
  const on = today();
  const where = listWhere(actor, filter, on);
  const [{ total }] = await tx.select({ total: count() }).from(instructors).where(where);
  const rows = await tx
    .select({ i: instructors, sourceDepartmentName: departments.name, regionName: regions.name, load: loadSql(on) })
    .from(instructors)
    .leftJoin(departments, eq(departments.id, instructors.sourceDepartmentId))
    .leftJoin(regions, eq(regions.code, instructors.regionCode))
    .where(where)
    .orderBy(asc(departments.sortOrder), asc(nameKey(instructors)), asc(instructors.id))
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  return {
    total,
    items: rows.map((r) => presentInstructor(r.i, keys, r)),
  };
}

/** An instructor's page: the record (phone masked) and their assignments, current and past. */
export async function instructorDetail(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const on = today();
  await loadInstructor(tx, actor, id);
  const [r] = await tx
    .select({ i: instructors, sourceDepartmentName: departments.name, regionName: regions.name, load: loadSql(on) })
    .from(instructors)
    .leftJoin(departments, eq(departments.id, instructors.sourceDepartmentId))
    .leftJoin(regions, eq(regions.code, instructors.regionCode))
    .where(eq(instructors.id, id));
  const [own] = await tx
    .select({ id: instructors.id })
    .from(instructors)
    .where(and(eq(instructors.id, id), instructorInWriteScope(actor)));
  return {
    instructor: presentInstructor(r.i, keys, r),
    /** Whether the actor may change the record and assign them (their region registered them). */
    writable: own !== undefined && can(actor, 'instructor.manage'),
    assignments: await assignmentsOfInstructor(tx, actor, id, on),
  };
}

/** The full phone number, for a manager of the instructor's region (audited). */
export async function revealInstructor(tx: Tx, actor: Actor, keys: Keys, id: number) {
  const row = await loadInstructor(tx, actor, id, { write: true });
  return revealPhone(tx, actor, keys, { action: 'instructor.reveal', entity: 'instructor', id, phone: row.phone });
}
