import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { assignments, departments, enterprises, instructors, regions } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Keys } from '../keys.ts';
import { maskedPhone } from '../members/presenter.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { today } from '../today.ts';
import { refreshInstructorCoverage } from './coverage.ts';
import { loadInstructor } from './load.ts';
import { enterpriseInScope } from './scope.ts';

/** Active on `on`: [startOn, endOn) contains it. */
const activeOn = (on: string) =>
  sql`(${assignments.startOn} <= ${on}::date and (${assignments.endOn} is null or ${assignments.endOn} > ${on}::date))`;

async function loadEnterprise(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), enterpriseInScope(actor, today())));
  if (!row) throw notFound('企业');
  return row;
}

export interface AssignmentInput {
  enterpriseId: number;
  startOn: string;
  note: string | null;
}

/**
 * Assigns an instructor to an enterprise from `startOn` (today or earlier: an assignment is
 * recorded when it begins, so today's coverage never waits for a date to pass). The enterprise's
 * work coverage moves in the same transaction.
 */
export async function assign(tx: Tx, actor: Actor, instructorId: number, input: AssignmentInput) {
  const instructor = await loadInstructor(tx, actor, instructorId, { forUpdate: true });
  const enterprise = await loadEnterprise(tx, actor, input.enterpriseId);
  const now = today();
  notAfterToday('startOn', '开始日期', input.startOn, { today: now, hint: '请在选派开始当日登记' });
  if (instructor.leftOn !== null && instructor.leftOn <= input.startOn) {
    invalid('startOn', `${instructor.name}已于 ${instructor.leftOn} 离任，不能再选派`);
  }
  if (!enterprise.inScope) invalid('enterpriseId', `${enterprise.name}已注销、吊销或迁出，不在统计范围内，无需选派`);
  const [overlap] = await tx
    .select({ startOn: assignments.startOn, endOn: assignments.endOn })
    .from(assignments)
    .where(
      and(
        eq(assignments.instructorId, instructorId),
        eq(assignments.enterpriseId, input.enterpriseId),
        or(isNull(assignments.endOn), sql`${assignments.endOn} > ${input.startOn}::date`),
      ),
    );
  if (overlap) {
    invalid(
      'enterpriseId',
      `${instructor.name}已选派到${enterprise.name}（${overlap.startOn} 起${overlap.endOn ? `，至 ${overlap.endOn} 止` : ''}），时间不能重叠`,
    );
  }
  const note = input.note?.trim() || null;
  const [row] = await tx
    .insert(assignments)
    .values({ instructorId, enterpriseId: input.enterpriseId, startOn: input.startOn, note })
    .returning({ id: assignments.id });
  await refreshInstructorCoverage(tx, actor, [input.enterpriseId], now);
  await auditChange(tx, actor, {
    action: 'instructor.assign',
    entity: 'instructor',
    entityId: instructorId,
    diff: {
      assignmentId: row.id,
      enterpriseId: input.enterpriseId,
      startOn: input.startOn,
      note,
    },
  });
  return row;
}

/** Ends an assignment: `endOn` is the first day the instructor no longer serves the enterprise. */
export async function endAssignment(tx: Tx, actor: Actor, instructorId: number, assignmentId: number, endOn: string) {
  await loadInstructor(tx, actor, instructorId, { forUpdate: true });
  const [a] = await tx
    .select({ a: assignments })
    .from(assignments)
    .innerJoin(enterprises, eq(enterprises.id, assignments.enterpriseId))
    .where(
      and(
        eq(assignments.id, assignmentId),
        eq(assignments.instructorId, instructorId),
        enterpriseInScope(actor, today()),
      ),
    );
  if (!a) throw notFound('选派记录');
  const { startOn, endOn: ended } = a.a;
  if (ended !== null) invalid('endOn', `该选派已于 ${ended} 结束`);
  if (endOn <= startOn) {
    invalid('endOn', `结束日期应晚于开始日期（${startOn}）：结束日期是不再联系该企业的第一天`);
  }
  notAfterToday('endOn', '结束日期', endOn, { hint: '请在结束当日登记' });
  await tx.update(assignments).set({ endOn }).where(eq(assignments.id, assignmentId));
  await refreshInstructorCoverage(tx, actor, [a.a.enterpriseId], today());
  await auditChange(tx, actor, {
    action: 'instructor.assignment_end',
    entity: 'instructor',
    entityId: instructorId,
    diff: {
      assignmentId,
      enterpriseId: a.a.enterpriseId,
      endOn,
    },
  });
}

const present = (a: typeof assignments.$inferSelect, on: string) => ({
  id: a.id,
  instructorId: a.instructorId,
  enterpriseId: a.enterpriseId,
  startOn: a.startOn,
  endOn: a.endOn,
  note: a.note,
  active: a.startOn <= on && (a.endOn === null || a.endOn > on),
});

/**
 * An instructor's assignments the actor can see, current first, each with its enterprise. For
 * other areas (contacts, outcomes, reports) that need to know where an instructor serves.
 */
export async function assignmentsOfInstructor(tx: Tx, actor: Actor, instructorId: number, on = today()) {
  const rows = await tx
    .select({ a: assignments, enterpriseName: enterprises.name, regionName: regions.name })
    .from(assignments)
    .innerJoin(enterprises, eq(enterprises.id, assignments.enterpriseId))
    .leftJoin(regions, eq(regions.code, enterprises.regionCode))
    .where(and(eq(assignments.instructorId, instructorId), enterpriseInScope(actor, on)))
    .orderBy(sql`${activeOn(on)} desc`, desc(assignments.startOn), desc(assignments.id));
  return rows.map((r) => ({ ...present(r.a, on), enterpriseName: r.enterpriseName, regionName: r.regionName }));
}

/** The enterprise card: whether it is work-covered, and its instructors, current and past. */
export async function enterpriseInstructors(tx: Tx, actor: Actor, keys: Keys, enterpriseId: number) {
  const on = today();
  const e = await loadEnterprise(tx, actor, enterpriseId);
  const rows = await tx
    .select({
      a: assignments,
      name: instructors.name,
      kind: instructors.kind,
      post: instructors.post,
      phone: instructors.phone,
      sourceDepartmentName: departments.name,
    })
    .from(assignments)
    .innerJoin(instructors, eq(instructors.id, assignments.instructorId))
    .leftJoin(departments, eq(departments.id, instructors.sourceDepartmentId))
    .where(eq(assignments.enterpriseId, enterpriseId))
    .orderBy(sql`${activeOn(on)} desc`, desc(assignments.startOn), asc(assignments.id));
  return {
    enterprise: {
      id: e.id,
      name: e.name,
      inScope: e.inScope ?? false,
      orgCovered: e.orgCoverage !== null,
      workCovered: e.orgCoverage !== null || e.hasInstructor,
      needsInstructor: (e.inScope ?? false) && e.orgCoverage === null && !e.hasInstructor,
    },
    assignments: rows.map((r) => ({
      ...present(r.a, on),
      instructorName: r.name,
      kind: r.kind,
      post: r.post,
      phone: maskedPhone(keys, r.phone),
      sourceDepartmentName: r.sourceDepartmentName,
    })),
  };
}
