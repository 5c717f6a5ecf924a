import { z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { periodLabel } from '../../domain/assessment/period.ts';
import { GRADES } from '../../domain/assessment/score.ts';
import { regions } from '../db/schema.ts';
import { XLSX_TYPE, xlsxDownload } from '../download.ts';
import { areaRouter } from '../route.ts';
import { calendarDay, idParam } from '../schemas.ts';
import { changeRegionalSettings } from '../settings/regional.ts';
import { today } from '../today.ts';
import { APPRAISERS, ballotOverview, issueBallots, reissueBallots } from './ballots.ts';
import { addDaily, listDaily, listPeriodic, putPeriodic, removeDaily } from './entries.ts';
import { writeResultsSheet } from './export.ts';
import { linkRoutes } from './linkRoutes.ts';
import { ownerSurveyRoutes } from './ownerSurveyRoutes.ts';
import { assessmentResults } from './results.ts';
import { expiresOn, halfYear, instructorId, note, score } from './schemas.ts';
import { AssessmentSettingsBody, getAssessmentSettings, putAssessmentSettings } from './settings.ts';

const Ok = z.object({ ok: z.literal(true) });
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

export const assessmentRoutes = areaRouter('指导员考核');

assessmentRoutes.define({
  method: 'get',
  path: '/api/assessments/settings',
  permission: 'assessment.read',
  action: 'assessment.settings.read',
  summary: '本辖区的考核设置：三部分权重、定期考核三维度权重、等次分数线、优秀比例上限（未单独设置时沿用上级区划的）',
  response: AssessmentSettingsBody,
  describe: '当前设置',
  handler: ({ tx, actor }) => getAssessmentSettings(tx, actor.regionCode),
});

assessmentRoutes.define({
  method: 'put',
  path: '/api/assessments/settings',
  permission: 'assessment.write',
  action: 'assessment.settings',
  summary: '修改本辖区的考核设置（记入审计；下级区划未单独设置的随之变化，上级和同级区划不受影响）',
  body: AssessmentSettingsBody,
  response: AssessmentSettingsBody,
  describe: '修改后的设置',
  handler: (ctx) =>
    changeRegionalSettings(
      ctx,
      'assessment',
      { get: getAssessmentSettings, put: putAssessmentSettings },
      ctx.input.body,
    ),
});

assessmentRoutes.define({
  method: 'get',
  path: '/api/assessments/results',
  permission: 'assessment.read',
  action: 'assessment.results',
  summary: '半年度考核结果：日常、定期、民主测评、综合得分与等次（缺项者不评等次）',
  query: PeriodQuery,
  response: z.object({ period: z.string(), settings: AssessmentSettingsBody, rows: z.array(ResultRow) }),
  describe: '考核结果',
  handler: async ({ tx, actor, input }) => {
    const { period } = input.query;
    const settings = await getAssessmentSettings(tx, actor.regionCode);
    return { period, settings, rows: await assessmentResults(tx, actor, period, settings) };
  },
});

assessmentRoutes.define({
  method: 'get',
  path: '/api/assessments/results/export',
  permission: 'assessment.read',
  action: 'assessment.export',
  summary: '导出考核结果（.xlsx；记入审计）',
  query: PeriodQuery,
  response: { file: XLSX_TYPE, description: 'xlsx' },
  handler: async ({ tx, actor, input, audit }) => {
    const { period } = input.query;
    const settings = await getAssessmentSettings(tx, actor.regionCode);
    const rows = await assessmentResults(tx, actor, period, settings);
    const [region] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, actor.regionCode));
    await audit({ entity: 'assessment', entityId: period, diff: { rows: rows.length } });
    const unit = { name: region?.name ?? actor.regionCode, date: today() };
    return xlsxDownload(`指导员考核结果-${periodLabel(period)}.xlsx`, async (book) => {
      writeResultsSheet(book, unit, period, settings, rows);
    });
  },
});

assessmentRoutes.define({
  method: 'get',
  path: '/api/assessments/daily',
  permission: 'assessment.read',
  action: 'assessment.daily_list',
  summary: '日常考核记录（本考核期，可按指导员筛选）',
  query: PeriodQuery.extend({ instructorId: instructorId.optional() }),
  response: z.array(
    z.object({
      id: z.number(),
      instructorId: z.number(),
      instructorName: z.string(),
      onDate: z.string(),
      score: z.number(),
      note: z.string().nullable(),
    }),
  ),
  describe: '日常考核记录',
  handler: ({ tx, actor, input }) => listDaily(tx, actor, input.query.period, input.query.instructorId),
});

