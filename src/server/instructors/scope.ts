import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { enterprises, instructors } from '../db/schema.ts';
import { inRegionScope } from '../regions/scope.ts';

/**
 * The instructors an actor may see: those of their region, and those from elsewhere assigned
 * to an enterprise of their region; an instructor account sees only its own record. Row-level
 * security (migration 0013) says the same in the database.
 */
export function instructorInScope(actor: Actor): SQL {
  const seen = sql`(${inRegionScope(instructors.regionCode, actor)} or ${instructors.id} in (
    select a.instructor_id from assignments a join enterprises e on e.id = a.enterprise_id
    where e.region_code like ${`${actor.scopePrefix}%`}))`;
  return actor.instructorId === null ? seen : (and(seen, eq(instructors.id, actor.instructorId)) as SQL);
}

/** The instructors an actor may change or reveal: those registered in their region. */
export function instructorInWriteScope(actor: Actor): SQL {
  const region = inRegionScope(instructors.regionCode, actor);
  return actor.instructorId === null ? region : (and(region, eq(instructors.id, actor.instructorId)) as SQL);
}

/** The enterprises an actor may see: their region; for an instructor account, those assigned to it today. */
export function enterpriseInScope(actor: Actor, today: string): SQL {
  const region = inRegionScope(enterprises.regionCode, actor);
  if (actor.instructorId === null) return region;
  return and(
    region,
    sql`${enterprises.id} in (select enterprise_id from assignments where instructor_id = ${actor.instructorId}
        and start_on <= ${today}::date and (end_on is null or end_on > ${today}::date))`,
  ) as SQL;
}
