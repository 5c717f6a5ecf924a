import { z } from '@hono/zod-openapi';
import { CLASS_KINDS } from '../../domain/training/classes.ts';
import { HOUR_GROUPS } from '../../domain/training/hours.ts';
import { loadOrg } from '../orgs/load.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, choiceOf, codeOf, idParam, regionCode } from '../schemas.ts';
import { changeRegionalSettings } from '../settings/regional.ts';
import { today } from '../today.ts';
import { createClass, deleteClass, listClasses, readClass, updateClass } from './classes.ts';
import { completeCourse, createCourse, deleteCourse, listCourses, uncompleteCourse } from './courses.ts';
import { orgHours, ownHours } from './hours.ts';
import { getTrainingSettings, putTrainingSettings, TrainingSettings } from './settings.ts';

const year = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(1990, '年度不早于 1990')
  .max(2100, '年度不晚于 2100');
const thisYear = () => Number(today().slice(0, 4));
const hours = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .positive(`${label}应大于 0`)
    .max(500, `${label}不超过 500`)
    .refine((h) => Number.isInteger(h * 10), `${label}最多一位小数`);
const personId = z.number().int().positive().nullable().optional();

const ClassBody = z.object({
  kind: choiceOf(CLASS_KINDS, '请选择培训班类别'),
  title: z.string().trim().min(1, '请填写培训班名称').max(100, '培训班名称不超过 100 个字'),
  organiser: z.string().trim().min(1, '请填写举办单位').max(60, '举办单位不超过 60 个字'),
  startsOn: calendarDay,
  endsOn: calendarDay,
  hours: hours('学时'),
  placeText: z.string().trim().max(100, '培训地点不超过 100 个字').nullable().default(null),
  orgId: z.number().int().positive().nullable().default(null).openapi({ description: '党组织自行举办的培训班' }),
  attendance: z
    .array(
      z.object({
        memberId: personId,
        instructorId: personId,
        developmentId: personId,
        present: z.boolean({ error: '请选择是否参训' }),
      }),
    )
    .max(2000, '一期培训班最多登记 2000 人')
    .default([])
    .openapi({ description: '参训人员：从党员名册、指导员名单或发展对象中选择，每行一人' }),
});

