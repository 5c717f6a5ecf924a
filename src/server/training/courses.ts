// The online party school (网上党校, rules.md §12): courses published to a scope (a region's
// subtree or chosen orgs), marked done for a member by their secretary (members have no
// accounts) or by an instructor for themself. A course marked done credits its hours to the
// year it was marked in. Nothing measures time on a page, scores a quiz or ranks anyone.
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Tx } from '../db/client.ts';
import { loadInScope } from '../db/loadInScope.ts';
import { queryRows } from '../db/rows.ts';
import { courseCompletions, courseScopes, courses, members, partyOrgs } from '../db/schema.ts';
import { HttpError } from '../errors.ts';
import { memberInWriteScope } from '../members/scope.ts';
import { invalid, notAfterToday } from '../orgs/invalid.ts';
import { orgInScope } from '../orgs/scope.ts';
import { codeInScope, inRegionScope } from '../regions/scope.ts';

export interface CourseInput {
  title: string;
  topic: string;
  hours: number;
  videoUrl: string | null;
  publishedOn: string;
  /** The regions whose subtrees it reaches; or, with none, the chosen orgs. */
  regions: string[];
  orgIds: number[];
}

/**
 * A video on the deployment's own network: a path on this site or an http(s) address on a
 * host the deployment names. The system runs on closed networks, so nothing is fetched here.
 */
export function checkVideoUrl(url: string): void {
  if (url.startsWith('/') && !url.startsWith('//')) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    invalid('videoUrl', '视频地址应为本站路径（以 / 开头）或 http(s) 地址');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    invalid('videoUrl', '视频地址应为本站路径（以 / 开头）或 http(s) 地址');
  }
}

