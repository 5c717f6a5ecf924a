import { createRoute, z } from '@hono/zod-openapi';
import { INSTRUCTOR_KINDS } from '../../domain/instructor/codes.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { calendarDay, codeOf, idParam } from '../schemas.ts';
import { assign, endAssignment, enterpriseInstructors } from './assignments.ts';
import { departmentRoutes } from './departmentRoutes.ts';
import { instructorDetail, listInstructors, revealInstructor } from './queries.ts';
import { suggestInstructors } from './suggestions.ts';
import { createInstructor, updateInstructor } from './write.ts';

const tags = ['党建指导员'];
const regionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字');

const InstructorInput = z.object({
  kind: codeOf(INSTRUCTOR_KINDS),
  name: z.string().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 个字'),
  sourceDepartmentId: idParam,
  post: z.string().trim().max(50, '职务不超过 50 个字').nullable().default(null),
  fullTime: z.boolean().default(false),
  regionCode,
  /** Sent in full to the server, which alone masks it on the way out. */
  phone: z.string().max(40).nullable().default(null),
});

const Instructor = z
  .object({
    id: z.number(),
    kind: codeOf(INSTRUCTOR_KINDS),
    kindLabel: z.string().nullable(),
    name: z.string(),
    sourceDepartmentId: z.number(),
    sourceDepartmentName: z.string().nullable(),
    post: z.string().nullable(),
    fullTime: z.boolean(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: '脱敏：138****5678' }),
    leftOn: z.string().nullable(),
    load: z.number().openapi({ description: '今天选派联系的企业数' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Instructor');

const Assignment = z.object({
  id: z.number(),
  instructorId: z.number(),
  enterpriseId: z.number(),
  startOn: z.string(),
  endOn: z.string().nullable().openapi({ description: '不再选派的第一天' }),
  note: z.string().nullable(),
  active: z.boolean(),
});

const Reason = z.union([
  z.object({
    factor: z.literal('relevance'),
    points: z.number(),
    matched: z.boolean().nullable(),
    section: z.string().nullable(),
  }),
  z.object({
    factor: z.literal('region'),
    points: z.number(),
    proximity: z.enum(['town', 'county', 'city', 'province', 'far']),
  }),
  z.object({ factor: z.literal('load'), points: z.number(), load: z.number() }),
]);

const byId = z.object({ id: idParam });

export const instructorRoutes = newRouter();
instructorRoutes.route('/', departmentRoutes);

instructorRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/instructors',
    tags,
    middleware: [permit('instructor.read', 'instructor.list')],
    summary: '党建指导员和联络员：按部门、类别、区划、姓名筛选，显示今天联系的企业数',
    request: {
      query: z.object({
        sourceDepartmentId: idParam.optional(),
        kind: codeOf(INSTRUCTOR_KINDS).optional(),
        regionCode: regionCode.optional(),
        q: z.string().trim().max(30).optional(),
        status: z.enum(['serving', 'left', 'all']).default('serving'),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: jsonResponse(z.object({ total: z.number(), items: z.array(Instructor) }), '一页（电话脱敏）'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { database, keys } = c.get('deps');
    return c.json(
      await inScope(database.db, actor, (tx) => listInstructors(tx, actor, keys, filter, { page, pageSize })),
      200,
    );
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/instructors',
    tags,
    middleware: [permit('instructor.manage', 'instructor.create')],
    summary: '登记党建指导员或联络员（电话加密保存）',
    request: jsonBody(InstructorInput),
    responses: jsonResponse(z.object({ id: z.number() }), '已登记'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => createInstructor(tx, actor, keys, input)), 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/instructors/{id}',
    tags,
    middleware: [permit('instructor.read', 'instructor.read', 'instructor')],
    summary: '指导员详情（电话脱敏）及其选派记录',
    request: { params: byId },
    responses: jsonResponse(
      z.object({
        instructor: Instructor,
        writable: z.boolean(),
        assignments: z.array(Assignment.extend({ enterpriseName: z.string(), regionName: z.string().nullable() })),
      }),
      '指导员详情',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => instructorDetail(tx, actor, keys, id)), 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/instructors/{id}',
    tags,
    middleware: [permit('instructor.manage', 'instructor.update', 'instructor')],
    summary: '修改指导员信息；登记离任日期即结束其当日仍在进行的选派',
    request: {
      params: byId,
      ...jsonBody(
        z
          .object({
            kind: InstructorInput.shape.kind,
            name: InstructorInput.shape.name,
            sourceDepartmentId: idParam,
            post: z.string().trim().max(50, '职务不超过 50 个字').nullable(),
            fullTime: z.boolean(),
            regionCode,
            phone: z.string().max(40).nullable(),
            leftOn: calendarDay.nullable(),
          })
          .partial()
          .strict(),
      ),
    },
    responses: jsonResponse(z.object({ changed: z.array(z.string()) }), '已修改的字段'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => updateInstructor(tx, actor, keys, id, patch)), 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/instructors/{id}/reveal',
    tags,
    middleware: [permit('instructor.manage', 'instructor.reveal', 'instructor')],
    summary: '查看指导员完整的联系电话（每次查看都记入审计日志）',
    request: { params: byId },
    responses: jsonResponse(z.object({ phone: z.string().nullable() }), '完整号码'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => revealInstructor(tx, actor, keys, id)), 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/instructors/{id}/assignments',
    tags,
    middleware: [permit('instructor.manage', 'instructor.assign', 'instructor')],
    summary: '选派指导员联系企业（开始日期不晚于今天）；企业的党的工作覆盖随即更新',
    request: {
      params: byId,
      ...jsonBody(
        z.object({
          enterpriseId: idParam,
          startOn: calendarDay,
          note: z.string().trim().max(200, '备注不超过 200 个字').nullable().default(null),
        }),
      ),
    },
    responses: jsonResponse(z.object({ id: z.number() }), '已选派'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => assign(tx, actor, id, input)), 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/instructors/{id}/assignments/{assignmentId}/end',
    tags,
    middleware: [permit('instructor.manage', 'instructor.assignment_end', 'instructor')],
    summary: '结束选派：结束日期是不再联系该企业的第一天，不晚于今天',
    request: {
      params: z.object({ id: idParam, assignmentId: idParam }),
      ...jsonBody(z.object({ endOn: calendarDay })),
    },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已结束'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id, assignmentId } = c.req.valid('param');
    const { endOn } = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, (tx) => endAssignment(tx, actor, id, assignmentId, endOn));
    return c.json({ ok: true as const }, 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/enterprises/{id}/instructors',
    tags,
    middleware: [permit('instructor.read', 'enterprise.instructors', 'enterprise')],
    summary: '企业的党建指导员（联络员）：当前与以往的选派，以及是否已实现党的工作覆盖',
    request: { params: byId },
    responses: jsonResponse(
      z.object({
        enterprise: z.object({
          id: z.number(),
          name: z.string(),
          inScope: z.boolean(),
          orgCovered: z.boolean(),
          workCovered: z.boolean(),
          needsInstructor: z.boolean(),
        }),
        assignments: z.array(
          Assignment.extend({
            instructorName: z.string(),
            kind: z.string(),
            post: z.string().nullable(),
            phone: z.string().nullable(),
            sourceDepartmentName: z.string().nullable(),
          }),
        ),
      }),
      '企业的指导员',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => enterpriseInstructors(tx, actor, keys, id)), 200);
  },
);

instructorRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/enterprises/{id}/instructor-suggestions',
    tags,
    middleware: [permit('instructor.manage', 'enterprise.instructor_suggestions', 'enterprise')],
    summary:
      '为企业推荐指导员：按部门职能与行业的相关度（40 分）、区划远近（同乡镇 30、同县 20、同市 10、同省 5）和今天的联系企业数（20 分，每家减 5）排序，并说明理由',
    request: { params: byId },
    responses: jsonResponse(
      z.object({
        enterprise: z.object({
          id: z.number(),
          name: z.string(),
          regionCode: z.string(),
          section: z.string().nullable(),
          sectionName: z.string().nullable(),
          workCovered: z.boolean(),
        }),
        considered: z.number(),
        items: z.array(
          z.object({
            rank: z.number(),
            score: z.number(),
            reasons: z.array(Reason),
            explanation: z.string(),
            instructor: Instructor,
          }),
        ),
      }),
      '推荐的指导员，按名次',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => suggestInstructors(tx, actor, keys, id)), 200);
  },
);
