import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { enterprises, instructors } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { inRegionScope } from '../regions/scope.ts';

/** The instructors an assessor sees: those of their region's subtree. */
export function instructorInScope(actor: Actor): SQL {
  return inRegionScope(instructors.regionCode, actor);
}

/** The instructor, if in the actor's scope; otherwise 404 as if absent. */
export async function loadInstructor(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({ id: instructors.id, name: instructors.name, regionCode: instructors.regionCode })
    .from(instructors)
    .where(and(eq(instructors.id, id), instructorInScope(actor)));
  if (!row) throw notFound('指导员');
  return row;
}

/** The enterprise, if in the actor's region; otherwise 404 as if absent. */
export async function loadEnterprise(tx: Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      regionCode: enterprises.regionCode,
      memberCount: enterprises.memberCount,
      orgCoverage: enterprises.orgCoverage,
    })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), inRegionScope(enterprises.regionCode, actor)));
  if (!row) throw notFound('企业');
  return row;
}

export interface AssignedEnterprise {
  id: number;
  name: string;
  regionCode: string;
  memberCount: number;
  orgCoverage: string | null;
  instructors: { id: number; name: string }[];
}

/**
 * Enterprises under `regionPrefix` with an instructor assigned at some time in [from, to], each
 * with those instructors. Row-level security keeps it within the transaction's scope as well.
 */
export async function assignedEnterprises(
  tx: Tx,
  regionPrefix: string,
  range: { from: string; to: string },
  only?: number,
): Promise<AssignedEnterprise[]> {
  if (!/^\d*$/.test(regionPrefix)) throw new Error('region prefix must be digits');
  const rows = await queryRows<AssignedEnterprise>(
    tx,
    sql`select e.id, e.name, e.region_code as "regionCode", e.member_count as "memberCount",
               e.org_coverage as "orgCoverage",
               json_agg(json_build_object('id', i.id, 'name', i.name) order by i.id) as instructors
        from enterprises e
        join (select distinct enterprise_id, instructor_id from assignments
              where start_on <= ${range.to}::date and (end_on is null or end_on > ${range.from}::date)) a
          on a.enterprise_id = e.id
        join instructors i on i.id = a.instructor_id
        where e.region_code like ${`${regionPrefix}%`} ${only === undefined ? sql`` : sql`and e.id = ${only}`}
        group by e.id order by e.name, e.id`,
  );
  return rows;
}
