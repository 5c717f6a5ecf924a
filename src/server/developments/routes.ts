import { z } from '@hono/zod-openapi';
import { DEVELOPMENT_CLOSE_REASONS, DEVELOPMENT_STEPS, type DevelopmentStep } from '../../domain/org/development.ts';
import { findingsIn, type Lang, requestLang } from '../lang.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, codeOf, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { developmentBoard, developmentDetail, earlyDevelopments, overdueDevelopments } from './queries.ts';
import { closeDevelopment, createDevelopment, updateDevelopment } from './write.ts';

const Overdue = z.object({ step: z.string(), code: z.string(), dueOn: z.string(), message: z.string() });
const Early = z.object({ step: z.string(), code: z.string(), message: z.string(), reason: z.string() });
const Development = z
  .object({
    id: z.number(),
    orgId: z.number(),
    orgName: z.string(),
    name: z.string(),
    idNumber: z.string().openapi({ description: '已脱敏' }),
    birthDate: z.string().openapi({ description: '脱敏，只留年份：1985-**-**' }),
    sex: z.string(),
    employerId: z.number().nullable(),
    employerName: z.string().nullable(),
    appliedOn: z.string(),
    talkedOn: z.string().nullable(),
    activistOn: z.string().nullable(),
    contacts: z.array(z.string()),
    candidateOn: z.string().nullable(),
    politicalReviewOn: z.string().nullable(),
    trainingDays: z.number().nullable(),
    trainingHours: z.number().nullable(),
    trainingFromClass: z
      .boolean()
      .openapi({ description: 'true：集中培训天数和学时取自发展对象集中培训班记录，不能在此填写' }),
    introducers: z.array(z.string()),
    admittedOn: z.string().nullable(),
    approvedOn: z.string().nullable(),
    extensionMonths: z.number(),
    fullMeetingOn: z.string().nullable(),
    fullApprovedOn: z.string().nullable(),
    earlyReasons: z.record(z.string(), z.string()),
    memberId: z.number().nullable(),
    closedOn: z.string().nullable(),
    closedReason: z.string().nullable(),
    stage: z.string().nullable(),
    stageLabel: z.string().nullable(),
    due: z.object({
      talkDue: z.string().optional(),
      candidateEarliest: z.string().optional(),
      approvalDue: z.string().optional(),
      approvalLimit: z.string().optional(),
      probationEnd: z.string().optional(),
      fullApprovalDue: z.string().optional(),
    }),
    overdue: z.array(Overdue),
    early: z.array(Early),
  })
  .openapi('Development');

const Person = {
  developmentId: z.number(),
  name: z.string(),
  idNumber: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  regionCode: z.string(),
};

const date = calendarDay.nullable();
const names = z.array(z.string().trim().max(50)).max(10);
const reason = z.string().trim().max(500).nullable().optional();
const EarlyReasonsInput = z
  .object(Object.fromEntries(DEVELOPMENT_STEPS.map((s) => [s.code, reason])) as Record<DevelopmentStep, typeof reason>)
  .strict();

const Patch = z
  .object({
    appliedOn: calendarDay,
    employerId: idParam.nullable(),
    talkedOn: date,
    activistOn: date,
    contacts: names.openapi({ description: '培养联系人，1至2名' }),
    candidateOn: date,
    politicalReviewOn: date,
    trainingDays: z.number().min(0).max(366).nullable(),
    trainingHours: z.number().min(0).max(5000).nullable(),
    introducers: names.openapi({ description: '入党介绍人，2名正式党员' }),
    admittedOn: date,
    approvedOn: date,
    extensionMonths: z.number().int().min(0).max(99),
    fullMeetingOn: date,
    fullApprovedOn: date,
    earlyReasons: EarlyReasonsInput.openapi({ description: '提前办理的步骤及书面理由；null 删除' }),
  })
  .partial()
  .strict();

const orgFilter = z.object({ orgId: idParam.optional() });

export const developmentRoutes = areaRouter('发展党员');

// The fixed paths first: /api/developments/{id} would otherwise take “overdue” for an id.
developmentRoutes.define({
  method: 'get',
  path: '/api/developments/overdue',
  permission: 'member.read',
  action: 'development.overdue',
  summary: '发展党员逾期事项：管辖范围内未按期谈话、审批、转正的，逾期最久的在前',
  query: orgFilter,
  response: z.object({
    today: z.string(),
    total: z.number(),
    items: z.array(z.object({ ...Person, ...Overdue.shape, daysOverdue: z.number() })),
  }),
  describe: '逾期事项',
  handler: async ({ tx, actor, input, c }) => {
    const list = await overdueDevelopments(tx, actor, c.get('deps').keys, today(), input.query.orgId);
    return { ...list, items: findingsIn(requestLang(c), list.items) };
  },
});

