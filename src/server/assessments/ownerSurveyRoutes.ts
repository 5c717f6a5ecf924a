import { z } from '@hono/zod-openapi';
import { areaRouter } from '../route.ts';
import { idParam } from '../schemas.ts';
import {
  closeOwnerSurvey,
  createOwnerSurvey,
  issueOwnerSurveyLinks,
  listOwnerSurveys,
  ownerSurveyDetail,
} from './ownerSurveys.ts';
import { expiresOn, ownerSurveyPeriod } from './schemas.ts';

const OwnerSurveyId = z.object({ id: idParam });
const Share = z.object({ count: z.number(), percent: z.number().nullable() });

export const ownerSurveyRoutes = areaRouter('满意度测评');

ownerSurveyRoutes.define({
  method: 'get',
  path: '/api/owner-surveys',
  permission: 'assessment.read',
  action: 'owner_survey.list',
  summary: '业主满意度问卷列表，附已发链接数与答卷数',
  response: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      period: z.string(),
      regionCode: z.string(),
      regionName: z.string(),
      closed: z.boolean(),
      issued: z.number(),
      responses: z.number(),
    }),
  ),
  describe: '问卷',
  handler: ({ tx, actor }) => listOwnerSurveys(tx, actor),
});

ownerSurveyRoutes.define({
  method: 'post',
  path: '/api/owner-surveys',
  permission: 'assessment.write',
  action: 'owner_survey.create',
  summary: '发起业主满意度问卷（每个区划每期一份）',
  body: z.object({
    regionCode: z.string({ error: '请选择行政区划' }).regex(/^\d{6,12}$/, '行政区划代码为 6–12 位数字'),
    period: ownerSurveyPeriod,
    title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(100, '标题不能超过 100 字'),
  }),
  response: z.object({ id: z.number() }),
  describe: '已发起',
  handler: ({ tx, actor, input }) => createOwnerSurvey(tx, actor, input.body),
});

ownerSurveyRoutes.define({
  method: 'get',
  path: '/api/owner-surveys/{id}',
  permission: 'assessment.read',
  action: 'owner_survey.read',
  entity: 'owner_survey',
  summary: '问卷详情：面向的企业与其链接状态，有效答卷数、满意率与各选项人数',
  params: OwnerSurveyId,
  response: z.object({
    id: z.number(),
    title: z.string(),
    period: z.string(),
    regionCode: z.string(),
    closed: z.boolean(),
    enterprises: z.array(
      z.object({ id: z.number(), name: z.string(), status: z.enum(['none', 'issued', 'expired', 'answered']) }),
    ),
    results: z.object({
      issued: z.number(),
      responses: z.number(),
      effective: z.number(),
      satisfied: Share,
      outstanding: Share,
      questions: z.array(
        z.object({
          key: z.string(),
          choices: z.array(z.object({ code: z.string(), count: z.number(), percent: z.number().nullable() })),
        }),
      ),
    }),
  }),
  describe: '问卷详情',
  handler: ({ tx, actor, input }) => ownerSurveyDetail(tx, actor, input.params.id),
});

ownerSurveyRoutes.define({
  method: 'post',
  path: '/api/owner-surveys/{id}/links',
  permission: 'assessment.write',
  action: 'owner_survey.issue_links',
  entity: 'owner_survey',
  summary: '发放问卷链接（每个企业一个，只在此时显示一次；未使用的链接重新生成后原链接作废）',
  params: OwnerSurveyId,
  body: z.object({
    enterpriseIds: z.array(idParam).min(1, '请选择企业').max(5000).nullable().default(null),
    expiresOn,
  }),
  response: z.object({
    links: z.array(
      z.object({
        enterpriseId: z.number(),
        enterpriseName: z.string(),
        token: z.string(),
        path: z.string(),
        reissued: z.boolean(),
      }),
    ),
    answered: z.number(),
  }),
  describe: '新发放的链接',
  handler: ({ tx, actor, input }) => issueOwnerSurveyLinks(tx, actor, input.params.id, input.body),
});

ownerSurveyRoutes.define({
  method: 'post',
  path: '/api/owner-surveys/{id}/close',
  permission: 'assessment.write',
  action: 'owner_survey.close',
  entity: 'owner_survey',
  summary: '结束问卷：不再接收答卷',
  params: OwnerSurveyId,
  response: z.object({ ok: z.literal(true) }),
  describe: '已保存',
  handler: async ({ tx, actor, input }) => {
    await closeOwnerSurvey(tx, actor, input.params.id);
    return { ok: true as const };
  },
});
