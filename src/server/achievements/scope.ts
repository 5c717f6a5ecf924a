import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { achievements } from '../db/schema.ts';

/**
 * Achievements an actor may see: those of the orgs they see (their region's subtree, a
 * secretary's own org); an instructor, those at the enterprises assigned to them today.
 * Row-level security (migration 0032) says the same.
 */
export function achievementInScope(actor: Actor, today: string): SQL {
  if (actor.instructorId !== null) {
    return sql`${achievements.enterpriseId} in (select enterprise_id from assignments
      where instructor_id = ${actor.instructorId} and start_on <= ${today}::date
        and (end_on is null or end_on > ${today}::date))`;
  }
  return sql`${achievements.orgId} in (select o.id from party_orgs o where o.region_code like ${`${actor.scopePrefix}%`}
    ${actor.orgId === null ? sql`` : sql`and o.id = ${actor.orgId}`})`;
}
