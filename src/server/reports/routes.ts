import type { z } from '@hono/zod-openapi';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { XLSX_TYPE } from '../download.ts';
import { areaRouter } from '../route.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { today } from '../today.ts';
import { AchievementsSchema, ActivityQuery, OrglifeSchema, TrainingSchema } from './activitySchemas.ts';
import { laggingRegions } from './lagging.ts';
import {
  AnnualQuery,
  AnnualSchema,
  LaggingQuery,
  LaggingRegionsSchema,
  LaggingSchema,
  Nb27Schema,
  Nb30Schema,
  Nb43Schema,
  NbQuery,
  QuarterlyQuery,
  QuarterlySchema,
} from './schemas.ts';
import { exportReport, type ReportRequest, runReport } from './service.ts';

export const reportRoutes = areaRouter('报表');

const xlsx = { file: XLSX_TYPE, description: 'xlsx' };

/** The report as an .xlsx download, audited as an export in the request's transaction. */
async function download(tx: Tx, actor: Actor, r: ReportRequest) {
  const { buffer, fileName } = await exportReport(tx, actor, r);
  return new Response(new Uint8Array(buffer), {
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

const quarterly = (actor: Actor, q: z.infer<typeof QuarterlyQuery>): ReportRequest => ({
  report: 'quarterly',
  region: q.region ?? actor.regionCode,
  quarter: q.quarter,
  ...(q.scope ? { scope: q.scope } : {}),
});
const annual = (actor: Actor, q: z.infer<typeof AnnualQuery>): ReportRequest => ({
  report: 'annual',
  region: q.region ?? actor.regionCode,
  year: q.year,
  ...(q.scope ? { scope: q.scope } : {}),
});
const lagging = (actor: Actor, q: z.infer<typeof LaggingQuery>): ReportRequest => ({
  report: 'lagging',
  region: q.region ?? actor.regionCode,
  ...(q.date ? { date: q.date } : {}),
  ...(q.scope ? { scope: q.scope } : {}),
});

const nb =
  (report: 'nb27' | 'nb30' | 'nb43') =>
  (actor: Actor, q: z.infer<typeof NbQuery>): ReportRequest => ({
    report,
    region: q.region ?? actor.regionCode,
    year: q.year,
  });

/**
 * A report read on screen and the same report as an .xlsx download: one query, one request,
 * two audited actions (reading is `report.<name>`, downloading `report.<name>_export`).
 */
function defineReport<Q extends z.ZodObject, R extends z.ZodType>(report: {
  name: ReportRequest['report'];
  query: Q;
  response: R;
  summary: string;
  exportSummary: string;
  describe: string;
  request: (actor: Actor, q: z.output<Q>) => ReportRequest;
}) {
  const path = `/api/reports/${report.name}`;
  reportRoutes.define({
    method: 'get',
    path,
    permission: 'report.read',
    action: `report.${report.name}`,
    summary: report.summary,
    query: report.query,
    response: report.response,
    describe: report.describe,
    // runReport answers the report `request` names, which is the shape of `response`; the
    // generic R cannot show the compiler that, so the reply is asserted here once.
    handler: async ({ tx, actor, input }) =>
      (await runReport(tx, actor, report.request(actor, input.query as z.output<Q>))) as never,
  });
  reportRoutes.define({
    method: 'get',
    path: `${path}.xlsx`,
    permission: 'report.read',
    action: `report.${report.name}_export`,
    summary: report.exportSummary,
    query: report.query,
    response: xlsx,
    handler: ({ tx, actor, input }) => download(tx, actor, report.request(actor, input.query as z.output<Q>)),
  });
}

defineReport({
  name: 'quarterly',
  query: QuarterlyQuery,
  response: QuarterlySchema,
  summary: '非公企业新建党组织季报：按下级地区分列（合计在前）及新建党组织名单',
  exportSummary:
    '导出新建党组织季报（.xlsx，按纸质表样式；记入审计。导出不是报送：报送见 /api/reports/quarterly/submit）',
  describe: '季报',
  request: quarterly,
});

defineReport({
  name: 'annual',
  query: AnnualQuery,
  response: AnnualSchema,
  summary: '非公有制企业党建工作情况统计表（截至 12 月 31 日；本年度截至今天）',
  exportSummary: '导出年度统计表（.xlsx，按纸质表样式；记入审计）',
  describe: '年度统计',
  request: annual,
});

const activity =
  (report: 'orglife' | 'achievements' | 'training') =>
  (actor: Actor, q: z.infer<typeof ActivityQuery>): ReportRequest => ({
    report,
    region: q.region ?? actor.regionCode,
    year: q.year,
  });

defineReport({
  name: 'orglife',
  query: ActivityQuery,
  response: OrglifeSchema,
  summary: '组织生活情况统计表：党组织数、应开会议均已召开的党组织数、各类会议次数、参会率（按党组织所在地区）',
  exportSummary: '导出组织生活情况统计表（.xlsx，按纸质表样式；记入审计）',
  describe: '组织生活情况',
  request: activity('orglife'),
});

defineReport({
  name: 'achievements',
  query: ActivityQuery,
  response: AchievementsSchema,
  summary: '作用发挥情况统计表：建议、承诺、难题、创新、贡献、示范岗、责任区、出资人工作、评定评议（按下级地区分列）',
  exportSummary: '导出作用发挥情况统计表（.xlsx，按纸质表样式；记入审计）',
  describe: '作用发挥情况',
  request: activity('achievements'),
});

defineReport({
  name: 'training',
  query: ActivityQuery,
  response: TrainingSchema,
  summary:
    '培训情况统计表：培训班期数、培训人次、人数、人学时（按举办地区），应参训人数和年度学时未达要求人数（按本人所在地区）；只计人数，不排名',
  exportSummary: '导出培训情况统计表（.xlsx，按纸质表样式；记入审计）',
  describe: '培训情况',
  request: activity('training'),
});

defineReport({
  name: 'nb27',
  query: NbQuery,
  response: Nb27Schema,
  summary:
    '年报表27 非公有经济控制的企业法人单位建立党的基层组织情况（截至 12 月 31 日；按下级地区分列，合计为本地区表）',
  exportSummary: '导出年报表27（.xlsx，按纸质表样式；记入审计）',
  describe: '年报表27',
  request: nb('nb27'),
});

defineReport({
  name: 'nb30',
  query: NbQuery,
  response: Nb30Schema,
  summary: '年报表30 社会组织法人单位建立党的基层组织情况（截至 12 月 31 日；按下级地区分列，合计为本地区表）',
  exportSummary: '导出年报表30（.xlsx，按纸质表样式；记入审计）',
  describe: '年报表30',
  request: nb('nb30'),
});

defineReport({
  name: 'nb43',
  query: NbQuery,
  response: Nb43Schema,
  summary: '年报表43 失去联系党员情况（截至 12 月 31 日登记为失联且未处置的党员；按下级地区分列，合计为本地区表）',
  exportSummary: '导出年报表43（.xlsx，按纸质表样式；记入审计）',
  describe: '年报表43',
  request: nb('nb43'),
});

defineReport({
  name: 'lagging',
  query: LaggingQuery,
  response: LaggingSchema,
  summary: '进展滞后督促清单：滞后的下级地区及原因，应建未建、重点盯住、逾期未换届、发展党员逾期事项及责任单位',
  exportSummary: '导出进展滞后督促清单（.xlsx；记入审计）',
  describe: '滞后清单',
  request: lagging,
});

reportRoutes.define({
  method: 'get',
  path: '/api/reports/lagging/regions',
  permission: 'report.read',
  action: 'report.lagging_regions',
  summary: '滞后的下级地区及原因（首页卡片用；不含督促事项名单）',
  query: LaggingQuery,
  response: LaggingRegionsSchema,
  describe: '滞后地区',
  handler: async ({ tx, actor, input: { query: q } }) => {
    const now = today();
    const settings = await getCoverageSettings(tx);
    const request = {
      region: q.region ?? actor.regionCode,
      date: q.date ?? now,
      ...(q.scope ? { scope: q.scope } : {}),
    };
    return (await laggingRegions(tx, actor, request, settings, now)) as z.input<typeof LaggingRegionsSchema>;
  },
});
