// Training classes (培训班) and their attendance: recorded by the committee of the organiser's
// region (or for one of its orgs), in one transaction with the audit and with the candidates'
// training brought in line (candidates.ts).
import { eq, type SQL, sql } from 'drizzle-orm';
import { type ClassKind, classDays, classKindLabel } from '../../domain/training/classes.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { loadInScope } from '../db/loadInScope.ts';
import { queryRows } from '../db/rows.ts';
import { trainingAttendance, trainingClasses } from '../db/schema.ts';
import { invalid } from '../orgs/invalid.ts';
import { loadOrg } from '../orgs/load.ts';
import { inRegionScope } from '../regions/scope.ts';
import { syncCandidateTraining } from './candidates.ts';
import { checkParticipants, type Participant } from './participants.ts';

export interface ClassInput {
  kind: ClassKind;
  title: string;
  organiser: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  placeText: string | null;
  orgId: number | null;
  attendance: Participant[];
}

type ClassRow = typeof trainingClasses.$inferSelect;

/** The classes the actor manages: those held in their region. */
const classInScope = (actor: Actor): SQL => inRegionScope(trainingClasses.regionCode, actor);
/** The classes the actor sees: those, and those their people sat wherever held (row-level security agrees). */
const classVisible = (actor: Actor): SQL =>
  sql`(${classInScope(actor)} or ${trainingClasses.id} in (select dangjian_training_classes_reached()))`;

/** classVisible for the list queries, whose classes are aliased `c`. */
function visibleAsC(actor: Actor): SQL {
  if (!/^\d*$/.test(actor.scopePrefix)) throw new Error('scope prefix must be digits');
  return sql`(c.region_code like ${`${actor.scopePrefix}%`} or c.id in (select dangjian_training_classes_reached()))`;
}

/** A class to change: one held in the actor's region; otherwise 404 as if absent. */
export function loadClass(tx: Tx, actor: Actor, id: number, opts: { forUpdate?: boolean } = {}): Promise<ClassRow> {
  return loadInScope(tx, trainingClasses, id, classInScope(actor), '培训班', opts);
}

async function checkClass(tx: Tx, actor: Actor, input: ClassInput, today: string): Promise<string> {
  if (input.endsOn < input.startsOn) invalid('endsOn', `结束日期（${input.endsOn}）早于开始日期（${input.startsOn}）`);
  if (input.endsOn > today) invalid('endsOn', `结束日期（${input.endsOn}）晚于今天：培训班结束后再登记出勤`);
  await checkParticipants(tx, actor, input.kind, input.attendance);
  if (input.orgId === null) return actor.regionCode;
  return (await loadOrg(tx, actor, input.orgId)).regionCode;
}

const developmentIds = (list: Participant[]) =>
  list.map((p) => p.developmentId).filter((id): id is number => id != null);

async function writeAttendance(tx: Tx, classId: number, list: Participant[]) {
  if (list.length === 0) return;
  await tx.insert(trainingAttendance).values(
    list.map((p) => ({
      classId,
      memberId: p.memberId ?? null,
      instructorId: p.instructorId ?? null,
      developmentId: p.developmentId ?? null,
      present: p.present,
    })),
  );
}

const shown = (input: ClassInput, regionCode: string) => ({
  ...input,
  regionCode,
  attendance: input.attendance.map((p) => ({
    ...(p.memberId != null ? { memberId: p.memberId } : {}),
    ...(p.instructorId != null ? { instructorId: p.instructorId } : {}),
    ...(p.developmentId != null ? { developmentId: p.developmentId } : {}),
    present: p.present,
  })),
});

const counts = (classId: number, list: Participant[]) => ({
  id: classId,
  participants: list.length,
  present: list.filter((p) => p.present).length,
});

export async function createClass(tx: Tx, actor: Actor, input: ClassInput, today: string) {
  const regionCode = await checkClass(tx, actor, input, today);
  const { attendance, ...values } = input;
  const [row] = await tx
    .insert(trainingClasses)
    .values({ ...values, regionCode })
    .returning({ id: trainingClasses.id });
  await writeAttendance(tx, row.id, attendance);
  await syncCandidateTraining(tx, developmentIds(attendance));
  await auditChange(tx, actor, {
    action: 'training.class_create',
    entity: 'training_class',
    entityId: row.id,
    diff: shown(input, regionCode),
  });
  return counts(row.id, attendance);
}

async function storedAttendance(tx: Tx, classId: number): Promise<Participant[]> {
  return tx
    .select({
      memberId: trainingAttendance.memberId,
      instructorId: trainingAttendance.instructorId,
      developmentId: trainingAttendance.developmentId,
      present: trainingAttendance.present,
    })
    .from(trainingAttendance)
    .where(eq(trainingAttendance.classId, classId))
    .orderBy(trainingAttendance.id);
}

