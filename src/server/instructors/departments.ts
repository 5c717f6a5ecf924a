import { and, count, eq, sql } from 'drizzle-orm';
import { REQUEST_CATEGORIES, type RequestCategory } from '../../domain/instructor/codes.ts';
import { DEFAULT_DEPARTMENTS } from '../../domain/instructor/departments.ts';
import { ROOT_REGION } from '../../domain/regionCode.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { departmentRelevance, departments, instructors } from '../db/schema.ts';
import { unsafeAsOwner } from '../db/tx.ts';
import { HttpError, notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { scopePrefixOf } from '../regions/scope.ts';

export interface DepartmentInput {
  name: string;
  sortOrder: number;
  /** GB/T 4754 section letters. */
  industries: string[];
  requests: RequestCategory[];
}

// Any constant: it only has to be the same for every process seeding the catalogue.
const SEED_LOCK = 7_146_205;

/**
 * Gives a deployment without departments the default catalogue (src/domain/instructor/departments.ts),
 * audited as the actor's. Idempotent: once any department exists (even if the defaults were
 * since removed or renamed) it does nothing. Called by the catalogue's first reading and by
 * the demo data, so nobody has to type in seventeen departments before the first instructor.
 */
export async function ensureDefaultDepartments(tx: Tx, actor: Actor): Promise<boolean> {
  const empty = async () => (await tx.select({ n: count() }).from(departments))[0].n === 0;
  if (!(await empty())) return false;
  // Two first readings at once: the second waits, then finds the catalogue there.
  await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
  if (!(await empty())) return false;
  // The defaults are the deployment's (the root region's), whoever reads first: with the
  // owner's rights, as a county user may not write a catalogue above its own.
  await unsafeAsOwner(tx, async () => {
    for (const [i, d] of DEFAULT_DEPARTMENTS.entries()) {
      const [row] = await tx
        .insert(departments)
        .values({ regionCode: ROOT_REGION, name: d.name, sortOrder: i + 1 })
        .returning({ id: departments.id });
      await writeRelevance(tx, row.id, [...d.industries], [...d.requests]);
    }
  });
  await auditChange(tx, actor, {
    action: 'department.seed',
    entity: 'department',
    entityId: null,
    diff: {
      names: DEFAULT_DEPARTMENTS.map((d) => d.name),
    },
  });
  return true;
}

async function writeRelevance(tx: Tx, departmentId: number, industries: string[], requests: string[]) {
  await tx.delete(departmentRelevance).where(eq(departmentRelevance.departmentId, departmentId));
  const rows = [
    ...industries.map((code) => ({ departmentId, kind: 'industry', code })),
    ...requests.map((code) => ({ departmentId, kind: 'request', code })),
  ];
  if (rows.length > 0) await tx.insert(departmentRelevance).values(rows);
}

/** Whether a department (by its region) applies to a region: its own, or one above it. */
const appliesTo = (region: string) => sql`${region} like dangjian_region_scope_prefix(d.region_code) || '%'`;

/**
 * The catalogue that applies to the actor's region, in its order: the region's own departments
 * and those of the regions above it, a department of its own taking the place of an inherited
 * one of the same name. Each with its relevance map and how many instructors serve from it.
 */
export async function listDepartments(tx: Tx, actor: Actor) {
  await ensureDefaultDepartments(tx, actor);
  // Instructors counted are those the actor can see (row-level security): their region's.
  return queryRows<{
    id: number;
    name: string;
    sortOrder: number;
    regionCode: string;
    regionName: string;
    own: boolean;
    industries: string[];
    requests: string[];
    instructors: number;
  }>(
    tx,
    sql`select * from (
          select distinct on (d.name) d.id, d.name, d.sort_order as "sortOrder", d.region_code as "regionCode",
            coalesce(g.name, '全国') as "regionName", d.region_code = ${actor.regionCode} as own,
            coalesce((select array_agg(r.code order by r.code) from department_relevance r
                      where r.department_id = d.id and r.kind = 'industry'), '{}') as industries,
            coalesce((select array_agg(r.code order by r.code) from department_relevance r
                      where r.department_id = d.id and r.kind = 'request'), '{}') as requests,
            (select count(*)::int from instructors i
             where i.source_department_id = d.id and (i.left_on is null or i.left_on > current_date)) as instructors
          from departments d left join regions g on g.code = d.region_code
          where ${appliesTo(actor.regionCode)}
          order by d.name, length(dangjian_region_scope_prefix(d.region_code)) desc
        ) catalogue order by "sortOrder", id`,
  );
}

/** Those of the departments that apply to the region (its own or one above). */
export async function departmentsApplying(tx: Tx, ids: readonly number[], regionCode: string): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select d.id from departments d where d.id = any(${`{${ids.join(',')}}`}::int[]) and ${appliesTo(regionCode)}`,
  );
  return rows.map((r) => r.id);
}

/** Whether the department applies to the region (an instructor of that region may come from it). */
export const departmentApplies = async (tx: Tx, id: number, regionCode: string) =>
  (await departmentsApplying(tx, [id], regionCode)).length > 0;

async function checkInput(tx: Tx, regionCode: string, input: DepartmentInput, self?: number) {
  const name = input.name.trim();
  const [clash] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        eq(departments.regionCode, regionCode),
        eq(departments.name, name),
        self === undefined ? undefined : sql`${departments.id} <> ${self}`,
      ),
    );
  if (clash) invalid('name', `本级已有名为“${name}”的部门`);
  const industries = [...new Set(input.industries)].sort();
  const requests = [...new Set(input.requests)].sort();
  const sections = await queryRows<{ code: string }>(tx, sql`select code from industries where is_section`);
  const known = new Set(sections.map((r) => r.code));
  const unknown = industries.filter((s) => !known.has(s));
  if (unknown.length > 0) invalid('industries', `行业门类 ${unknown.join('、')} 不存在，门类为 A–T 的字母`);
  const categories = new Set<string>(REQUEST_CATEGORIES.map((c) => c.code));
  const badRequest = requests.filter((r) => !categories.has(r));
  if (badRequest.length > 0) invalid('requests', `诉求类别 ${badRequest.join('、')} 不存在`);
  return { name, industries, requests };
}

export async function createDepartment(tx: Tx, actor: Actor, input: DepartmentInput) {
  const { name, industries, requests } = await checkInput(tx, actor.regionCode, input);
  const [row] = await tx
    .insert(departments)
    .values({ regionCode: actor.regionCode, name, sortOrder: input.sortOrder })
    .returning();
  await writeRelevance(tx, row.id, industries, requests);
  await auditChange(tx, actor, {
    action: 'department.create',
    entity: 'department',
    entityId: row.id,
    diff: {
      name,
      sortOrder: input.sortOrder,
      industries,
      requests,
    },
  });
  return { id: row.id };
}

/**
 * A department the actor's region owns, locked for the change. One inherited from a region
 * above is seen but changed only there; one of a region outside the catalogue is not found.
 */
async function loadOwnDepartment(tx: Tx, actor: Actor, id: number) {
  if (!(await departmentApplies(tx, id, actor.regionCode))) throw notFound('部门');
  const [row] = await tx.select().from(departments).where(eq(departments.id, id));
  if (row.regionCode !== actor.regionCode) {
    throw new HttpError(403, 'forbidden', `“${row.name}”是上级的部门，由上级维护；可在本级新增同名部门代替它`);
  }
  // Locked only once it is known to be the actor's: row-level security hides others' from FOR UPDATE.
  await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id)).for('update');
  return row;
}

/**
 * Renames, reorders or changes the relevance map of a department of the actor's catalogue; the
 * audit row keeps before and after. A department inherited from a region above is not changed
 * there: the change makes the region's own department of it, which takes its place in the
 * region's catalogue, and the region's instructors who came from it now come from the new one.
 */
export async function updateDepartment(tx: Tx, actor: Actor, id: number, patch: Partial<DepartmentInput>) {
  // The catalogue as the actor sees it: an inherited department already replaced is not in it.
  const [before] = (await listDepartments(tx, actor)).filter((d) => d.id === id);
  if (!before) throw notFound('部门');
  const next = await checkInput(
    tx,
    actor.regionCode,
    {
      name: patch.name ?? before.name,
      sortOrder: patch.sortOrder ?? before.sortOrder,
      industries: patch.industries ?? before.industries,
      requests: patch.requests ?? (before.requests as RequestCategory[]),
    },
    before.own ? id : undefined,
  );
  const after = { ...next, sortOrder: patch.sortOrder ?? before.sortOrder };
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of ['name', 'sortOrder', 'industries', 'requests'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      diff[key] = { before: before[key], after: after[key] };
  }
  if (Object.keys(diff).length === 0) return { id, changed: [] as string[] };
  if (!before.own) return overrideDepartment(tx, actor, before, after, diff);
  await loadOwnDepartment(tx, actor, id);
  await tx
    .update(departments)
    .set({ name: after.name, sortOrder: after.sortOrder, updatedAt: new Date() })
    .where(eq(departments.id, id));
  if (diff.industries || diff.requests) await writeRelevance(tx, id, after.industries, after.requests);
  await auditChange(tx, actor, { action: 'department.update', entity: 'department', entityId: id, diff });
  return { id, changed: Object.keys(diff) };
}

async function overrideDepartment(
  tx: Tx,
  actor: Actor,
  inherited: { id: number; regionCode: string },
  after: DepartmentInput,
  diff: Record<string, { before: unknown; after: unknown }>,
) {
  const [row] = await tx
    .insert(departments)
    .values({ regionCode: actor.regionCode, name: after.name, sortOrder: after.sortOrder })
    .returning({ id: departments.id });
  await writeRelevance(tx, row.id, after.industries, after.requests);
  // Row-level security keeps this to the instructors of the actor's own region and below.
  const moved = await tx
    .update(instructors)
    .set({ sourceDepartmentId: row.id, updatedAt: new Date() })
    .where(
      and(
        eq(instructors.sourceDepartmentId, inherited.id),
        sql`${instructors.regionCode} like ${`${scopePrefixOf(actor.regionCode)}%`}`,
      ),
    )
    .returning({ id: instructors.id });
  await auditChange(tx, actor, {
    action: 'department.override',
    entity: 'department',
    entityId: row.id,
    diff: { ...diff, inheritedId: inherited.id, inheritedRegion: inherited.regionCode, instructorsMoved: moved.length },
  });
  return { id: row.id, changed: Object.keys(diff) };
}

const isForeignKeyViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23503' || e?.cause?.code === '23503';
};

/**
 * Removes a department no instructor comes from. One with instructors (in any region, even
 * those the actor cannot see) is refused: rename it instead, their history keeps its name.
 */
export async function deleteDepartment(tx: Tx, actor: Actor, id: number) {
  const row = await loadOwnDepartment(tx, actor, id);
  const [{ n }] = await tx.select({ n: count() }).from(instructors).where(eq(instructors.sourceDepartmentId, id));
  const refused = () =>
    invalid('id', `“${row.name}”仍有 ${n > 0 ? `${n} 名` : ''}指导员或联络员（含已离任的），不能删除；可以改名`);
  if (n > 0) refused();
  try {
    // A savepoint: instructors of other regions are invisible here, and the foreign key finds them.
    await tx.transaction((sp) => sp.delete(departments).where(eq(departments.id, id)));
  } catch (err) {
    if (isForeignKeyViolation(err)) refused();
    throw err;
  }
  await auditChange(tx, actor, {
    action: 'department.delete',
    entity: 'department',
    entityId: id,
    diff: { name: row.name },
  });
}
