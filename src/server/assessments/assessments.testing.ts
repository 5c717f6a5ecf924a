// Test support for the assessment and owner survey area: instructors, their departments and
// assignments written directly with SQL (the instructor area has its own services and tests).
import { sql } from 'drizzle-orm';
import { halfYearOf, periodRange } from '../../domain/assessment/period.ts';
import { localDateString } from '../../domain/calendarDate.ts';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { TestClient } from '../testing/client.ts';
import type { Fixture } from '../testing/fixture.ts';

/** Today, the half-year it falls in, and that half-year's first day. */
export const today = localDateString(new Date());
export const period = halfYearOf(today);
export const { from } = periodRange(period);

/** A visitor with no account, as a phone opening the link: it fetches the CSRF cookie first. */
export async function holder(fx: Fixture): Promise<TestClient> {
  const c = fx.client();
  await c.get('/api/session');
  return c;
}

let n = 0;

/** An instructor of a department (created when new) in a region. */
export async function makeInstructor(
  database: Database,
  values: {
    name?: string;
    department?: string;
    regionCode?: string;
    kind?: 'instructor' | 'liaison';
    leftOn?: string;
  } = {},
): Promise<{ id: number; name: string }> {
  n++;
  const department = values.department ?? '工信局';
  const [dept] = await queryRows<{ id: number }>(
    database.db,
    sql`insert into departments (name) values (${department})
        on conflict (region_code, name) do update set name = excluded.name returning id`,
  );
  const name = values.name ?? `指导员${n}`;
  const [row] = await queryRows<{ id: number }>(
    database.db,
    sql`insert into instructors (kind, name, source_department_id, region_code, left_on)
        values (${values.kind ?? 'instructor'}, ${name}, ${dept.id}, ${values.regionCode ?? '420502'}, ${values.leftOn ?? null})
        returning id`,
  );
  return { id: row.id, name };
}

/** The instructor assigned to the enterprise over [startOn, endOn). */
export async function assign(
  database: Database,
  instructorId: number,
  enterpriseId: number,
  startOn = '2026-01-01',
  endOn: string | null = null,
): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    database.db,
    sql`insert into assignments (instructor_id, enterprise_id, start_on, end_on)
        values (${instructorId}, ${enterpriseId}, ${startOn}, ${endOn}) returning id`,
  );
  return row.id;
}

/** Row counts of every table this area writes, to prove a refused request changed nothing. */
export async function areaCounts(database: Database) {
  const [row] = await queryRows<Record<string, number>>(
    database.db,
    sql`select (select count(*)::int from daily_assessments) as daily,
               (select count(*)::int from periodic_assessments) as periodic,
               (select count(*)::int from appraisal_scores) as scores,
               (select count(*)::int from one_time_links) as links,
               (select count(*)::int from one_time_links where used_at is not null) as used,
               (select count(*)::int from owner_surveys) as "ownerSurveys",
               (select count(*)::int from owner_survey_responses) as responses,
               (select coalesce(string_agg(token_hash, ',' order by id), '') from one_time_links) as hashes,
               (select coalesce(string_agg(region_code || value::text, ',' order by region_code), '') from region_settings where key = 'assessment') as settings`,
  );
  return row;
}
