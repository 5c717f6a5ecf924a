import { createRoute, z } from '@hono/zod-openapi';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { idParam } from '../schemas.ts';
import { expiresOn, surveyPeriod } from './schemas.ts';
import { closeSurvey, createSurvey, issueSurveyLinks, listSurveys, surveyDetail } from './surveys.ts';

const tags = ['满意度测评'];
const Ok = jsonResponse(z.object({ ok: z.literal(true) }), '已保存');
const SurveyId = z.object({ id: idParam });
const Share = z.object({ count: z.number(), percent: z.number().nullable() });

export const surveyRoutes = newRouter();

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/surveys',
    tags,
    middleware: [permit('assessment.read', 'survey.list')],
    summary: '业主满意度问卷列表，附已发链接数与答卷数',
    responses: jsonResponse(
      z.array(
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
      '问卷',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => listSurveys(tx, actor)), 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/surveys',
    tags,
    middleware: [permit('assessment.write', 'survey.create')],
    summary: '发起业主满意度问卷（每个区划每期一份）',
    request: jsonBody(
      z.object({
        regionCode: z.string({ error: '请选择行政区划' }).regex(/^\d{6,12}$/, '行政区划代码为 6–12 位数字'),
        period: surveyPeriod,
        title: z.string({ error: '请填写标题' }).trim().min(1, '请填写标题').max(100, '标题不能超过 100 字'),
      }),
    ),
    responses: jsonResponse(z.object({ id: z.number() }), '已发起'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const req = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => createSurvey(tx, actor, req)), 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/surveys/{id}',
    tags,
    middleware: [permit('assessment.read', 'survey.read', 'survey')],
    summary: '问卷详情：面向的企业与其链接状态，有效答卷数、满意率与各选项人数',
    request: { params: SurveyId },
    responses: jsonResponse(
      z.object({
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
      '问卷详情',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => surveyDetail(tx, actor, id)), 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/surveys/{id}/links',
    tags,
    middleware: [permit('assessment.write', 'survey.issue_links', 'survey')],
    summary: '发放问卷链接（每个企业一个，只在此时显示一次；未使用的链接重新生成后原链接作废）',
    request: {
      params: SurveyId,
      ...jsonBody(
        z.object({
          enterpriseIds: z.array(idParam).min(1, '请选择企业').max(5000).nullable().default(null),
          expiresOn,
        }),
      ),
    },
    responses: jsonResponse(
      z.object({
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
      '新发放的链接',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const req = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => issueSurveyLinks(tx, actor, id, req)), 200);
  },
);

surveyRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/surveys/{id}/close',
    tags,
    middleware: [permit('assessment.write', 'survey.close', 'survey')],
    summary: '结束问卷：不再接收答卷',
    request: { params: SurveyId },
    responses: Ok,
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    await inScope(c.get('deps').database.db, actor, (tx) => closeSurvey(tx, actor, id));
    return c.json({ ok: true as const }, 200);
  },
);
