import { and, count, eq, sql } from 'drizzle-orm';
import { REQUEST_CATEGORIES, type RequestCategory } from '../../domain/instructor/codes.ts';
import { DEFAULT_DEPARTMENTS } from '../../domain/instructor/departments.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { departmentRelevance, departments, instructors } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';

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
  for (const [i, d] of DEFAULT_DEPARTMENTS.entries()) {
    const [row] = await tx
      .insert(departments)
      .values({ name: d.name, sortOrder: i + 1 })
      .returning({ id: departments.id });
    await writeRelevance(tx, row.id, [...d.industries], [...d.requests]);
  }
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

/** The catalogue in its order, each department with its relevance map and how many instructors serve from it. */
export async function listDepartments(tx: Tx, actor: Actor) {
  await ensureDefaultDepartments(tx, actor);
  // Instructors counted are those the actor can see (row-level security): their region's.
  return queryRows<{
    id: number;
    name: string;
    sortOrder: number;
    industries: string[];
    requests: string[];
    instructors: number;
  }>(
    tx,
    sql`select d.id, d.name, d.sort_order as "sortOrder",
          coalesce((select array_agg(r.code order by r.code) from department_relevance r
                    where r.department_id = d.id and r.kind = 'industry'), '{}') as industries,
          coalesce((select array_agg(r.code order by r.code) from department_relevance r
                    where r.department_id = d.id and r.kind = 'request'), '{}') as requests,
          (select count(*)::int from instructors i
           where i.source_department_id = d.id and (i.left_on is null or i.left_on > current_date)) as instructors
        from departments d order by d.sort_order, d.id`,
  );
}

async function checkInput(tx: Tx, input: DepartmentInput, self?: number) {
  const name = input.name.trim();
  const [clash] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.name, name), self === undefined ? undefined : sql`${departments.id} <> ${self}`));
  if (clash) invalid('name', `已有名为“${name}”的部门`);
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
  const { name, industries, requests } = await checkInput(tx, input);
  const [row] = await tx.insert(departments).values({ name, sortOrder: input.sortOrder }).returning();
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

async function loadDepartment(tx: Tx, id: number) {
  const [row] = await tx.select().from(departments).where(eq(departments.id, id)).for('update');
  if (!row) throw notFound('部门');
  return row;
}

/** Renames, reorders or changes the relevance map of a department; the audit row keeps before and after. */
export async function updateDepartment(tx: Tx, actor: Actor, id: number, patch: Partial<DepartmentInput>) {
  const row = await loadDepartment(tx, id);
  const [before] = (await listDepartments(tx, actor)).filter((d) => d.id === id);
  const next = await checkInput(
    tx,
    {
      name: patch.name ?? row.name,
      sortOrder: patch.sortOrder ?? row.sortOrder,
      industries: patch.industries ?? before.industries,
      requests: patch.requests ?? (before.requests as RequestCategory[]),
    },
    id,
  );
  const after = { ...next, sortOrder: patch.sortOrder ?? row.sortOrder };
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  const was = { name: row.name, sortOrder: row.sortOrder, industries: before.industries, requests: before.requests };
  for (const key of ['name', 'sortOrder', 'industries', 'requests'] as const) {
    if (JSON.stringify(was[key]) !== JSON.stringify(after[key])) diff[key] = { before: was[key], after: after[key] };
  }
  if (Object.keys(diff).length === 0) return { changed: [] as string[] };
  await tx
    .update(departments)
    .set({ name: after.name, sortOrder: after.sortOrder, updatedAt: new Date() })
    .where(eq(departments.id, id));
  if (diff.industries || diff.requests) await writeRelevance(tx, id, after.industries, after.requests);
  await auditChange(tx, actor, { action: 'department.update', entity: 'department', entityId: id, diff });
  return { changed: Object.keys(diff) };
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
  const row = await loadDepartment(tx, id);
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