/** Rows the actor cannot see (another region's members at a city class) stay as they are. */
async function hiddenRows(tx: Tx, classId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select dangjian_training_attendance_count(${classId}) - (select count(*) from training_attendance where class_id = ${classId}) as n`,
  );
  return Number(row?.n ?? 0);
}

export async function updateClass(tx: Tx, actor: Actor, id: number, input: ClassInput, today: string) {
  const before = await loadClass(tx, actor, id, { forUpdate: true });
  const regionCode = await checkClass(tx, actor, input, today);
  if (!regionCode.startsWith(before.regionCode) && !before.regionCode.startsWith(regionCode)) {
    invalid('orgId', '培训班的举办地区不能改到另一地区');
  }
  if ((await hiddenRows(tx, id)) > 0) {
    invalid('attendance', '该培训班有管辖范围以外的参训人员，只能由举办地区的上级修改');
  }
  const old = await storedAttendance(tx, id);
  const { attendance, ...values } = input;
  await tx
    .update(trainingClasses)
    .set({ ...values, regionCode, updatedAt: new Date() })
    .where(eq(trainingClasses.id, id));
  await tx.delete(trainingAttendance).where(eq(trainingAttendance.classId, id));
  await writeAttendance(tx, id, attendance);
  await syncCandidateTraining(tx, [...developmentIds(old), ...developmentIds(attendance)]);
  const { createdAt: _c, updatedAt: _u, ...was } = before;
  await auditChange(tx, actor, {
    action: 'training.class_update',
    entity: 'training_class',
    entityId: id,
    diff: { before: { ...was, attendance: old }, after: shown(input, regionCode) },
  });
  return counts(id, attendance);
}

export async function deleteClass(tx: Tx, actor: Actor, id: number) {
  const before = await loadClass(tx, actor, id, { forUpdate: true });
  if ((await hiddenRows(tx, id)) > 0) {
    invalid('attendance', '该培训班有管辖范围以外的参训人员，只能由举办地区的上级撤销');
  }
  const old = await storedAttendance(tx, id);
  await tx.delete(trainingClasses).where(eq(trainingClasses.id, id));
  await syncCandidateTraining(tx, developmentIds(old));
  const { createdAt: _c, updatedAt: _u, ...was } = before;
  await auditChange(tx, actor, {
    action: 'training.class_delete',
    entity: 'training_class',
    entityId: id,
    diff: { ...was, attendance: old },
  });
}

const present = (c: { kind: string; startsOn: string; endsOn: string }) => ({
  kindLabel: classKindLabel(c.kind),
  days: classDays(c.startsOn, c.endsOn),
});

/** The classes of a year in the actor's scope (a secretary's: their org's and those its people attended). */
export function listClasses(tx: Tx, actor: Actor, year: number) {
  return listClassesWhere(tx, actor, sql`extract(year from c.ends_on) = ${year}`);
}

/** One class with its attendance, each person by name (as the actor may see them). */
export async function readClass(tx: Tx, actor: Actor, id: number) {
  await loadInScope(tx, trainingClasses, id, classVisible(actor), '培训班');
  const [c] = await listClassesWhere(tx, actor, sql`c.id = ${id}`);
  const attendance = await queryRows<{
    memberId: number | null;
    instructorId: number | null;
    developmentId: number | null;
    name: string;
    orgName: string | null;
    present: boolean;
  }>(
    tx,
    sql`select a.member_id as "memberId", a.instructor_id as "instructorId", a.development_id as "developmentId",
          coalesce(m.name, i.name, d.name) as name, coalesce(mo.name, dorg.name) as "orgName", a.present
        from training_attendance a
          left join members m on m.id = a.member_id left join party_orgs mo on mo.id = m.org_id
          left join instructors i on i.id = a.instructor_id
          left join developments d on d.id = a.development_id left join party_orgs dorg on dorg.id = d.org_id
        where a.class_id = ${id}
        order by a.id`,
  );
  return { ...c, attendance };
}

interface ClassListRow {
  id: number;
  regionCode: string;
  regionName: string;
  orgId: number | null;
  orgName: string | null;
  kind: ClassKind;
  title: string;
  organiser: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  placeText: string | null;
  participants: number;
  present: number;
}

async function listClassesWhere(tx: Tx, actor: Actor, where: SQL) {
  const rows = await queryRows<ClassListRow>(
    tx,
    sql`select c.id, c.region_code as "regionCode", r.name as "regionName", c.org_id as "orgId", o.name as "orgName",
          c.kind, c.title, c.organiser, c.starts_on::text as "startsOn", c.ends_on::text as "endsOn",
          c.hours::float8 as hours, c.place_text as "placeText",
          (select count(*) from training_attendance a where a.class_id = c.id)::int as participants,
          (select count(*) from training_attendance a where a.class_id = c.id and a.present)::int as present
        from training_classes c join regions r on r.code = c.region_code
          left join party_orgs o on o.id = c.org_id
        where ${visibleAsC(actor)} and ${where}
        order by c.starts_on desc, c.id desc`,
  );
  return rows.map((r) => ({ ...r, ...present(r) }));
}
