import { z } from '@hono/zod-openapi';
import { INSTRUCTOR_KINDS } from '../../domain/instructor/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, codeOf, idParam, pageOf, pageQuery, queryFlag, regionCode } from '../schemas.ts';
import { assign, endAssignment, enterpriseInstructors } from './assignments.ts';
import { departmentRoutes } from './departmentRoutes.ts';
import { instructorDetail, listInstructors, revealInstructor } from './queries.ts';
import { suggestInstructors } from './suggestions.ts';
import { createInstructor, updateInstructor } from './write.ts';

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

export const instructorRoutes = areaRouter('党建指导员');

/** The instructor list's filters, for the screen's list and its export. */
export const InstructorListQuery = z.object({
  sourceDepartmentId: idParam.optional(),
  kind: codeOf(INSTRUCTOR_KINDS).optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(30).optional(),
  status: z.enum(['serving', 'left', 'all']).default('serving'),
});
instructorRoutes.route('/', departmentRoutes);

instructorRoutes.define({
  method: 'get',
  path: '/api/instructors',
  permission: 'instructor.read',
  action: 'instructor.list',
  summary: '党建指导员和联络员：按部门、类别、区划、姓名筛选，显示今天联系的企业数',
  query: InstructorListQuery.extend(pageQuery()),
  response: pageOf(Instructor),
  describe: '一页（电话脱敏）',
  handler: ({ tx, actor, input, c }) => {
    const { page, pageSize, ...filter } = input.query;
    return listInstructors(tx, actor, c.get('deps').keys, filter, { page, pageSize });
  },
});

instructorRoutes.define({
  method: 'post',
  path: '/api/instructors',
  permission: 'instructor.manage',
  action: 'instructor.create',
  summary: '登记党建指导员或联络员（电话加密保存）',
  body: InstructorInput,
  response: z.object({ id: z.number() }),
  describe: '已登记',
  handler: ({ tx, actor, input, c }) => createInstructor(tx, actor, c.get('deps').keys, input.body),
});

instructorRoutes.define({
  method: 'get',
  path: '/api/instructors/{id}',
  permission: 'instructor.read',
  action: 'instructor.read',
  entity: 'instructor',
  summary: '指导员详情（电话脱敏）及其选派记录',
  params: byId,
  response: z.object({
    instructor: Instructor,
    writable: z.boolean(),
    assignments: z.array(Assignment.extend({ enterpriseName: z.string(), regionName: z.string().nullable() })),
  }),
  describe: '指导员详情',
  handler: ({ tx, actor, input, c }) => instructorDetail(tx, actor, c.get('deps').keys, input.params.id),
});

instructorRoutes.define({
  method: 'patch',
  path: '/api/instructors/{id}',
  permission: 'instructor.manage',
  action: 'instructor.update',
  entity: 'instructor',
  summary: '修改指导员信息；登记离任日期即结束其当日仍在进行的选派',
  params: byId,
  body: z
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
  response: z.object({ changed: z.array(z.string()) }),
  describe: '已修改的字段',
  handler: ({ tx, actor, input, c }) => updateInstructor(tx, actor, c.get('deps').keys, input.params.id, input.body),
});

instructorRoutes.define({
  method: 'post',
  path: '/api/instructors/{id}/reveal',
  permission: 'instructor.manage',
  action: 'instructor.reveal',
  entity: 'instructor',
  summary: '查看指导员完整的联系电话（每次查看都记入审计日志）',
  params: byId,
  response: z.object({ phone: z.string().nullable() }),
  describe: '完整号码',
  handler: ({ tx, actor, input, c }) => revealInstructor(tx, actor, c.get('deps').keys, input.params.id),
});

instructorRoutes.define({
  method: 'post',
  path: '/api/instructors/{id}/assignments',
  permission: 'instructor.manage',
  action: 'instructor.assign',
  entity: 'instructor',
  summary: '选派指导员联系企业（开始日期不晚于今天）；企业的党的工作覆盖随即更新',
  params: byId,
  body: z.object({
    enterpriseId: idParam,
    startOn: calendarDay,
    note: z.string().trim().max(200, '备注不超过 200 个字').nullable().default(null),
  }),
  response: z.object({ id: z.number() }),
  describe: '已选派',
  handler: ({ tx, actor, input }) => assign(tx, actor, input.params.id, input.body),
});

instructorRoutes.define({
  method: 'post',
  path: '/api/instructors/{id}/assignments/{assignmentId}/end',
  permission: 'instructor.manage',
  action: 'instructor.assignment_end',
  entity: 'instructor',
  summary: '结束选派：结束日期是不再联系该企业的第一天，不晚于今天',
  params: z.object({ id: idParam, assignmentId: idParam }),
  body: z.object({ endOn: calendarDay }),
  response: Ok,
  describe: '已结束',
  handler: ({ tx, actor, input }) =>
    done(endAssignment(tx, actor, input.params.id, input.params.assignmentId, input.body.endOn)),
});

instructorRoutes.define({
  method: 'get',
  path: '/api/enterprises/{id}/instructors',
  permission: 'instructor.read',
  action: 'enterprise.instructors',
  entity: 'enterprise',
  summary: '企业的党建指导员（联络员）：当前与以往的选派，以及是否已实现党的工作覆盖',
  params: byId,
  response: z.object({
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
  describe: '企业的指导员',
  handler: ({ tx, actor, input, c }) => enterpriseInstructors(tx, actor, c.get('deps').keys, input.params.id),
});

instructorRoutes.define({
  method: 'get',
  path: '/api/enterprises/{id}/instructor-suggestions',
  permission: 'instructor.manage',
  action: 'enterprise.instructor_suggestions',
  entity: 'enterprise',
  summary:
    '为企业推荐指导员：先在企业所在县（市、区）内推荐（wider=true 扩大到本人可见的全部在任指导员），按部门职能与行业的相关度（40 分）、区划远近（同乡镇 30、同县 20、同市 10、同省 5）和今天的联系企业数（20 分，每家减 5）排序，并说明理由',
  params: byId,
  query: z.object({ wider: queryFlag }),
  response: z.object({
    enterprise: z.object({
      id: z.number(),
      name: z.string(),
      regionCode: z.string(),
      section: z.string().nullable(),
      sectionName: z.string().nullable(),
      workCovered: z.boolean(),
    }),
    /** The county searched; null when widened to every instructor the user sees. */
    within: z.object({ code: z.string(), name: z.string() }).nullable(),
    considered: z.number(),
    /** Serving instructors outside the county, offered when the user widens the search. */
    elsewhere: z.number(),
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
  describe: '推荐的指导员，按名次',
  handler: ({ tx, actor, input, c }) =>
    suggestInstructors(tx, actor, c.get('deps').keys, input.params.id, input.query.wider),
});
