import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { periodLabel } from '../../domain/assessment/period.ts';
import { GRADES } from '../../domain/assessment/score.ts';
import { regions } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../download.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { calendarDay, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { auditAssessment } from './audit.ts';
import { APPRAISERS, ballotOverview, issueBallots, reissueBallots } from './ballots.ts';
import { addDaily, listDaily, listPeriodic, putPeriodic, removeDaily } from './entries.ts';
import { writeResultsSheet } from './export.ts';
import { linkRoutes } from './linkRoutes.ts';
import { assessmentResults } from './results.ts';
import { expiresOn, halfYear, instructorId, note, score } from './schemas.ts';
import { AssessmentSettingsBody, getAssessmentSettings, putAssessmentSettings } from './settings.ts';
import { surveyRoutes } from './surveyRoutes.ts';

const tags = ['指导员考核'];
const Ok = jsonResponse(z.object({ ok: z.literal(true) }), '已保存');
const PeriodQuery = z.object({ period: halfYear });

const ResultRow = z
  .object({
    instructorId: z.number(),
    name: z.string(),
    department: z.string(),
    regionCode: z.string(),
    daily: z.number().nullable(),
    dailyEntries: z.number(),
    periodic: z.number().nullable(),
    democratic: z.number().nullable(),
    ballots: z.number(),
    final: z.number().nullable(),
    grade: z.enum(GRADES).nullable(),
    gradeLabel: z.string().nullable(),
    incomplete: z.boolean(),
    missing: z.array(z.enum(['daily', 'periodic', 'democratic'])),
    capped: z.boolean(),
  })
  .openapi('AssessmentResult');

const IssuedLinks = z.object({
  enterpriseName: z.string(),
  links: z.array(z.object({ token: z.string(), path: z.string() })),
});

const BallotRequest = z.object({
  period: halfYear,
  enterpriseId: idParam,
  appraiser: z.enum(APPRAISERS, { error: '测评人须为业主（owner）、党组织书记（secretary）或党员（member）' }),
  expiresOn,
});

export const assessmentRoutes = newRouter();

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/assessments/settings',
    tags,
    middleware: [permit('assessment.read', 'assessment.settings.read')],
    summary: '考核设置：三部分权重、定期考核三维度权重、等次分数线、优秀比例上限',
    responses: jsonResponse(AssessmentSettingsBody, '当前设置'),
  }),
  async (c) => c.json(await getAssessmentSettings(c.get('deps').database.db), 200),
);

assessmentRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/assessments/settings',
    tags,
    middleware: [permit('assessment.write', 'assessment.settings')],
    summary: '修改考核设置（记入审计）',
    request: jsonBody(AssessmentSettingsBody),
    responses: jsonResponse(AssessmentSettingsBody, '修改后的设置'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const value = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, async (tx) => {
      const before = await getAssessmentSettings(tx);
      await putAssessmentSettings(tx, value);
      await auditAssessment(tx, actor, 'assessment.settings', 'settings', 'assessment', { before, after: value });
    });
    return c.json(value, 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/assessments/results',
    tags,
    middleware: [permit('assessment.read', 'assessment.results')],
    summary: '半年度考核结果：日常、定期、民主测评、综合得分与等次（缺项者不评等次）',
    request: { query: PeriodQuery },
    responses: jsonResponse(
      z.object({ period: z.string(), settings: AssessmentSettingsBody, rows: z.array(ResultRow) }),
      '考核结果',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { period } = c.req.valid('query');
    const body = await inScope(c.get('deps').database.db, actor, async (tx) => {
      const settings = await getAssessmentSettings(tx);
      return { period, settings, rows: await assessmentResults(tx, actor, period, settings) };
    });
    return c.json(body, 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/assessments/results/export',
    tags,
    middleware: [permit('assessment.read', 'assessment.export')],
    summary: '导出考核结果（.xlsx；记入审计）',
    request: { query: PeriodQuery },
    responses: { 200: { description: 'xlsx', content: { [XLSX_TYPE]: { schema: z.any() } } } },
  }),
  async (c) => {
    const actor = requireActor(c);
    const { period } = c.req.valid('query');
    const { settings, rows, unit } = await inScope(c.get('deps').database.db, actor, async (tx) => {
      const settings = await getAssessmentSettings(tx);
      const rows = await assessmentResults(tx, actor, period, settings);
      const [region] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, actor.regionCode));
      await auditAssessment(tx, actor, 'assessment.export', 'assessment', period, { rows: rows.length });
      return { settings, rows, unit: { name: region?.name ?? actor.regionCode, date: today() } };
    });
    return xlsxDownload(`指导员考核结果-${periodLabel(period)}.xlsx`, async (book) => {
      writeResultsSheet(book, unit, period, settings, rows);
    });
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/assessments/daily',
    tags,
    middleware: [permit('assessment.read', 'assessment.daily_list')],
    summary: '日常考核记录（本考核期，可按指导员筛选）',
    request: { query: PeriodQuery.extend({ instructorId: instructorId.optional() }) },
    responses: jsonResponse(
      z.array(
        z.object({
          id: z.number(),
          instructorId: z.number(),
          instructorName: z.string(),
          onDate: z.string(),
          score: z.number(),
          note: z.string().nullable(),
        }),
      ),
      '日常考核记录',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { period, instructorId: id } = c.req.valid('query');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => listDaily(tx, actor, period, id)), 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/assessments/daily',
    tags,
    middleware: [permit('assessment.write', 'assessment.daily_add')],
    summary: '录入一次日常考核（0–100 分）',
    request: jsonBody(
      z.object({
        instructorId,
        onDate: calendarDay,
        score,
        note,
      }),
    ),
    responses: jsonResponse(z.object({ id: z.number() }), '已录入'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const entry = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => addDaily(tx, actor, entry, today())), 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'delete',
    path: '/api/assessments/daily/{id}',
    tags,
    middleware: [permit('assessment.write', 'assessment.daily_remove', 'daily_assessment')],
    summary: '删除一条误录的日常考核（审计保留原记录）',
    request: { params: z.object({ id: idParam }) },
    responses: Ok,
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    await inScope(c.get('deps').database.db, actor, (tx) => removeDaily(tx, actor, id));
    return c.json({ ok: true as const }, 200);
  },
);

