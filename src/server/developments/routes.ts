import { createRoute, z } from '@hono/zod-openapi';
import { DEVELOPMENT_STEPS, type DevelopmentStep } from '../../domain/org/development.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { calendarDay, codeOf, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { developmentBoard, developmentDetail, earlyDevelopments, overdueDevelopments } from './queries.ts';
import { closeDevelopment, createDevelopment, DEVELOPMENT_CLOSE_REASONS, updateDevelopment } from './write.ts';

const tags = ['发展党员'];

const Overdue = z.object({ step: z.string(), code: z.string(), dueOn: z.string(), message: z.string() });
const Early = z.object({ step: z.string(), code: z.string(), message: z.string(), reason: z.string() });
const Development = z
  .object({
    id: z.number(),
    orgId: z.number(),
    orgName: z.string(),
    name: z.string(),
    idNumber: z.string().openapi({ description: '已脱敏' }),
    birthDate: z.string(),
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

const devId = z.object({ id: idParam });
const orgFilter = z.object({ orgId: idParam.optional() });

export const developmentRoutes = newRouter();

// The fixed paths first: /api/developments/{id} would otherwise take “overdue” for an id.
developmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/developments/overdue',
    tags,
    middleware: [permit('member.read', 'development.overdue')],
    summary: '发展党员逾期事项：管辖范围内未按期谈话、审批、转正的，逾期最久的在前',
    request: { query: orgFilter },
    responses: jsonResponse(
      z.object({
        today: z.string(),
        total: z.number(),
        items: z.array(z.object({ ...Person, ...Overdue.shape, daysOverdue: z.number() })),
      }),
      '逾期事项',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { orgId } = c.req.valid('query');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => overdueDevelopments(tx, actor, keys, today(), orgId)), 200);
  },
);

developmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/developments/early',
    tags,
    middleware: [permit('member.read', 'development.early')],
    summary: '提前办理待审查：短于最短间隔办理的步骤及其书面理由',
    request: { query: orgFilter },
    responses: jsonResponse(
      z.object({
        total: z.number(),
        items: z.array(z.object({ ...Person, step: z.string(), message: z.string(), reason: z.string() })),
      }),
      '提前办理的步骤',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { orgId } = c.req.valid('query');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => earlyDevelopments(tx, actor, keys, today(), orgId)), 200);
  },
);

developmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/orgs/{id}/developments',
    tags,
    middleware: [permit('member.read', 'development.board', 'party_org')],
    summary: '党组织发展党员看板：按阶段分列，附应办日期、逾期与提前办理事项',
    request: { params: z.object({ id: idParam }), query: z.object({ completedSince: calendarDay.optional() }) },
    responses: jsonResponse(
      z.object({
        org: z.object({ id: z.number(), name: z.string() }),
        today: z.string(),
        completedSince: z.string(),
        stages: z.array(z.object({ stage: z.string(), label: z.string(), items: z.array(Development) })),
        overdue: z.number(),
        early: z.number(),
      }),
      '看板',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { completedSince } = c.req.valid('query');
    const { database, keys } = c.get('deps');
    return c.json(
      await inScope(database.db, actor, (tx) => developmentBoard(tx, actor, keys, id, today(), completedSince)),
      200,
    );
  },
);

developmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/developments/{id}',
    tags,
    middleware: [permit('member.read', 'development.read', 'development')],
    summary: '发展党员记录详情（身份证号码已脱敏）',
    request: { params: devId },
    responses: jsonResponse(Development, '发展党员记录'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => developmentDetail(tx, actor, keys, id, today())), 200);
  },
);

developmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/developments',
    tags,
    middleware: [permit('member.write', 'development.create')],
    summary: '登记入党申请人：出生日期和性别取自身份证号码，一人只能有一份未结束的记录',
    request: jsonBody(
      z.object({
        orgId: idParam,
        name: z.string().trim().min(1, '请填写姓名').max(50),
        idNumber: z.string().max(30),
        employerId: idParam.nullable().default(null),
        appliedOn: calendarDay,
      }),
    ),
    responses: jsonResponse(z.object({ id: z.number() }), '已登记'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    const { database, keys } = c.get('deps');
    const row = await inScope(database.db, actor, (tx) => createDevelopment(tx, actor, keys, input, today()));
    return c.json({ id: row.id }, 200);
  },
);

developmentRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/developments/{id}',
    tags,
    middleware: [permit('member.write', 'development.update', 'development')],
    summary:
      '登记发展各阶段：日期不得早于上一阶段、不得晚于今天；短于最短间隔须书面说明理由；接收为预备党员时建立党员档案，批准转正时转为正式党员',
    request: { params: devId, ...jsonBody(Patch) },
    responses: jsonResponse(
      z.object({ changed: z.array(z.string()), memberId: z.number().nullable(), development: Development }),
      '已保存',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { database, keys } = c.get('deps');
    const day = today();
    return c.json(
      await inScope(database.db, actor, async (tx) => {
        const result = await updateDevelopment(tx, actor, keys, id, patch, day);
        return { ...result, development: await developmentDetail(tx, actor, keys, id, day) };
      }),
      200,
    );
  },
);

developmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/developments/{id}/close',
    tags,
    middleware: [permit('member.write', 'development.close', 'development')],
    summary: '结束发展党员记录：本人撤回、未被发展、调离，或取消预备党员资格',
    request: {
      params: devId,
      ...jsonBody(z.object({ closedOn: calendarDay, reason: codeOf(DEVELOPMENT_CLOSE_REASONS) })),
    },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已结束'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    await inScope(database.db, actor, (tx) => closeDevelopment(tx, actor, id, input, today()));
    return c.json({ ok: true as const }, 200);
  },
);
