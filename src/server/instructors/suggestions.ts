import { and, eq, isNull, notInArray, or, sql } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import { divisionSection } from '../../domain/enterprise/industry.ts';
import { rankInstructors } from '../../domain/instructor/suggest.ts';
import { regionPrefix } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { assignments, departments, enterprises, industries, instructors, regions } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Keys } from '../keys.ts';
import { presentInstructor } from './presenter.ts';
import { loadSql } from './queries.ts';
import { enterpriseInScope, instructorInScope } from './scope.ts';

/** How many suggestions a page shows: enough to choose from, few enough to read. */
export const SUGGESTION_LIMIT = 10;

/** The section letter of a stored industry: a letter as it is, a division through GB/T 4754's table. */
const sectionOf = (code: string | null) => (code === null ? null : /^[A-T]$/.test(code) ? code : divisionSection(code));

/**
 * The serving instructors the actor can see, not already assigned to the enterprise today,
 * ranked for it (src/domain/instructor/suggest.ts) with the reasons of each rank. First those of
 * the enterprise's county (or of its city, for an enterprise registered at city level): the
 * points would put a relevant department's instructor from a county an hour away above one
 * next door, and a committee sends its own people first. `wider` ranks all of them.
 */
export async function suggestInstructors(tx: Tx, actor: Actor, keys: Keys, enterpriseId: number, wider = false) {
  const on = localDateString(new Date());
  const [e] = await tx
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), enterpriseInScope(actor, on)));
  if (!e) throw notFound('企业');
  const section = sectionOf(e.industryCode);
  const [industry] = section
    ? await tx.select({ name: industries.name }).from(industries).where(eq(industries.code, section))
    : [];
  const current = tx
    .select({ id: assignments.instructorId })
    .from(assignments)
    .where(
      and(
        eq(assignments.enterpriseId, enterpriseId),
        sql`${assignments.startOn} <= ${on}::date and (${assignments.endOn} is null or ${assignments.endOn} > ${on}::date)`,
      ),
    );
  const rows = await tx
    .select({
      i: instructors,
      sourceDepartmentName: departments.name,
      regionName: regions.name,
      load: loadSql(on),
      sections: sql<string[]>`coalesce((select array_agg(r.code) from department_relevance r
        where r.department_id = ${instructors.sourceDepartmentId} and r.kind = 'industry'), '{}')`,
    })
    .from(instructors)
    .leftJoin(departments, eq(departments.id, instructors.sourceDepartmentId))
    .leftJoin(regions, eq(regions.code, instructors.regionCode))
    .where(
      and(
        instructorInScope(actor),
        or(isNull(instructors.leftOn), sql`${instructors.leftOn} > ${on}::date`),
        notInArray(instructors.id, current),
      ),
    );
  const county = e.regionCode.slice(0, 6);
  const [within] = wider
    ? [null]
    : await tx.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.code, county));
  const inCounty = regionPrefix(county);
  const pool = within ? rows.filter((r) => r.i.regionCode.startsWith(inCounty)) : rows;
  const ranked = rankInstructors(
    { regionCode: e.regionCode, section, sectionName: industry?.name ?? null },
    pool.map((r) => ({
      ...r,
      id: r.i.id,
      regionCode: r.i.regionCode,
      sourceDepartmentName: r.sourceDepartmentName ?? '',
    })),
  ).slice(0, SUGGESTION_LIMIT);
  return {
    enterprise: {
      id: e.id,
      name: e.name,
      regionCode: e.regionCode,
      section,
      sectionName: industry?.name ?? null,
      workCovered: e.orgCoverage !== null || e.hasInstructor,
    },
    within: within ?? null,
    /** Serving instructors considered; the items are the best SUGGESTION_LIMIT of them. */
    considered: pool.length,
    elsewhere: rows.length - pool.length,
    items: ranked.map((r) => ({
      rank: r.rank,
      score: r.score,
      reasons: r.reasons,
      explanation: r.explanation,
      instructor: presentInstructor(r.candidate.i, keys, r.candidate),
    })),
  };
}
