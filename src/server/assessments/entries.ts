// Daily entries (日常考核) and the half-yearly assessment (定期考核) of an instructor.
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import { periodRange } from '../../domain/assessment/period.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { dailyAssessments, instructors, periodicAssessments } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { instructorInScope, loadInstructor } from './scope.ts';

export interface DailyEntry {
  instructorId: number;
  onDate: string;
  score: number;
  note: string | null;
}

export async function addDaily(tx: Tx, actor: Actor, entry: DailyEntry, today: string) {
  const instructor = await loadInstructor(tx, actor, entry.instructorId);
  notAfterToday('onDate', '考核日期', entry.onDate, { today });
  const [row] = await tx
    .insert(dailyAssessments)
    .values({ ...entry, actorId: actor.actorId })
    .returning({ id: dailyAssessments.id });
  await auditChange(tx, actor, {
    action: 'assessment.daily_add',
    entity: 'instructor',
    entityId: instructor.id,
    diff: {
      id: row.id,
      onDate: entry.onDate,
      score: entry.score,
    },
  });
  return row;
}

/** Removes a mistaken daily entry (the audit keeps what it said). */
export async function removeDaily(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({
      id: dailyAssessments.id,
      instructorId: dailyAssessments.instructorId,
      onDate: dailyAssessments.onDate,
      score: dailyAssessments.score,
    })
    .from(dailyAssessments)
    .innerJoin(instructors, eq(instructors.id, dailyAssessments.instructorId))
    .where(and(eq(dailyAssessments.id, id), instructorInScope(actor)));
  if (!row) throw notFound('日常考核记录');
  await tx.delete(dailyAssessments).where(eq(dailyAssessments.id, id));
  await auditChange(tx, actor, {
    action: 'assessment.daily_remove',
    entity: 'instructor',
    entityId: row.instructorId,
    diff: {
      id,
      onDate: row.onDate,
      score: row.score,
    },
  });
}

/** The daily entries of a period in scope, newest first; one instructor's when given. */
export function listDaily(tx: Tx, actor: Actor, period: string, instructorId?: number) {
  const { from, to } = periodRange(period);
  return tx
    .select({
      id: dailyAssessments.id,
      instructorId: dailyAssessments.instructorId,
      instructorName: instructors.name,
      onDate: dailyAssessments.onDate,
      score: dailyAssessments.score,
      note: dailyAssessments.note,
    })
    .from(dailyAssessments)
    .innerJoin(instructors, eq(instructors.id, dailyAssessments.instructorId))
    .where(
      and(
        instructorInScope(actor),
        gte(dailyAssessments.onDate, from),
        lte(dailyAssessments.onDate, to),
        instructorId === undefined ? undefined : eq(dailyAssessments.instructorId, instructorId),
      ),
    )
    .orderBy(desc(dailyAssessments.onDate), desc(dailyAssessments.id));
}

export interface PeriodicEntry {
  instructorId: number;
  period: string;
  duties: number;
  discipline: number;
  effectiveness: number;
  note: string | null;
}

/** Records or corrects an instructor's half-yearly assessment; the audit keeps the previous scores. */
export async function putPeriodic(tx: Tx, actor: Actor, entry: PeriodicEntry, today: string) {
  const instructor = await loadInstructor(tx, actor, entry.instructorId);
  if (periodRange(entry.period).from > today) invalid('period', '不能为尚未开始的半年度录入定期考核');
  const key = and(
    eq(periodicAssessments.instructorId, entry.instructorId),
    eq(periodicAssessments.period, entry.period),
  );
  const [before] = await tx
    .select({
      duties: periodicAssessments.duties,
      discipline: periodicAssessments.discipline,
      effectiveness: periodicAssessments.effectiveness,
    })
    .from(periodicAssessments)
    .where(key)
    .for('update');
  const values = { ...entry, actorId: actor.actorId };
  await tx
    .insert(periodicAssessments)
    .values(values)
    .onConflictDoUpdate({
      target: [periodicAssessments.instructorId, periodicAssessments.period],
      set: { ...values, updatedAt: new Date() },
    });
  const { duties, discipline, effectiveness } = entry;
  await auditChange(tx, actor, {
    action: 'assessment.periodic',
    entity: 'instructor',
    entityId: instructor.id,
    diff: {
      period: entry.period,
      before: before ?? null,
      after: { duties, discipline, effectiveness },
    },
  });
}

export function listPeriodic(tx: Tx, actor: Actor, period: string) {
  return tx
    .select({
      instructorId: periodicAssessments.instructorId,
      instructorName: instructors.name,
      period: periodicAssessments.period,
      duties: periodicAssessments.duties,
      discipline: periodicAssessments.discipline,
      effectiveness: periodicAssessments.effectiveness,
      note: periodicAssessments.note,
    })
    .from(periodicAssessments)
    .innerJoin(instructors, eq(instructors.id, periodicAssessments.instructorId))
    .where(and(instructorInScope(actor), eq(periodicAssessments.period, period)))
    .orderBy(asc(instructors.name), asc(instructors.id));
}