developmentRoutes.define({
  method: 'get',
  path: '/api/developments/early',
  permission: 'member.read',
  action: 'development.early',
  summary: '提前办理待审查：短于最短间隔办理的步骤及其书面理由',
  query: orgFilter,
  response: z.object({
    total: z.number(),
    items: z.array(z.object({ ...Person, step: z.string(), message: z.string(), reason: z.string() })),
  }),
  describe: '提前办理的步骤',
  handler: ({ tx, actor, input, c }) => earlyDevelopments(tx, actor, c.get('deps').keys, today(), input.query.orgId),
});

developmentRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/developments',
  permission: 'member.read',
  action: 'development.board',
  entity: 'party_org',
  summary: '党组织发展党员看板：按阶段分列，附应办日期、逾期与提前办理事项',
  params: byId,
  query: z.object({ completedSince: calendarDay.optional() }),
  response: z.object({
    org: z.object({ id: z.number(), name: z.string() }),
    today: z.string(),
    completedSince: z.string(),
    stages: z.array(z.object({ stage: z.string(), label: z.string(), items: z.array(Development) })),
    overdue: z.number(),
    early: z.number(),
  }),
  describe: '看板',
  handler: ({ tx, actor, input, c }) =>
    developmentBoard(tx, actor, c.get('deps').keys, input.params.id, today(), input.query.completedSince),
});

developmentRoutes.define({
  method: 'get',
  path: '/api/developments/{id}',
  permission: 'member.read',
  action: 'development.read',
  entity: 'development',
  summary: '发展党员记录详情（身份证号码已脱敏）',
  params: byId,
  response: Development,
  describe: '发展党员记录',
  handler: async ({ tx, actor, input, c }) =>
    inLangOf(requestLang(c), await developmentDetail(tx, actor, c.get('deps').keys, input.params.id, today())),
});

developmentRoutes.define({
  method: 'post',
  path: '/api/developments',
  permission: 'member.write',
  action: 'development.create',
  summary: '登记入党申请人：出生日期和性别取自身份证号码，一人只能有一份未结束的记录',
  body: z.object({
    orgId: idParam,
    name: z.string().trim().min(1, '请填写姓名').max(50),
    idNumber: z.string().max(30),
    employerId: idParam.nullable().default(null),
    appliedOn: calendarDay,
  }),
  response: z.object({ id: z.number() }),
  describe: '已登记',
  handler: async ({ tx, actor, input, c }) => ({
    id: (await createDevelopment(tx, actor, c.get('deps').keys, input.body, today())).id,
  }),
});

developmentRoutes.define({
  method: 'patch',
  path: '/api/developments/{id}',
  permission: 'member.write',
  action: 'development.update',
  entity: 'development',
  summary:
    '登记发展各阶段：日期不得早于上一阶段、不得晚于今天；短于最短间隔须书面说明理由；接收为预备党员时建立党员档案，批准转正时转为正式党员',
  params: byId,
  // No defaults in the patch, so what is validated is exactly what was sent.
  body: Patch,
  response: z.object({ changed: z.array(z.string()), memberId: z.number().nullable(), development: Development }),
  describe: '已保存',
  handler: async ({ tx, actor, input, c }) => {
    const { keys } = c.get('deps');
    const { id } = input.params;
    const day = today();
    const result = await updateDevelopment(tx, actor, keys, id, input.body, day);
    return { ...result, development: inLangOf(requestLang(c), await developmentDetail(tx, actor, keys, id, day)) };
  },
});

developmentRoutes.define({
  method: 'post',
  path: '/api/developments/{id}/close',
  permission: 'member.write',
  action: 'development.close',
  entity: 'development',
  summary: '结束发展党员记录：本人撤回、未被发展、调离，或取消预备党员资格',
  params: byId,
  body: z.object({ closedOn: calendarDay, reason: codeOf(DEVELOPMENT_CLOSE_REASONS) }),
  response: Ok,
  describe: '已结束',
  handler: ({ tx, actor, input }) => done(closeDevelopment(tx, actor, input.params.id, input.body, today())),
});

/** A development record with its overdue steps in the UI's language. */
function inLangOf<D extends { overdue: { message: string; en?: string }[] }>(lang: Lang, d: D) {
  return { ...d, overdue: findingsIn(lang, d.overdue) };
}