const ClassSummary = z
  .object({
    id: z.number(),
    regionCode: z.string(),
    regionName: z.string(),
    orgId: z.number().nullable(),
    orgName: z.string().nullable(),
    kind: codeOf(CLASS_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    organiser: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    days: z.number(),
    hours: z.number(),
    placeText: z.string().nullable(),
    participants: z.number(),
    present: z.number(),
  })
  .openapi('TrainingClass');

const Counts = z.object({ id: z.number(), participants: z.number(), present: z.number() });

const Standing = {
  group: codeOf(HOUR_GROUPS),
  groupLabel: z.string(),
  hours: z.number(),
  classHours: z.number(),
  courseHours: z.number(),
  required: z.number(),
  missing: z.number(),
  below: z.boolean(),
};

const CourseBody = z.object({
  title: z.string().trim().min(1, '请填写课程名称').max(100, '课程名称不超过 100 个字'),
  topic: z.string().trim().min(1, '请填写专题').max(60, '专题不超过 60 个字'),
  hours: hours('计入学时'),
  videoUrl: z.string().trim().max(500, '视频地址不超过 500 个字').nullable().default(null),
  publishedOn: calendarDay,
  regions: z.array(regionCode).max(100).default([]).openapi({ description: '发布到这些地区（含下级）' }),
  orgIds: z.array(z.number().int().positive()).max(500).default([]).openapi({ description: '或发布到选定的党组织' }),
});

const Course = z
  .object({
    id: z.number(),
    regionCode: z.string(),
    regionName: z.string(),
    title: z.string(),
    topic: z.string(),
    hours: z.number(),
    videoUrl: z.string().nullable(),
    publishedOn: z.string(),
    scope: z.string(),
    completions: z.array(
      z.object({ memberId: z.number().nullable(), instructorId: z.number().nullable(), completedOn: z.string() }),
    ),
  })
  .openapi('Course');

export const trainingRoutes = areaRouter('教育培训');

trainingRoutes.define({
  method: 'get',
  path: '/api/training/classes',
  permission: 'training.read',
  action: 'training.class_list',
  summary: '一年的培训班（按结束日期计年度）：本辖区举办的，以及本辖区人员参加的',
  query: z.object({ year: year.optional() }),
  response: z.array(ClassSummary),
  describe: '培训班，最近的在前',
  handler: ({ tx, actor, input }) => listClasses(tx, actor, input.query.year ?? thisYear()),
});

trainingRoutes.define({
  method: 'post',
  path: '/api/training/classes',
  permission: 'training.manage',
  action: 'training.class_create',
  summary:
    '登记培训班：类别、举办单位、起止日期、学时、地点和参训人员（从名册选取；发展对象集中培训登记发展对象，其培训情况即计入发展党员记录）',
  body: ClassBody,
  response: Counts,
  describe: '已登记，及参训人数',
  handler: ({ tx, actor, input }) => createClass(tx, actor, input.body, today()),
});

trainingRoutes.define({
  method: 'get',
  path: '/api/training/classes/{id}',
  permission: 'training.read',
  action: 'training.class_read',
  entity: 'training_class',
  summary: '培训班详情及参训人员（只列管辖范围内的人员）',
  params: byId,
  response: ClassSummary.extend({
    attendance: z.array(
      z.object({
        memberId: z.number().nullable(),
        instructorId: z.number().nullable(),
        developmentId: z.number().nullable(),
        name: z.string(),
        orgName: z.string().nullable(),
        present: z.boolean(),
      }),
    ),
  }),
  describe: '培训班详情',
  handler: ({ tx, actor, input }) => readClass(tx, actor, input.params.id),
});

trainingRoutes.define({
  method: 'put',
  path: '/api/training/classes/{id}',
  permission: 'training.manage',
  action: 'training.class_update',
  entity: 'training_class',
  summary: '更正培训班记录及参训人员（发展对象的培训情况随之更新）',
  params: byId,
  body: ClassBody,
  response: Counts,
  describe: '已更正',
  handler: ({ tx, actor, input }) => updateClass(tx, actor, input.params.id, input.body, today()),
});

trainingRoutes.define({
  method: 'delete',
  path: '/api/training/classes/{id}',
  permission: 'training.manage',
  action: 'training.class_delete',
  entity: 'training_class',
  summary: '撤销误记的培训班（审计日志保留原内容；已据此接收的预备党员的培训不能因此不足）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteClass(tx, actor, input.params.id)),
});

trainingRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/training-hours',
  permission: 'training.read',
  action: 'training.hours',
  entity: 'party_org',
  summary: '党组织在册党员本年度的培训学时与要求（按姓名排列，不排名）：培训班学时、网上党校学时、应达学时、尚差学时',
  params: byId,
  query: z.object({ year: year.optional() }),
  response: z.object({
    org: z.object({ id: z.number(), name: z.string() }),
    year: z.number(),
    below: z.number(),
    rows: z.array(z.object({ id: z.number(), name: z.string(), ...Standing })),
  }),
  describe: '党员的学时',
  handler: async ({ tx, actor, input }) => {
    const y = input.query.year ?? thisYear();
    const now = today();
    const asOf = y < thisYear() ? `${y}-12-31` : now;
    const result = await orgHours(tx, actor, input.params.id, y, asOf);
    return { ...result, rows: result.rows.map(({ kind: _k, orgId: _o, orgName: _n, regionCode: _r, ...r }) => r) };
  },
});