export async function createCourse(tx: Tx, actor: Actor, input: CourseInput, today: string) {
  notAfterToday('publishedOn', '发布日期', input.publishedOn, { today });
  if (input.videoUrl) checkVideoUrl(input.videoUrl);
  if (input.regions.length === 0 && input.orgIds.length === 0) invalid('scope', '请选择发布范围：地区或党组织');
  if (input.regions.length > 0 && input.orgIds.length > 0) invalid('scope', '发布范围选地区或选党组织，不能同时选');
  input.regions.forEach((code, i) => {
    if (!codeInScope(code, actor)) invalid(`regions.${i}`, `发布范围第 ${i + 1} 项（${code}）不在管辖范围内`);
  });
  if (input.regions.length > 0) {
    const known = await queryRows<{ code: string }>(
      tx,
      sql`select code from regions where code in (${sql.join(
        input.regions.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    input.regions.forEach((code, i) => {
      if (!known.some((k) => k.code === code))
        invalid(`regions.${i}`, `发布范围第 ${i + 1} 项（${code}）不是行政区划代码`);
    });
  }
  if (input.orgIds.length > 0) {
    const seen = await tx
      .select({ id: partyOrgs.id })
      .from(partyOrgs)
      .where(and(inArray(partyOrgs.id, input.orgIds), orgInScope(actor)));
    input.orgIds.forEach((id, i) => {
      if (!seen.some((s) => s.id === id)) invalid(`orgIds.${i}`, `发布范围第 ${i + 1} 个党组织不在管辖范围内`);
    });
  }
  const { regions, orgIds, ...values } = input;
  const [row] = await tx
    .insert(courses)
    .values({ ...values, regionCode: actor.regionCode })
    .returning({ id: courses.id });
  const targets = [
    ...[...new Set(regions)].map((regionCode) => ({ courseId: row.id, regionCode, orgId: null })),
    ...[...new Set(orgIds)].map((orgId) => ({ courseId: row.id, regionCode: null, orgId })),
  ];
  await tx.insert(courseScopes).values(targets);
  await auditChange(tx, actor, {
    action: 'training.course_create',
    entity: 'course',
    entityId: row.id,
    diff: { ...input, regionCode: actor.regionCode },
  });
  return { id: row.id };
}

/** A course the actor published (their region); otherwise 404. */
function loadOwnCourse(tx: Tx, actor: Actor, id: number, opts: { forUpdate?: boolean } = {}) {
  return loadInScope(tx, courses, id, inRegionScope(courses.regionCode, actor), '网上党校课程', opts);
}

/** Withdraws a course; one marked done by anyone stays (its hours are credited), as the audit trail does. */
export async function deleteCourse(tx: Tx, actor: Actor, id: number) {
  const before = await loadOwnCourse(tx, actor, id, { forUpdate: true });
  const [done] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from course_completions where course_id = ${id}`,
  );
  if (done.n > 0) {
    throw new HttpError(409, 'in_use', `已有 ${done.n} 人登记学完该课程，其学时已计入，课程不能撤下`);
  }
  await tx.delete(courses).where(eq(courses.id, id));
  const { createdAt: _c, updatedAt: _u, ...was } = before;
  await auditChange(tx, actor, { action: 'training.course_delete', entity: 'course', entityId: id, diff: was });
}

/**
 * The courses reaching an org (published to a region above or at it, or to it by name), or for
 * an actor without an org, those they published or that reach their region.
 */
function reaching(orgId: number | null): SQL {
  if (orgId === null) return sql`true`;
  return sql`k.id in (select s.course_id from course_scopes s, party_orgs o where o.id = ${orgId}
      and (s.org_id = o.id or (s.region_code is not null
        and o.region_code like dangjian_region_scope_prefix(s.region_code) || '%')))`;
}

/** The courses the actor sees (row-level security decides), with who of `orgId` has done each. */
export async function listCourses(tx: Tx, actor: Actor, orgId: number | null) {
  const rows = await queryRows<{
    id: number;
    regionCode: string;
    regionName: string;
    title: string;
    topic: string;
    hours: number;
    videoUrl: string | null;
    publishedOn: string;
    scope: string;
  }>(
    tx,
    sql`select k.id, k.region_code as "regionCode", r.name as "regionName", k.title, k.topic, k.hours::float8 as hours,
          k.video_url as "videoUrl", k.published_on::text as "publishedOn",
          (select string_agg(coalesce(sr.name, so.name), '、' order by s.id) from course_scopes s
            left join regions sr on sr.code = s.region_code left join party_orgs so on so.id = s.org_id
            where s.course_id = k.id) as scope
        from courses k join regions r on r.code = k.region_code
        where ${reaching(orgId)}
        order by k.published_on desc, k.id desc`,
  );
  const done = await queryRows<{
    courseId: number;
    memberId: number | null;
    instructorId: number | null;
    completedOn: string;
  }>(
    tx,
    sql`select cc.course_id as "courseId", cc.member_id as "memberId", cc.instructor_id as "instructorId",
          cc.completed_on::text as "completedOn"
        from course_completions cc
          left join members m on m.id = cc.member_id
        where ${orgId === null ? (actor.instructorId === null ? sql`false` : sql`cc.instructor_id = ${actor.instructorId}`) : sql`m.org_id = ${orgId}`}`,
  );
  return rows.map((r) => ({
    ...r,
    scope: r.scope ?? '',
    completions: done
      .filter((d) => d.courseId === r.id)
      .map(({ memberId, instructorId, completedOn }) => ({ memberId, instructorId, completedOn })),
  }));
}

/** The course if it reaches the org (or, for an instructor, their region); otherwise 404. */
async function courseReaching(tx: Tx, id: number, orgId: number | null) {
  const [row] = await queryRows<{ id: number; title: string; hours: number }>(
    tx,
    sql`select k.id, k.title, k.hours::float8 as hours from courses k where k.id = ${id} and ${reaching(orgId)}`,
  );
  if (!row) throw new HttpError(404, 'not_found', '网上党校课程不存在');
  return row;
}

export interface CompletionInput {
  /** Members of the actor's org (a secretary, the committee); empty for an instructor marking for themself. */
  memberIds: number[];
  completedOn: string;
}

/** Marks a course done: for members of one org reached by it, or for the instructor themself. */
export async function completeCourse(tx: Tx, actor: Actor, id: number, input: CompletionInput, today: string) {
  notAfterToday('completedOn', '学完日期', input.completedOn, { today });
  if (actor.instructorId !== null) {
    const course = await courseReaching(tx, id, null);
    const [row] = await tx
      .insert(courseCompletions)
      .values({ courseId: id, instructorId: actor.instructorId, completedOn: input.completedOn })
      .onConflictDoNothing()
      .returning({ id: courseCompletions.id });
    if (!row) throw new HttpError(409, 'duplicate', `已登记学完《${course.title}》`);
    await auditChange(tx, actor, {
      action: 'training.course_complete',
      entity: 'course',
      entityId: id,
      diff: { instructorId: actor.instructorId, completedOn: input.completedOn },
    });
    return { marked: 1 };
  }
  if (input.memberIds.length === 0) invalid('memberIds', '请勾选学完课程的党员');
  const found = await tx
    .select({ id: members.id, orgId: members.orgId, name: members.name })
    .from(members)
    .where(and(inArray(members.id, input.memberIds), memberInWriteScope(tx, actor), isNull(members.leftOn)));
  input.memberIds.forEach((m, i) => {
    if (!found.some((f) => f.id === m)) invalid(`memberIds.${i}`, `第 ${i + 1} 名党员不在管辖范围内或已不在册`);
  });
  const orgs = [...new Set(found.map((f) => f.orgId))];
  for (const orgId of orgs) await courseReaching(tx, id, orgId);
  const already = await tx
    .select({ memberId: courseCompletions.memberId })
    .from(courseCompletions)
    .where(and(eq(courseCompletions.courseId, id), inArray(courseCompletions.memberId, input.memberIds)));
  if (already.length > 0) {
    const names = found.filter((f) => already.some((a) => a.memberId === f.id)).map((f) => f.name);
    invalid('memberIds', `${names.join('、')}已登记学完该课程`);
  }
  await tx
    .insert(courseCompletions)
    .values(
      [...new Set(input.memberIds)].map((memberId) => ({ courseId: id, memberId, completedOn: input.completedOn })),
    );
  await auditChange(tx, actor, {
    action: 'training.course_complete',
    entity: 'course',
    entityId: id,
    diff: { memberIds: input.memberIds, completedOn: input.completedOn },
  });
  return { marked: new Set(input.memberIds).size };
}

/** Undoes a completion marked by mistake (the audit keeps it). */
export async function uncompleteCourse(tx: Tx, actor: Actor, id: number, memberId: number | null) {
  const who =
    actor.instructorId !== null
      ? eq(courseCompletions.instructorId, actor.instructorId)
      : memberId === null
        ? invalid('memberId', '请选择党员')
        : and(
            eq(courseCompletions.memberId, memberId),
            inArray(
              courseCompletions.memberId,
              tx.select({ id: members.id }).from(members).where(memberInWriteScope(tx, actor)),
            ),
          );
  const removed = await tx
    .delete(courseCompletions)
    .where(and(eq(courseCompletions.courseId, id), who))
    .returning({ id: courseCompletions.id, completedOn: courseCompletions.completedOn });
  if (removed.length === 0) throw new HttpError(404, 'not_found', '没有这条学完登记');
  await auditChange(tx, actor, {
    action: 'training.course_uncomplete',
    entity: 'course',
    entityId: id,
    diff: { memberId, instructorId: actor.instructorId, completedOn: removed[0].completedOn },
  });
}