assessmentRoutes.define({
  method: 'post',
  path: '/api/assessments/daily',
  permission: 'assessment.write',
  action: 'assessment.daily_add',
  summary: '录入一次日常考核（0–100 分）',
  body: z.object({
    instructorId,
    onDate: calendarDay,
    score,
    note,
  }),
  response: z.object({ id: z.number() }),
  describe: '已录入',
  handler: ({ tx, actor, input }) => addDaily(tx, actor, input.body, today()),
});

assessmentRoutes.define({
  method: 'delete',
  path: '/api/assessments/daily/{id}',
  permission: 'assessment.write',
  action: 'assessment.daily_remove',
  entity: 'daily_assessment',
  summary: '删除一条误录的日常考核（审计保留原记录）',
  params: z.object({ id: idParam }),
  response: Ok,
  describe: '已保存',
  handler: async ({ tx, actor, input }) => {
    await removeDaily(tx, actor, input.params.id);
    return { ok: true as const };
  },
});

const Periodic = z.object({
  instructorId,
  period: halfYear,
  duties: score,
  discipline: score,
  effectiveness: score,
  note,
});

assessmentRoutes.define({
  method: 'get',
  path: '/api/assessments/periodic',
  permission: 'assessment.read',
  action: 'assessment.periodic_list',
  summary: '本考核期的定期考核（履职情况、工作纪律、工作成效）',
  query: PeriodQuery,
  response: z.array(Periodic.extend({ instructorName: z.string(), note: z.string().nullable() })),
  describe: '定期考核',
  handler: ({ tx, actor, input }) => listPeriodic(tx, actor, input.query.period),
});

assessmentRoutes.define({
  method: 'put',
  path: '/api/assessments/periodic',
  permission: 'assessment.write',
  action: 'assessment.periodic',
  summary: '录入或更正半年度定期考核（三个维度各 0–100 分）',
  body: Periodic,
  response: Ok,
  describe: '已保存',
  handler: async ({ tx, actor, input }) => {
    await putPeriodic(tx, actor, input.body, today());
    return { ok: true as const };
  },
});

assessmentRoutes.define({
  method: 'get',
  path: '/api/assessments/ballots',
  permission: 'assessment.read',
  action: 'ballot.list',
  summary: '民主测评：本期有指导员的企业、所列指导员、各类测评票的上限、已发放与已使用数',
  query: PeriodQuery,
  response: z.array(
    z.object({
      enterpriseId: z.number(),
      name: z.string(),
      instructors: z.array(z.object({ id: z.number(), name: z.string() })),
      ballots: z.array(
        z.object({ appraiser: z.enum(APPRAISERS), limit: z.number(), issued: z.number(), used: z.number() }),
      ),
    }),
  ),
  describe: '测评票情况',
  handler: ({ tx, actor, input }) => ballotOverview(tx, actor, input.query.period),
});

assessmentRoutes.define({
  method: 'post',
  path: '/api/assessments/ballots',
  permission: 'assessment.write',
  action: 'ballot.issue',
  summary: '发放民主测评票（一次性链接，只在此时显示一次；每位测评人每期一张）',
  body: BallotRequest.extend({
    count: z.number({ error: '请填写张数' }).int('张数须为整数').min(1, '至少发放 1 张').max(500, '一次最多 500 张'),
  }),
  response: IssuedLinks,
  describe: '新发放的链接',
  handler: ({ tx, actor, input }) => issueBallots(tx, actor, input.body, today()),
});

assessmentRoutes.define({
  method: 'post',
  path: '/api/assessments/ballots/reissue',
  permission: 'assessment.write',
  action: 'ballot.reissue',
  summary: '为未使用的测评票重新生成链接（原链接作废）',
  body: BallotRequest,
  response: IssuedLinks,
  describe: '重新生成的链接',
  handler: ({ tx, actor, input }) => reissueBallots(tx, actor, input.body, today()),
});

// The owner survey pages and the pages opened from one-time links: one router for the area.
assessmentRoutes.route('/', ownerSurveyRoutes);
assessmentRoutes.route('/', linkRoutes);