trainingRoutes.define({
  method: 'get',
  path: '/api/training/my-hours',
  permission: 'training.read',
  action: 'training.own_hours',
  summary: '指导员本人本年度的培训学时与要求，及计入的培训班和课程',
  query: z.object({ year: year.optional() }),
  response: z.object({
    year: z.number(),
    name: z.string(),
    ...Standing,
    items: z.array(
      z.object({ source: z.enum(['class', 'course']), title: z.string(), on: z.string(), hours: z.number() }),
    ),
  }),
  describe: '本人学时',
  handler: async ({ tx, actor, input }) => {
    const {
      kind: _k,
      id: _i,
      orgId: _o,
      orgName: _n,
      regionCode: _r,
      ...r
    } = await ownHours(tx, actor, input.query.year ?? thisYear());
    return r;
  },
});

trainingRoutes.define({
  method: 'get',
  path: '/api/training/courses',
  permission: 'training.read',
  action: 'training.course_list',
  summary: '网上党校课程：本辖区发布的及发布到本辖区的；给出 orgId 时只列发布到该党组织的，并列出其党员的学完登记',
  query: z.object({ orgId: idParam.optional() }),
  response: z.array(Course),
  describe: '课程',
  handler: async ({ tx, actor, input }) => {
    const orgId = input.query.orgId ?? actor.orgId ?? null;
    if (orgId !== null) await loadOrg(tx, actor, orgId);
    return listCourses(tx, actor, orgId);
  },
});

trainingRoutes.define({
  method: 'post',
  path: '/api/training/courses',
  permission: 'training.manage',
  action: 'training.course_create',
  summary: '发布网上党校课程：名称、专题、计入学时、本单位网络上的视频地址；发布到地区（含下级）或选定的党组织',
  body: CourseBody,
  response: z.object({ id: z.number() }),
  describe: '已发布',
  handler: ({ tx, actor, input }) => createCourse(tx, actor, input.body, today()),
});

trainingRoutes.define({
  method: 'delete',
  path: '/api/training/courses/{id}',
  permission: 'training.manage',
  action: 'training.course_delete',
  entity: 'course',
  summary: '撤下本辖区发布的课程（已有人学完的不能撤下）',
  params: byId,
  response: Ok,
  describe: '已撤下',
  handler: ({ tx, actor, input }) => done(deleteCourse(tx, actor, input.params.id)),
});

trainingRoutes.define({
  method: 'post',
  path: '/api/training/courses/{id}/completions',
  permission: 'training.record',
  action: 'training.course_complete',
  entity: 'course',
  summary:
    '登记课程已学完：书记为本支部党员勾选（党员没有账号），指导员为本人登记；计入学完当年的学时。不记录学习时长，不打分，不排名',
  params: byId,
  body: z.object({
    memberIds: z.array(z.number().int().positive()).max(500).default([]),
    completedOn: calendarDay,
  }),
  response: z.object({ marked: z.number() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => completeCourse(tx, actor, input.params.id, input.body, today()),
});

trainingRoutes.define({
  method: 'delete',
  path: '/api/training/courses/{id}/completions',
  permission: 'training.record',
  action: 'training.course_uncomplete',
  entity: 'course',
  summary: '撤销误登记的学完记录（审计日志保留）',
  params: byId,
  query: z.object({ memberId: idParam.optional() }),
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(uncompleteCourse(tx, actor, input.params.id, input.query.memberId ?? null)),
});

trainingRoutes.define({
  method: 'get',
  path: '/api/settings/training',
  permission: 'training.read',
  action: 'settings.training.read',
  summary: '本辖区的年度培训学时要求：党员、书记和支部委员、指导员和联络员（未单独设置时沿用上级区划的）',
  response: TrainingSettings,
  describe: '当前要求',
  handler: ({ tx, actor }) => getTrainingSettings(tx, actor.regionCode),
});

trainingRoutes.define({
  method: 'put',
  path: '/api/settings/training',
  permission: 'training.manage',
  action: 'settings.training',
  summary: '修改本辖区的年度培训学时要求（下级区划未单独设置的随之变化；上级和同级区划不受影响）',
  body: TrainingSettings,
  response: TrainingSettings,
  describe: '修改后的要求',
  handler: (ctx) =>
    changeRegionalSettings(ctx, 'training', { get: getTrainingSettings, put: putTrainingSettings }, ctx.input.body),
});
