import { z } from '@hono/zod-openapi';
import { CONTACT_KINDS } from '../../domain/casework/contacts.ts';
import { kindOf, OUTCOME_KINDS, OUTCOME_ROLES } from '../../domain/casework/outcomes.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../domain/casework/requests.ts';
import { areaRouter } from '../route.ts';
import { byId, calendarDay, codeOf, idParam, pageQuery, queryFlag } from '../schemas.ts';
import { today } from '../today.ts';
import { createContact, deleteContact, updateContact } from './contacts.ts';
import { createOutcome, deleteOutcome, derivedKindRefusal } from './outcomes.ts';
import { listAssignments, listContacts, listOutcomes, listRequests, requestDetail } from './queries.ts';
import { reportRoutes } from './reportRoutes.ts';
import { createRequest, updateRequest } from './requests.ts';
import { loadAssignment } from './scope.ts';
import { getCaseworkSettings } from './settings.ts';
import { caseworkSettingsRoutes } from './settingsRoutes.ts';

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
    silentRequests: z.number().describe('未结且超过设定天数未更新的诉求数'),
    orgs: z.array(z.object({ id: z.number(), name: z.string() })).openapi({ description: '今日覆盖该企业的党组织' }),
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
    source: z.enum(['typed', 'development', 'member', 'request', 'achievement']),
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

const ContactFields = {
  onDate: calendarDay,
  kind: z.enum(CONTACT_KINDS),
  withWhom: text(100, '联系对象'),
  notes: optionalText(2000, '情况记录'),
};

const Ok = z.object({ ok: z.literal(true) });
const ok = { ok: true as const };

export const caseworkRoutes = areaRouter('指导员工作');

/** The lists' filters, for the screens' lists and their exports. */
export const AssignmentListQuery = z.object({
  id: idParam.optional(),
  instructorId: idParam.optional(),
  enterpriseId: idParam.optional(),
  q: z.string().trim().max(50).optional(),
  missed: queryFlag,
});
export const ContactListQuery = z.object({
  assignmentId: idParam.optional(),
  from: calendarDay.optional(),
  to: calendarDay.optional(),
});
export const RequestListQuery = z.object({
  assignmentId: idParam.optional(),
  status: codeOf(REQUEST_STATUSES).optional(),
  open: queryFlag,
  category: codeOf(REQUEST_CATEGORIES).optional(),
  silent: queryFlag,
});

caseworkRoutes.define({
  method: 'get',
  path: '/api/casework/assignments',
  permission: 'instructor.read',
  action: 'casework.assignments',
  summary: '在派企业：本周联系情况与未联系的周（指导员：本人今天在派的企业）',
  query: AssignmentListQuery,
  response: z.object({
    contactsPerWeek: z.number(),
    requestSilentDays: z.number().describe('诉求超过此天数未更新即为未更新的诉求（silentRequests）'),
    items: z.array(Assignment),
  }),
  describe: '在派企业',
  handler: async ({ tx, actor, input }) =>
    listAssignments(tx, actor, input.query, await getCaseworkSettings(tx, actor.regionCode), today()),
});

