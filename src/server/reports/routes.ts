import type { z } from '@hono/zod-openapi';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { XLSX_TYPE } from '../download.ts';
import { areaRouter } from '../route.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { today } from '../today.ts';
import { laggingRegions } from './lagging.ts';
import {
  AnnualQuery,
  AnnualSchema,
  LaggingQuery,
  LaggingRegionsSchema,
  LaggingSchema,
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

reportRoutes.define({
  method: 'get',
  path: '/api/reports/quarterly',
  permission: 'report.read',
  action: 'report.quarterly',
  summary: '非公企业新建党组织季报：按下级地区分列（合计在前）及新建党组织名单',
  query: QuarterlyQuery,
  response: QuarterlySchema,
  describe: '季报',
  handler: async ({ tx, actor, input }) =>
    (await runReport(tx, actor, quarterly(actor, input.query))) as z.input<typeof QuarterlySchema>,
});

reportRoutes.define({
  method: 'get',
  path: '/api/reports/quarterly.xlsx',
  permission: 'report.read',
  action: 'report.quarterly_export',
  summary: '导出新建党组织季报（.xlsx，按纸质表样式；记入审计。导出不是报送：报送见 /api/reports/quarterly/submit）',
  query: QuarterlyQuery,
  response: xlsx,
  handler: ({ tx, actor, input }) => download(tx, actor, quarterly(actor, input.query)),
});

reportRoutes.define({
  method: 'get',
  path: '/api/reports/annual',
  permission: 'report.read',
  action: 'report.annual',
  summary: '非公有制企业党建工作情况统计表（截至 12 月 31 日；本年度截至今天）',
  query: AnnualQuery,
  response: AnnualSchema,
  describe: '年度统计',
  handler: async ({ tx, actor, input }) =>
    (await runReport(tx, actor, annual(actor, input.query))) as z.input<typeof AnnualSchema>,
});

reportRoutes.define({
  method: 'get',
  path: '/api/reports/annual.xlsx',
  permission: 'report.read',
  action: 'report.annual_export',
  summary: '导出年度统计表（.xlsx，按纸质表样式；记入审计）',
  query: AnnualQuery,
  response: xlsx,
  handler: ({ tx, actor, input }) => download(tx, actor, annual(actor, input.query)),
});

reportRoutes.define({
  method: 'get',
  path: '/api/reports/lagging',
  permission: 'report.read',
  action: 'report.lagging',
  summary: '进展滞后督促清单：滞后的下级地区及原因，应建未建、重点盯住、逾期未换届、发展党员逾期事项及责任单位',
  query: LaggingQuery,
  response: LaggingSchema,
  describe: '滞后清单',
  handler: async ({ tx, actor, input }) =>
    (await runReport(tx, actor, lagging(actor, input.query))) as z.input<typeof LaggingSchema>,
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

reportRoutes.define({
  method: 'get',
  path: '/api/reports/lagging.xlsx',
  permission: 'report.read',
  action: 'report.lagging_export',
  summary: '导出进展滞后督促清单（.xlsx；记入审计）',
  query: LaggingQuery,
  response: xlsx,
  handler: ({ tx, actor, input }) => download(tx, actor, lagging(actor, input.query)),
});
