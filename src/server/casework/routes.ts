import { createRoute, z } from '@hono/zod-openapi';
import { CONTACT_KINDS } from '../../domain/casework/contacts.ts';
import { kindOf, OUTCOME_KINDS, OUTCOME_ROLES } from '../../domain/casework/outcomes.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../domain/casework/requests.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { calendarDay, codeOf, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { auditCasework } from './audit.ts';
import { createContact, deleteContact, updateContact } from './contacts.ts';
import { createOutcome, deleteOutcome, derivedKindRefusal } from './outcomes.ts';
import { listAssignments, listContacts, listOutcomes, listRequests, requestDetail } from './queries.ts';
import { reportRoutes } from './reportRoutes.ts';
import { createRequest, updateRequest } from './requests.ts';
import { loadAssignment } from './scope.ts';
import { CaseworkSettings, getCaseworkSettings, putCaseworkSettings } from './settings.ts';

const tags = ['指导员工作'];
const text = (max: number, what: string) =>
  z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 个字`);
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}最多 ${max} 个字`)
    .nullable()
    .default(null)
    .transform((s) => s || null);
const id = z.object({ id: idParam });
const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');
const amount = (what: string) =>
  z
    .number()
    .min(0, `${what}不能为负数`)
    .max(1e9, `${what}过大`)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${what}（万元）最多保留两位小数`)
    .nullable()
    .optional();
const heads = (what: string) =>
  z.number().int(`${what}须为整数`).min(0, `${what}不能为负数`).max(1e6).nullable().optional();

const RequestIn = z.object({
  category: codeOf(REQUEST_CATEGORIES),
  description: text(1000, '诉求内容'),
  departmentIds: z.array(idParam).max(20).default([]),
});

const Assignment = z
  .object({
    id: z.number(),
    instructorId: z.number(),
    instructorName: z.string(),
    instructorKind: z.string(),
    sourceDepartmentId: z.number(),
    sourceDepartmentName: z.string(),
    enterpriseId: z.number(),
    enterpriseName: z.string(),
    regionCode: z.string(),
    startOn: z.string(),
    endOn: z.string().nullable(),
    thisWeek: z.enum(['done', 'open', 'not_required']),
    contactsThisWeek: z.number(),
    missedWeeks: z.array(z.string()).openapi({ description: '未联系周的周一日期' }),
    lastContactOn: z.string().nullable(),
    openRequests: z.number(),
  })
  .openapi('CaseworkAssignment');

const Request = z
  .object({
    id: z.number(),
    assignmentId: z.number(),
    contactId: z.number().nullable(),
    category: codeOf(REQUEST_CATEGORIES),
    description: z.string(),
    departmentIds: z.array(z.number()),
    departmentNames: z.array(z.string()),
    status: codeOf(REQUEST_STATUSES),
    receivedOn: z.string(),
    closedOn: z.string().nullable(),
    lastUpdateOn: z.string(),
    grants: z.number().nullable(),
    loans: z.number().nullable(),
    hires: z.number().nullable(),
    trainees: z.number().nullable(),
    feesReduced: z.number().nullable(),
    enterpriseId: z.number(),
    enterpriseName: z.string(),
    instructorId: z.number(),
    instructorName: z.string(),
    silent: z.boolean(),
  })
  .openapi('CaseworkRequest');

const Outcome = z
  .object({
    source: z.enum(['typed', 'development', 'member', 'request']),
    id: z.number(),
    assignmentId: z.number(),
    enterpriseId: z.number(),
    enterpriseName: z.string(),
    instructorId: z.number(),
    instructorName: z.string(),
    onDate: z.string(),
    role: codeOf(OUTCOME_ROLES),
    kind: codeOf(OUTCOME_KINDS),
    quantity: z.number(),
    benefit: z.number().nullable(),
    note: z.string().nullable(),
  })
  .openapi('CaseworkOutcome');

export const caseworkRoutes = newRouter();

caseworkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/casework/assignments',
    tags,
    middleware: [permit('instructor.read', 'casework.assignments')],
    summary: '在派企业：本周联系情况与未联系的周（指导员：本人今天在派的企业）',
    request: {
      query: z.object({
        id: idParam.optional(),
        instructorId: idParam.optional(),
        enterpriseId: idParam.optional(),
        q: z.string().trim().max(50).optional(),
        missed: flag,
      }),
    },
    responses: jsonResponse(z.object({ contactsPerWeek: z.number(), items: z.array(Assignment) }), '在派企业'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const filter = c.req.valid('query');
    const { database } = c.get('deps');
    return c.json(
      await inScope(database.db, actor, async (tx) =>
        listAssignments(tx, actor, filter, await getCaseworkSettings(tx), today()),
      ),
      200,
    );
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/casework/contacts',
    tags,
    middleware: [permit('instructor.read', 'contact.list')],
    summary: '走访联系记录',
    request: {
      query: z.object({
        assignmentId: idParam.optional(),
        from: calendarDay.optional(),
        to: calendarDay.optional(),
        ...page,
      }),
    },
    responses: jsonResponse(
      z.object({
        total: z.number(),
        items: z.array(
          z.object({
            id: z.number(),
            assignmentId: z.number(),
            onDate: z.string(),
            kind: z.enum(CONTACT_KINDS),
            withWhom: z.string(),
            notes: z.string().nullable(),
            enterpriseId: z.number(),
            enterpriseName: z.string(),
            instructorName: z.string(),
            requestIds: z.array(z.number()),
          }),
        ),
      }),
      '联系记录一页',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const filter = c.req.valid('query');
    const { database } = c.get('deps');
    return c.json((await inScope(database.db, actor, (tx) => listContacts(tx, actor, filter, today()))) as never, 200);
  },
);

const ContactFields = {
  onDate: calendarDay,
  kind: z.enum(CONTACT_KINDS),
  withWhom: text(100, '联系对象'),
  notes: optionalText(2000, '情况记录'),
};

caseworkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/casework/contacts',
    tags,
    middleware: [permit('instructor.record', 'contact.create')],
    summary: '登记一次走访或联系，以及其中企业提出的诉求（同一事务）',
    request: jsonBody(
      z.object({
        assignmentId: idParam,
        ...ContactFields,
        requests: z.array(RequestIn).max(20).default([]),
      }),
    ),
    responses: jsonResponse(z.object({ id: z.number(), requestIds: z.array(z.number()) }), '已登记'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => createContact(tx, actor, input, today())), 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/casework/contacts/{id}',
    tags,
    middleware: [permit('instructor.record', 'contact.update', 'contact')],
    summary: '更正联系记录；改日期时，其中提出且尚未办理的诉求的受理日期随之更正',
    request: { params: id, ...jsonBody(z.object(ContactFields)) },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已更正'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id: contactId } = c.req.valid('param');
    const patch = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, (tx) => updateContact(tx, actor, contactId, patch, today()));
    return c.json({ ok: true as const }, 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/api/casework/contacts/{id}',
    tags,
    middleware: [permit('instructor.record', 'contact.delete', 'contact')],
    summary: '删除录错的联系记录（其中提出过诉求的不能删除）',
    request: { params: id },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已删除'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id: contactId } = c.req.valid('param');
    await inScope(c.get('deps').database.db, actor, (tx) => deleteContact(tx, actor, contactId, today()));
    return c.json({ ok: true as const }, 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/casework/requests',
    tags,
    middleware: [permit('instructor.read', 'request.list')],
    summary: '企业诉求：按状态、类别筛选；open=true 只列未办结的，silent=true 只列长期未更新的',
    request: {
      query: z.object({
        assignmentId: idParam.optional(),
        status: codeOf(REQUEST_STATUSES).optional(),
        open: flag,
        category: codeOf(REQUEST_CATEGORIES).optional(),
        silent: flag,
        ...page,
      }),
    },
    responses: jsonResponse(
      z.object({ total: z.number(), silentDays: z.number(), items: z.array(Request) }),
      '诉求一页',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const filter = c.req.valid('query');
    const { database } = c.get('deps');
    return c.json(
      (await inScope(database.db, actor, async (tx) =>
        listRequests(tx, actor, filter, await getCaseworkSettings(tx), today()),
      )) as never,
      200,
    );
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/casework/requests',
    tags,
    middleware: [permit('instructor.record', 'request.create')],
    summary: '受理一项企业诉求（不经走访记录时）',
    request: jsonBody(RequestIn.extend({ assignmentId: idParam, receivedOn: calendarDay })),
    responses: jsonResponse(z.object({ id: z.number() }), '已受理'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { assignmentId, ...input } = c.req.valid('json');
    const { database } = c.get('deps');
    const day = today();
    const requestId = await inScope(database.db, actor, async (tx) =>
      createRequest(tx, actor, await loadAssignment(tx, actor, assignmentId, day), input, day),
    );
    return c.json({ id: requestId }, 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/casework/requests/{id}',
    tags,
    middleware: [permit('instructor.read', 'request.read', 'request')],
    summary: '诉求详情与办理过程',
    request: { params: id },
    responses: jsonResponse(
      z.object({
        request: Request,
        updates: z.array(
          z.object({
            id: z.number(),
            onDate: z.string(),
            status: codeOf(REQUEST_STATUSES),
            note: z.string().nullable(),
          }),
        ),
      }),
      '诉求',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id: requestId } = c.req.valid('param');
    const { database } = c.get('deps');
    return c.json(
      (await inScope(database.db, actor, async (tx) =>
        requestDetail(tx, actor, requestId, await getCaseworkSettings(tx), today()),
      )) as never,
      200,
    );
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/casework/requests/{id}/updates',
    tags,
    middleware: [permit('instructor.record', 'request.update', 'request')],
    summary: '诉求进展或状态变更：已受理 → 协调中 → 已解决 / 未解决（关闭）；解决时登记所得',
    request: {
      params: id,
      ...jsonBody(
        z.object({
          onDate: calendarDay,
          status: codeOf(REQUEST_STATUSES),
          note: optionalText(2000, '进展情况'),
          departmentIds: z.array(idParam).max(20).optional(),
          values: z
            .object({
              grants: amount('争取资金'),
              loans: amount('协调贷款'),
              hires: heads('帮助招工人数'),
              trainees: heads('培训职工人数'),
              feesReduced: amount('减免费用'),
            })
            .strict()
            .optional(),
        }),
      ),
    },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已更新'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id: requestId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    await inScope(database.db, actor, (tx) => updateRequest(tx, actor, requestId, input));
    return c.json({ ok: true as const }, 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/casework/outcomes',
    tags,
    middleware: [permit('instructor.read', 'outcome.list')],
    summary: '工作成果：录入的与系统自动统计的（发展党员、已解决诉求及所得）',
    request: {
      query: z.object({
        assignmentId: idParam.optional(),
        instructorId: idParam.optional(),
        from: calendarDay.optional(),
        to: calendarDay.optional(),
      }),
    },
    responses: jsonResponse(z.array(Outcome), '成果'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const filter = c.req.valid('query');
    return c.json(await listOutcomes(c.get('deps').database.db, actor, filter, today()), 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/casework/outcomes',
    tags,
    middleware: [permit('instructor.record', 'outcome.create')],
    summary: '录入成果（系统已掌握的发展党员、解决问题和所得不需录入，会被拒绝并指向原记录）',
    request: jsonBody(
      z.object({
        assignmentId: idParam,
        onDate: calendarDay,
        role: codeOf(OUTCOME_ROLES),
        kind: codeOf(OUTCOME_KINDS),
        quantity: z.number().max(1e9, '数量过大'),
        benefit: z.number().min(0, '经济效益不能为负数').max(1e9).nullable().default(null),
        note: optionalText(500, '说明'),
      }),
    ),
    responses: jsonResponse(z.object({ id: z.number() }), '已录入'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    const day = today();
    if (kindOf(input.kind)?.source !== 'typed') {
      throw await derivedKindRefusal(database.db, actor, input.assignmentId, input.kind, day);
    }
    return c.json({ id: await inScope(database.db, actor, (tx) => createOutcome(tx, actor, input, day)) }, 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/api/casework/outcomes/{id}',
    tags,
    middleware: [permit('instructor.record', 'outcome.delete', 'outcome')],
    summary: '删除录错的成果（只限录入的成果）',
    request: { params: id },
    responses: jsonResponse(z.object({ ok: z.literal(true) }), '已删除'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id: outcomeId } = c.req.valid('param');
    await inScope(c.get('deps').database.db, actor, (tx) => deleteOutcome(tx, actor, outcomeId, today()));
    return c.json({ ok: true as const }, 200);
  },
);

caseworkRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/settings/instructor',
    tags: ['设置'],
    middleware: [permit('instructor.manage', 'settings.instructor.read')],
    summary: '指导员工作规则：每周联系次数、诉求未更新提示天数',
    responses: jsonResponse(CaseworkSettings, '当前规则'),
  }),
  async (c) => c.json(await getCaseworkSettings(c.get('deps').database.db), 200),
);

caseworkRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/settings/instructor',
    tags: ['设置'],
    middleware: [permit('instructor.manage', 'settings.instructor')],
    summary: '修改指导员工作规则',
    request: jsonBody(CaseworkSettings),
    responses: jsonResponse(CaseworkSettings, '修改后的规则'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const next = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, async (tx) => {
      const before = await getCaseworkSettings(tx);
      await putCaseworkSettings(tx, next);
      await auditCasework(tx, actor, 'settings.instructor', 'settings', 'instructor', { before, after: next });
    });
    return c.json(next, 200);
  },
);

caseworkRoutes.route('/', reportRoutes);
