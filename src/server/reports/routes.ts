import { createRoute, z } from '@hono/zod-openapi';
import { XLSX_TYPE } from '../download.ts';
import { type AppContext, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { AnnualQuery, AnnualSchema, LaggingQuery, LaggingSchema, QuarterlyQuery, QuarterlySchema } from './schemas.ts';
import { exportReport, type ReportRequest, runReport } from './service.ts';

const tags = ['报表'];
export const reportRoutes = newRouter();

const xlsxResponse = { 200: { description: 'xlsx', content: { [XLSX_TYPE]: { schema: z.any() } } } };

async function download(c: AppContext, r: ReportRequest) {
  const { buffer, fileName } = await exportReport(c.get('deps').database.db, requireActor(c), r);
  return new Response(new Uint8Array(buffer), {
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}

const quarterly = (c: AppContext, q: z.infer<typeof QuarterlyQuery>): ReportRequest => ({
  report: 'quarterly',
  region: q.region ?? requireActor(c).regionCode,
  quarter: q.quarter,
  ...(q.scope ? { scope: q.scope } : {}),
});
const annual = (c: AppContext, q: z.infer<typeof AnnualQuery>): ReportRequest => ({
  report: 'annual',
  region: q.region ?? requireActor(c).regionCode,
  year: q.year,
  ...(q.scope ? { scope: q.scope } : {}),
});
const lagging = (c: AppContext, q: z.infer<typeof LaggingQuery>): ReportRequest => ({
  report: 'lagging',
  region: q.region ?? requireActor(c).regionCode,
  ...(q.date ? { date: q.date } : {}),
  ...(q.scope ? { scope: q.scope } : {}),
});

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/reports/quarterly',
    middleware: [permit('report.read', 'report.quarterly')],
    tags,
    summary: '非公企业新建党组织季报：按下级地区分列（合计在前）及新建党组织名单',
    request: { query: QuarterlyQuery },
    responses: jsonResponse(QuarterlySchema, '季报'),
  }),
  async (c) => {
    const report = await runReport(c.get('deps').database.db, requireActor(c), quarterly(c, c.req.valid('query')));
    return c.json(report as z.infer<typeof QuarterlySchema>, 200);
  },
);

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/reports/quarterly.xlsx',
    middleware: [permit('report.read', 'report.quarterly_export')],
    tags,
    summary: '导出新建党组织季报（.xlsx，按纸质表样式；记入审计，视为已报送）',
    request: { query: QuarterlyQuery },
    responses: xlsxResponse,
  }),
  (c) => download(c, quarterly(c, c.req.valid('query'))),
);

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/reports/annual',
    middleware: [permit('report.read', 'report.annual')],
    tags,
    summary: '非公有制企业党建工作情况统计表（截至 12 月 31 日；本年度截至今天）',
    request: { query: AnnualQuery },
    responses: jsonResponse(AnnualSchema, '年度统计'),
  }),
  async (c) => {
    const report = await runReport(c.get('deps').database.db, requireActor(c), annual(c, c.req.valid('query')));
    return c.json(report as z.infer<typeof AnnualSchema>, 200);
  },
);

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/reports/annual.xlsx',
    middleware: [permit('report.read', 'report.annual_export')],
    tags,
    summary: '导出年度统计表（.xlsx，按纸质表样式；记入审计）',
    request: { query: AnnualQuery },
    responses: xlsxResponse,
  }),
  (c) => download(c, annual(c, c.req.valid('query'))),
);

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/reports/lagging',
    middleware: [permit('report.read', 'report.lagging')],
    tags,
    summary: '进展滞后督促清单：滞后的下级地区及原因，应建未建、重点盯住、逾期未换届、发展党员逾期事项及责任单位',
    request: { query: LaggingQuery },
    responses: jsonResponse(LaggingSchema, '滞后清单'),
  }),
  async (c) => {
    const report = await runReport(c.get('deps').database.db, requireActor(c), lagging(c, c.req.valid('query')));
    return c.json(report as z.infer<typeof LaggingSchema>, 200);
  },
);

reportRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/reports/lagging.xlsx',
    middleware: [permit('report.read', 'report.lagging_export')],
    tags,
    summary: '导出进展滞后督促清单（.xlsx；记入审计）',
    request: { query: LaggingQuery },
    responses: xlsxResponse,
  }),
  (c) => download(c, lagging(c, c.req.valid('query'))),
);
