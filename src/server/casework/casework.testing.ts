// Records for the casework tests, written directly (departments, instructors and assignments
// have their own area and tests): the rows casework hangs off, and development records to
// derive outcomes from.
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import type { Database } from '../db/client.ts';
import { assignments, departments, developments, instructors, members } from '../db/schema.ts';

let n = 0;

export const today = () => localDateString(new Date());
export const daysAgo = (days: number) => addDays(today(), -days);

export async function makeDepartment(database: Database, name?: string, sortOrder = 0) {
  n++;
  const [row] = await database.db
    .insert(departments)
    .values({ name: name ?? `测试部门${n}`, sortOrder })
    .returning();
  return row;
}

export async function makeInstructor(
  database: Database,
  departmentId: number,
  values: Partial<typeof instructors.$inferInsert> = {},
) {
  n++;
  const [row] = await database.db
    .insert(instructors)
    .values({
      kind: 'instructor',
      name: `指导员${n}`,
      sourceDepartmentId: departmentId,
      regionCode: '420502',
      ...values,
    })
    .returning();
  return row;
}

export async function makeAssignment(
  database: Database,
  instructorId: number,
  enterpriseId: number,
  startOn: string,
  endOn: string | null = null,
) {
  const [row] = await database.db
    .insert(assignments)
    .values({ instructorId, enterpriseId, startOn, endOn })
    .returning();
  return row;
}

/** A development record at `employerId` with the given step dates (the person's details are placeholders). */
export async function makeDevelopment(
  database: Database,
  orgId: number,
  employerId: number,
  dates: { activistOn?: string; admittedOn?: string; appliedOn?: string },
) {
  n++;
  const [row] = await database.db
    .insert(developments)
    .values({
      orgId,
      employerId,
      name: `发展对象${n}`,
      idNumber: `placeholder-${n}`,
      idNumberHash: `casework-test-${n}-${Math.random()}`,
      birthDate: '1995-01-01',
      sex: 'male',
      appliedOn: dates.appliedOn ?? '2020-01-01',
      activistOn: dates.activistOn ?? null,
      admittedOn: dates.admittedOn ?? null,
    })
    .returning();
  return row;
}

/** A member recorded at `employerId` without a development record (a roster loaded from elsewhere). */
export async function makeMember(database: Database, orgId: number, employerId: number, joinedOn: string) {
  n++;
  const [row] = await database.db
    .insert(members)
    .values({
      orgId,
      employerId,
      name: `党员${n}`,
      idNumber: `placeholder-m-${n}`,
      idNumberHash: `casework-member-${n}-${Math.random()}`,
      birthDate: '1990-01-01',
      sex: 'female',
      status: 'probationary',
      joinedOn,
    })
    .returning();
  return row;
}