const Periodic = z.object({
  instructorId,
  period: halfYear,
  duties: score,
  discipline: score,
  effectiveness: score,
  note,
});

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/assessments/periodic',
    tags,
    middleware: [permit('assessment.read', 'assessment.periodic_list')],
    summary: '本考核期的定期考核（履职情况、工作纪律、工作成效）',
    request: { query: PeriodQuery },
    responses: jsonResponse(
      z.array(Periodic.extend({ instructorName: z.string(), note: z.string().nullable() })),
      '定期考核',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { period } = c.req.valid('query');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => listPeriodic(tx, actor, period)), 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/assessments/periodic',
    tags,
    middleware: [permit('assessment.write', 'assessment.periodic')],
    summary: '录入或更正半年度定期考核（三个维度各 0–100 分）',
    request: jsonBody(Periodic),
    responses: Ok,
  }),
  async (c) => {
    const actor = requireActor(c);
    const entry = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, (tx) => putPeriodic(tx, actor, entry, today()));
    return c.json({ ok: true as const }, 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/assessments/ballots',
    tags,
    middleware: [permit('assessment.read', 'ballot.list')],
    summary: '民主测评：本期有指导员的企业、所列指导员、各类测评票的上限、已发放与已使用数',
    request: { query: PeriodQuery },
    responses: jsonResponse(
      z.array(
        z.object({
          enterpriseId: z.number(),
          name: z.string(),
          instructors: z.array(z.object({ id: z.number(), name: z.string() })),
          ballots: z.array(
            z.object({ appraiser: z.enum(APPRAISERS), limit: z.number(), issued: z.number(), used: z.number() }),
          ),
        }),
      ),
      '测评票情况',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { period } = c.req.valid('query');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => ballotOverview(tx, actor, period)), 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/assessments/ballots',
    tags,
    middleware: [permit('assessment.write', 'ballot.issue')],
    summary: '发放民主测评票（一次性链接，只在此时显示一次；每位测评人每期一张）',
    request: jsonBody(
      BallotRequest.extend({
        count: z
          .number({ error: '请填写张数' })
          .int('张数须为整数')
          .min(1, '至少发放 1 张')
          .max(500, '一次最多 500 张'),
      }),
    ),
    responses: jsonResponse(IssuedLinks, '新发放的链接'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const req = c.req.valid('json');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => issueBallots(tx, actor, req, today())), 200);
  },
);

assessmentRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/assessments/ballots/reissue',
    tags,
    middleware: [permit('assessment.write', 'ballot.reissue')],
    summary: '为未使用的测评票重新生成链接（原链接作废）',
    request: jsonBody(BallotRequest),
    responses: jsonResponse(IssuedLinks, '重新生成的链接'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const req = c.req.valid('json');
    return c.json(
      await inScope(c.get('deps').database.db, actor, (tx) => reissueBallots(tx, actor, req, today())),
      200,
    );
  },
);

// The survey pages and the pages opened from one-time links: one router for the area.
assessmentRoutes.route('/', surveyRoutes);
assessmentRoutes.route('/', linkRoutes);
