import { and, asc, eq, ilike, isNull, like, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { containing } from '../db/like.ts';
import { departments, instructors, partyOrgs, regions } from '../db/schema.ts';
import { regionInScope, scopePrefixOf } from '../regions/scope.ts';

const LIMIT = 50;

export interface LinkTargetQuery {
  region: string;
  q?: string;
  /** Always listed when inside the region: the account's current links, so the form can name them. */
  orgId?: number;
  instructorId?: number;
}

/**
 * What an account of `region` may be tied to: the party orgs in force there (a secretary's
 * own org) and the instructors still serving there (an instructor's own record), by name.
 * Answers the user administrator, who has no org or instructor permissions, with names only.
 */
export async function linkTargets(tx: Tx, actor: Actor, query: LinkTargetQuery) {
  const region = await regionInScope(tx, actor, query.region);
  const within = `${scopePrefixOf(region.code)}%`;
  const named = (column: Parameters<typeof ilike>[0]): SQL | undefined =>
    query.q ? ilike(column, containing(query.q.trim())) : undefined;
  const keep = (id: Parameters<typeof eq>[0], wanted: number | undefined) => (wanted ? eq(id, wanted) : undefined);

  const orgs = await tx
    .select({ id: partyOrgs.id, name: partyOrgs.name, regionName: regions.name })
    .from(partyOrgs)
    .leftJoin(regions, eq(regions.code, partyOrgs.regionCode))
    .where(
      and(
        like(partyOrgs.regionCode, within),
        or(and(isNull(partyOrgs.dissolvedOn), named(partyOrgs.name)), keep(partyOrgs.id, query.orgId)),
      ),
    )
    .orderBy(asc(partyOrgs.name))
    .limit(LIMIT);
  const people = await tx
    .select({
      id: instructors.id,
      name: instructors.name,
      sourceDepartmentName: departments.name,
      regionName: regions.name,
    })
    .from(instructors)
    .leftJoin(departments, eq(departments.id, instructors.sourceDepartmentId))
    .leftJoin(regions, eq(regions.code, instructors.regionCode))
    .where(
      and(
        like(instructors.regionCode, within),
        or(and(isNull(instructors.leftOn), named(instructors.name)), keep(instructors.id, query.instructorId)),
      ),
    )
    .orderBy(asc(instructors.name), asc(instructors.id))
    .limit(LIMIT);
  return { orgs, instructors: people };
}
