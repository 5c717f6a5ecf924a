import { z } from '@hono/zod-openapi';
import { FOLLOW_UPS, MEMBER_RESULTS, ORG_GRADES } from '../../domain/appraisal/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay } from '../schemas.ts';
import { today } from '../today.ts';
import { createMemberAppraisal, recordFollowUp, withdrawMemberAppraisal } from './memberAppraisals.ts';
import { closeRectification, createOrgAppraisal, deleteOrgAppraisal } from './orgAppraisals.ts';
import { orgAppraisalView } from './queries.ts';

const grade = z.enum(ORG_GRADES, { error: '请选择定级（先进 / 一般 / 后进）' });
const result = z.enum(MEMBER_RESULTS, { error: '请选择评议结果（优秀 / 合格 / 基本合格 / 不合格）' });
const followUp = z.enum(FOLLOW_UPS, { error: '请选择处置方式' });
const year = z
  .number({ error: '请填写评定年度' })
  .int('评定年度应为整数')
  .min(1990, '评定年度不早于 1990')
  .max(2100, '评定年度不晚于 2100');
const note = z.string().trim().max(500, '说明不超过 500 个字').nullable().default(null);
const flag = z.boolean().default(false);

const OrgAppraisal = z
  .object({
    id: z.number(),
    year: z.number(),
    grade,
    fourStrong: z.boolean().openapi({ description: '四强党组织' }),
    fiveGood: z.boolean().openapi({ description: '五好党支部' }),
    weak: z.boolean().openapi({ description: '软弱涣散' }),
    appraisedOn: z.string(),
    appraisingBody: z.string(),
    note: z.string().nullable(),
    rectificationSteps: z.array(z.string()).nullable(),
    rectificationDueOn: z.string().nullable(),
    rectifiedOn: z.string().nullable().openapi({ description: '整顿销号日期；空：整顿中（软弱涣散时）' }),
    rectificationNote: z.string().nullable(),
  })
  .openapi('OrgAppraisal');

const MemberAppraisal = z
  .object({
    id: z.number(),
    memberId: z.number(),
    memberName: z.string(),
    year: z.number(),
    result,
    fourExcellent: z.boolean().openapi({ description: '四优共产党员' }),
    appraisedOn: z.string(),
    followUpDueOn: z.string().nullable().openapi({ description: '不合格：组织处置应在此日前登记' }),
    followUp: followUp.nullable(),
    followUpOn: z.string().nullable(),
    correctBy: z.string().nullable(),
    followUpNote: z.string().nullable(),
  })
  .openapi('MemberAppraisal');

export const appraisalRoutes = areaRouter('评定');

appraisalRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/appraisals',
  permission: 'orglife.read',
  action: 'appraisal.org_view',
  entity: 'party_org',
  summary: '党组织的逐年评定（分类定级、四强 / 五好、软弱涣散及其整顿）和党员民主评议结果',
  params: byId,
  response: z.object({ orgAppraisals: z.array(OrgAppraisal), memberAppraisals: z.array(MemberAppraisal) }),
  describe: '评定，最近年度在前',
  handler: ({ tx, actor, input }) => orgAppraisalView(tx, actor, input.params.id),
});

appraisalRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/appraisals',
  permission: 'appraisal.manage',
  action: 'appraisal.org_create',
  entity: 'party_org',
  summary:
    '登记党组织年度评定（上级党组织）：定级、四强党组织 / 五好党支部；软弱涣散的定为后进，并填写整顿措施和期限（不填期限：按本辖区规则，默认评定后 1 年）',
  params: byId,
  body: z.object({
    year,
    grade,
    fourStrong: flag,
    fiveGood: flag,
    weak: flag,
    appraisedOn: calendarDay,
    appraisingBody: z.string().trim().min(1, '请填写评定机关').max(60, '评定机关不超过 60 个字'),
    note,
    rectificationSteps: z
      .array(z.string().trim().max(200, '每条整顿措施不超过 200 个字'), { error: '整顿措施应为列表' })
      .max(20, '整顿措施最多 20 条')
      .default([]),
    rectificationDueOn: calendarDay.nullable().default(null),
  }),
  response: z.object({ id: z.number(), rectificationDueOn: z.string().nullable() }),
  describe: '已登记；软弱涣散的带整顿期限',
  handler: ({ tx, actor, input }) => createOrgAppraisal(tx, actor, input.params.id, input.body, today()),
});

appraisalRoutes.define({
  method: 'post',
  path: '/api/org-appraisals/{id}/rectified',
  permission: 'appraisal.manage',
  action: 'appraisal.rectification_close',
  entity: 'org_appraisal',
  summary: '软弱涣散党组织整顿销号：自销号日起不再列入进展滞后清单',
  params: byId,
  body: z.object({ rectifiedOn: calendarDay, note }),
  response: Ok,
  describe: '已销号',
  handler: ({ tx, actor, input }) => done(closeRectification(tx, actor, input.params.id, input.body, today())),
});

appraisalRoutes.define({
  method: 'delete',
  path: '/api/org-appraisals/{id}',
  permission: 'appraisal.manage',
  action: 'appraisal.org_delete',
  entity: 'org_appraisal',
  summary: '撤销误登记的党组织评定（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteOrgAppraisal(tx, actor, input.params.id)),
});

appraisalRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/member-appraisals',
  permission: 'orglife.write',
  action: 'appraisal.member_create',
  entity: 'party_org',
  summary:
    '登记党员民主评议结果（党支部）：优秀（可授四优共产党员）/ 合格 / 基本合格 / 不合格；不合格的须在规定期限内（默认 3 个月）登记组织处置',
  params: byId,
  body: z.object({
    memberId: z.number({ error: '请选择党员' }).int().positive('请选择党员'),
    year,
    result,
    fourExcellent: flag,
    appraisedOn: calendarDay,
  }),
  response: z.object({ id: z.number(), followUpDueOn: z.string().nullable() }),
  describe: '已登记；不合格的带处置期限',
  handler: ({ tx, actor, input }) => createMemberAppraisal(tx, actor, input.params.id, input.body, today()),
});

appraisalRoutes.define({
  method: 'post',
  path: '/api/member-appraisals/{id}/follow-up',
  permission: 'orglife.write',
  action: 'appraisal.follow_up',
  entity: 'member_appraisal',
  summary: '登记基本合格、不合格党员的组织处置：教育帮助、限期改正（填改正期限）、劝其退党、除名（后两种仅限不合格）',
  params: byId,
  body: z.object({
    followUp,
    followUpOn: calendarDay,
    correctBy: calendarDay.nullable().default(null),
    note,
  }),
  response: Ok,
  describe: '已登记',
  handler: ({ tx, actor, input }) => done(recordFollowUp(tx, actor, input.params.id, input.body, today())),
});

appraisalRoutes.define({
  method: 'delete',
  path: '/api/member-appraisals/{id}',
  permission: 'orglife.write',
  action: 'appraisal.member_delete',
  entity: 'member_appraisal',
  summary: '撤销误登记的党员民主评议结果及其组织处置（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(withdrawMemberAppraisal(tx, actor, input.params.id)),
});