caseworkRoutes.define({
  method: 'get',
  path: '/api/casework/contacts',
  permission: 'instructor.read',
  action: 'contact.list',
  summary: '走访联系记录',
  query: ContactListQuery.extend(pageQuery()),
  response: z.object({
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
  describe: '联系记录一页',
  handler: ({ tx, actor, input }) => listContacts(tx, actor, input.query, today()),
});

caseworkRoutes.define({
  method: 'post',
  path: '/api/casework/contacts',
  permission: 'instructor.record',
  action: 'contact.create',
  summary: '登记一次走访或联系，以及其中企业提出的诉求（同一事务）',
  body: z.object({
    assignmentId: idParam,
    ...ContactFields,
    requests: z.array(RequestIn).max(20).default([]),
  }),
  response: z.object({ id: z.number(), requestIds: z.array(z.number()) }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => createContact(tx, actor, input.body, today()),
});

caseworkRoutes.define({
  method: 'patch',
  path: '/api/casework/contacts/{id}',
  permission: 'instructor.record',
  action: 'contact.update',
  entity: 'contact',
  summary: '更正联系记录；改日期时，其中提出且尚未办理的诉求的受理日期随之更正',
  params: byId,
  body: z.object(ContactFields),
  response: Ok,
  describe: '已更正',
  handler: async ({ tx, actor, input }) => {
    await updateContact(tx, actor, input.params.id, input.body, today());
    return ok;
  },
});

caseworkRoutes.define({
  method: 'delete',
  path: '/api/casework/contacts/{id}',
  permission: 'instructor.record',
  action: 'contact.delete',
  entity: 'contact',
  summary: '删除录错的联系记录（其中提出过诉求的不能删除）',
  params: byId,
  response: Ok,
  describe: '已删除',
  handler: async ({ tx, actor, input }) => {
    await deleteContact(tx, actor, input.params.id, today());
    return ok;
  },
});

caseworkRoutes.define({
  method: 'get',
  path: '/api/casework/requests',
  permission: 'instructor.read',
  action: 'request.list',
  summary: '企业诉求：按状态、类别筛选；open=true 只列未办结的，silent=true 只列长期未更新的',
  query: RequestListQuery.extend(pageQuery()),
  response: z.object({ total: z.number(), silentDays: z.number(), items: z.array(Request) }),
  describe: '诉求一页',
  handler: async ({ tx, actor, input }) =>
    listRequests(tx, actor, input.query, await getCaseworkSettings(tx, actor.regionCode), today()),
});

caseworkRoutes.define({
  method: 'post',
  path: '/api/casework/requests',
  permission: 'instructor.record',
  action: 'request.create',
  summary: '受理一项企业诉求（不经走访记录时）',
  body: RequestIn.extend({ assignmentId: idParam, receivedOn: calendarDay }),
  response: z.object({ id: z.number() }),
  describe: '已受理',
  handler: async ({ tx, actor, input }) => {
    const { assignmentId, ...request } = input.body;
    const day = today();
    return { id: await createRequest(tx, actor, await loadAssignment(tx, actor, assignmentId, day), request, day) };
  },
});

caseworkRoutes.define({
  method: 'get',
  path: '/api/casework/requests/{id}',
  permission: 'instructor.read',
  action: 'request.read',
  entity: 'request',
  summary: '诉求详情与办理过程',
  params: byId,
  response: z.object({
    request: Request,
    updates: z.array(
      z.object({ id: z.number(), onDate: z.string(), status: codeOf(REQUEST_STATUSES), note: z.string().nullable() }),
    ),
  }),
  describe: '诉求',
  handler: async ({ tx, actor, input }) =>
    requestDetail(tx, actor, input.params.id, await getCaseworkSettings(tx, actor.regionCode), today()),
});

caseworkRoutes.define({
  method: 'post',
  path: '/api/casework/requests/{id}/updates',
  permission: 'instructor.record',
  action: 'request.update',
  entity: 'request',
  summary: '诉求进展或状态变更：已受理 → 协调中 → 已解决 / 未解决（关闭）；解决时登记所得',
  params: byId,
  body: z.object({
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
  response: Ok,
  describe: '已更新',
  handler: async ({ tx, actor, input }) => {
    await updateRequest(tx, actor, input.params.id, input.body);
    return ok;
  },
});

caseworkRoutes.define({
  method: 'get',
  path: '/api/casework/outcomes',
  permission: 'instructor.read',
  action: 'outcome.list',
  summary: '工作成果：录入的与系统自动统计的（发展党员、已解决诉求及所得、企业党组织的作用发挥记录）',
  query: z.object({
    assignmentId: idParam.optional(),
    instructorId: idParam.optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
  }),
  response: z.array(Outcome),
  describe: '成果',
  handler: ({ tx, actor, input }) => listOutcomes(tx, actor, input.query, today()),
});

caseworkRoutes.define({
  method: 'post',
  path: '/api/casework/outcomes',
  permission: 'instructor.record',
  action: 'outcome.create',
  summary:
    '录入成果（系统已掌握的发展党员、解决问题和所得，以及企业党组织已登记的承诺、建言、创新项目，不需录入，会被拒绝并指向原记录）',
  body: z.object({
    assignmentId: idParam,
    onDate: calendarDay,
    role: codeOf(OUTCOME_ROLES),
    kind: codeOf(OUTCOME_KINDS),
    quantity: z.number().max(1e9, '数量过大'),
    benefit: z.number().min(0, '经济效益不能为负数').max(1e9).nullable().default(null),
    note: optionalText(500, '说明'),
  }),
  response: z.object({ id: z.number() }),
  describe: '已录入',
  handler: async ({ tx, actor, input }) => {
    const day = today();
    if (kindOf(input.body.kind)?.source !== 'typed') {
      throw await derivedKindRefusal(tx, actor, input.body.assignmentId, input.body.kind, day);
    }
    return { id: await createOutcome(tx, actor, input.body, day) };
  },
});

caseworkRoutes.define({
  method: 'delete',
  path: '/api/casework/outcomes/{id}',
  permission: 'instructor.record',
  action: 'outcome.delete',
  entity: 'outcome',
  summary: '删除录错的成果（只限录入的成果）',
  params: byId,
  response: Ok,
  describe: '已删除',
  handler: async ({ tx, actor, input }) => {
    await deleteOutcome(tx, actor, input.params.id, today());
    return ok;
  },
});

caseworkRoutes.route('/', caseworkSettingsRoutes);
caseworkRoutes.route('/', reportRoutes);
