import { z } from '@hono/zod-openapi';
import { ENGAGEMENT_KINDS, PARTNER_KINDS } from '../../domain/appraisal/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay } from '../schemas.ts';
import { today } from '../today.ts';
import { createOpenActivity, createPairing, createPairingActivity } from './activities.ts';
import { createOwnerEngagement, enterpriseEngagements } from './ownerEngagements.ts';
import { orgEngagementView } from './queries.ts';
import { withdrawOpenActivity, withdrawOwnerEngagement, withdrawPairing, withdrawPairingActivity } from './withdraw.ts';

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不超过 ${max} 个字`).nullable().default(null);
const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
const kind = z.enum(ENGAGEMENT_KINDS, { error: '请选择登记事项' });
const partnerKind = z.enum(PARTNER_KINDS, { error: '请选择结对对象（党组织 / 村 / 社区）' });

const OwnerEngagement = z
  .object({
    id: z.number(),
    enterpriseId: z.number(),
    enterpriseName: z.string(),
    orgId: z.number().nullable(),
    kind,
    occurredOn: z.string(),
    ownerName: z.string().nullable(),
    topics: z.string().nullable(),
    outcome: z.string().nullable(),
    hours: z.number().nullable().openapi({ description: '提供的活动时间（小时）' }),
    venue: z.string().nullable().openapi({ description: '提供的场地' }),
    funds: z.number().nullable().openapi({ description: '提供的经费（万元）' }),
    note: z.string().nullable(),
  })
  .openapi('OwnerEngagement');

const OpenActivity = z
  .object({
    id: z.number(),
    heldOn: z.string(),
    title: z.string(),
    place: z.string().nullable(),
    nonMemberCount: z.number().openapi({ description: '参加的群众人数' }),
    note: z.string().nullable(),
    participants: z.array(z.object({ id: z.number(), name: z.string() })),
  })
  .openapi('OpenActivity');

const Pairing = z
  .object({
    id: z.number(),
    orgId: z.number().openapi({ description: '登记结对的党组织；对方党组织也能看到' }),
    partnerKind,
    partnerOrgId: z.number().nullable(),
    partnerName: z.string(),
    startOn: z.string(),
    endOn: z.string().nullable(),
    note: z.string().nullable(),
    activities: z.array(
      z.object({ id: z.number(), heldOn: z.string(), title: z.string(), content: z.string().nullable() }),
    ),
  })
  .openapi('Pairing');

const Created = z.object({ id: z.number() });

export const engagementRoutes = areaRouter('作用发挥：开放式活动、结对共建、企业主沟通');

engagementRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/engagement',
  permission: 'orglife.read',
  action: 'engagement.org_view',
  entity: 'party_org',
  summary: '党组织的开放式活动、结对共建（含共建活动）和与企业主的沟通、企业主的支持',
  params: byId,
  response: z.object({
    openActivities: z.array(OpenActivity),
    pairings: z.array(Pairing),
    ownerEngagements: z.array(OwnerEngagement),
  }),
  describe: '最近的在前',
  handler: ({ tx, actor, input }) => orgEngagementView(tx, actor, input.params.id),
});

engagementRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/open-activities',
  permission: 'orglife.write',
  action: 'engagement.activity_create',
  entity: 'party_org',
  summary: '登记开放式活动（党群活动一体化）：日期、主题、地点，从党员名册勾选参加的党员，填写参加的群众人数',
  params: byId,
  body: z.object({
    heldOn: calendarDay,
    title: required('活动主题', 60),
    place: text('活动地点', 60),
    memberIds: z.array(z.number().int().positive(), { error: '参加党员应为列表' }).max(1000).default([]),
    nonMemberCount: z
      .number({ error: '群众人数应为整数' })
      .int('群众人数应为整数')
      .min(0, '群众人数不能为负')
      .max(100000, '群众人数不超过 100000')
      .default(0),
    note: text('备注', 200),
  }),
  response: Created,
  describe: '已登记',
  handler: ({ tx, actor, input }) => createOpenActivity(tx, actor, input.params.id, input.body, today()),
});

engagementRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/pairings',
  permission: 'orglife.write',
  action: 'engagement.pairing_create',
  entity: 'party_org',
  summary: '登记结对共建：与另一党组织（由管辖双方的上级登记）或与村、社区（填写名称），开始和结束日期',
  params: byId,
  body: z.object({
    partnerKind,
    partnerOrgId: z.number().int().positive('请选择结对的党组织').nullable().default(null),
    partnerName: text('村或社区名称', 60),
    startOn: calendarDay,
    endOn: calendarDay.nullable().default(null),
    note: text('备注', 200),
  }),
  response: Created,
  describe: '已登记',
  handler: ({ tx, actor, input }) => createPairing(tx, actor, input.params.id, input.body, today()),
});

engagementRoutes.define({
  method: 'post',
  path: '/api/pairings/{id}/activities',
  permission: 'orglife.write',
  action: 'engagement.pairing_activity_create',
  entity: 'pairing',
  summary: '登记结对共建下的共建活动：日期、主题、内容（在结对期内）',
  params: byId,
  body: z.object({ heldOn: calendarDay, title: required('活动主题', 60), content: text('活动内容', 500) }),
  response: Created,
  describe: '已登记',
  handler: ({ tx, actor, input }) => createPairingActivity(tx, actor, input.params.id, input.body, today()),
});

engagementRoutes.define({
  method: 'get',
  path: '/api/enterprises/{id}/owner-engagements',
  permission: 'orglife.read',
  action: 'engagement.owner_list',
  entity: 'enterprise',
  summary: '企业主与党组织的沟通、提供的支持、三争一创、递交入党申请书和要求建立党组织的登记',
  params: byId,
  response: z.array(OwnerEngagement),
  describe: '最近的在前',
  handler: ({ tx, actor, input }) => enterpriseEngagements(tx, actor, input.params.id),
});

engagementRoutes.define({
  method: 'post',
  path: '/api/enterprises/{id}/owner-engagements',
  permission: 'orglife.write',
  action: 'engagement.owner_create',
  entity: 'enterprise',
  summary:
    '登记企业主的一项：与党组织沟通（事项、结果）、提供支持（活动时间小时、场地、经费万元）、参加三争一创、递交入党申请书、要求建立党组织（仅限尚无党组织的企业）',
  params: byId,
  body: z.object({
    kind,
    occurredOn: calendarDay,
    ownerName: text('企业主姓名', 30),
    topics: text('沟通事项', 500),
    outcome: text('沟通结果', 500),
    hours: z
      .number({ error: '活动时间应为数字' })
      .min(0, '活动时间不能为负')
      .max(10000, '活动时间不超过 10000 小时')
      .nullable()
      .default(null),
    venue: text('场地', 60),
    funds: z
      .number({ error: '经费应为数字' })
      .min(0, '经费不能为负')
      .max(1000000, '经费不超过 1000000 万元')
      .nullable()
      .default(null),
    note: text('备注', 200),
  }),
  response: Created,
  describe: '已登记',
  handler: ({ tx, actor, input }) => createOwnerEngagement(tx, actor, input.params.id, input.body, today()),
});

engagementRoutes.define({
  method: 'delete',
  path: '/api/open-activities/{id}',
  permission: 'orglife.write',
  action: 'engagement.activity_delete',
  entity: 'open_activity',
  summary: '撤销误登记的开放式活动（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(withdrawOpenActivity(tx, actor, input.params.id)),
});

engagementRoutes.define({
  method: 'delete',
  path: '/api/pairings/{id}',
  permission: 'orglife.write',
  action: 'engagement.pairing_delete',
  entity: 'pairing',
  summary: '撤销误登记的结对共建及其下的共建活动（由登记结对的党组织撤销；审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(withdrawPairing(tx, actor, input.params.id)),
});

engagementRoutes.define({
  method: 'delete',
  path: '/api/pairing-activities/{id}',
  permission: 'orglife.write',
  action: 'engagement.pairing_activity_delete',
  entity: 'pairing',
  summary: '撤销误登记的共建活动（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(withdrawPairingActivity(tx, actor, input.params.id)),
});

engagementRoutes.define({
  method: 'delete',
  path: '/api/owner-engagements/{id}',
  permission: 'orglife.write',
  action: 'engagement.owner_delete',
  entity: 'owner_engagement',
  summary: '撤销误登记的企业主沟通、支持、三争一创、入党申请或要求建立党组织记录（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(withdrawOwnerEngagement(tx, actor, input.params.id)),
});
