import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { localDateString } from '../../domain/calendarDate.ts';
import type { Actor } from '../actor.ts';
import type { Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { XLSX_TYPE, xlsxDownload } from '../download.ts';
import { HttpError } from '../errors.ts';
import { invalid } from '../orgs/invalid.ts';
import { codeInScope } from '../regions/scope.ts';
import { areaRouter } from '../route.ts';
import { calendarDay } from '../schemas.ts';
import { instructorSummary, SUMMARY_FIGURES, type SummaryFigure } from './summary.ts';
import { writeSummaryXlsx } from './summaryXlsx.ts';

const Params = z.object({
  region: z.string().regex(/^\d{6,12}$/, '行政区划代码为 6–12 位数字'),
  from: calendarDay,
  to: calendarDay,
});
export type SummaryParams = z.infer<typeof Params>;

const Figures = z.object(
  Object.fromEntries(SUMMARY_FIGURES.map((f) => [f, z.number()])) as Record<SummaryFigure, z.ZodNumber>,
);

/** The region must exist and lie in the actor's scope; the period must run forwards. */
export async function checkSummaryParams(tx: Tx, actor: Actor, p: SummaryParams) {
  if (p.to < p.from) invalid('to', `结束日期（${p.to}）早于开始日期（${p.from}）`);
  if (!codeInScope(p.region, actor)) throw new HttpError(403, 'forbidden', '所选行政区划不在您的管辖范围内');
  const [found] = await queryRows<{ code: string }>(tx, sql`select code from regions where code = ${p.region}`);
  if (!found) invalid('region', `行政区划代码 ${p.region} 不存在`);
}

export const reportRoutes = areaRouter('报表');

reportRoutes.define({
  method: 'get',
  path: '/api/reports/instructors',
  permission: 'report.read',
  action: 'report.instructors',
  summary: '指导员工作情况汇总：按派出单位一行（合计在前），附指导员名单及考核得分、等次',
  query: Params,
  response: z.object({
    region: z.string(),
    regionName: z.string(),
    from: z.string(),
    to: z.string(),
    assessmentPeriod: z.string(),
    rows: z.array(Figures.extend({ department: z.string() })),
    total: Figures,
    instructors: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        kind: z.enum(['instructor', 'liaison']),
        department: z.string(),
        enterprises: z.number(),
        contacts: z.number(),
        weeksMissed: z.number(),
        requestsReceived: z.number(),
        requestsResolved: z.number(),
        score: z.number().nullable(),
        grade: z.string().nullable(),
        gradeLabel: z.string().nullable(),
      }),
    ),
  }),
  describe: '汇总',
  handler: async ({ tx, actor, input }) => {
    await checkSummaryParams(tx, actor, input.query);
    return instructorSummary(tx, actor, input.query, localDateString(new Date()));
  },
});

reportRoutes.define({
  method: 'get',
  path: '/api/reports/instructors/export',
  permission: 'report.read',
  action: 'report.instructors_export',
  summary: '指导员工作情况汇总（.xlsx，按纸质表式；导出记入审计）',
  query: Params,
  response: { file: XLSX_TYPE, description: 'xlsx' },
  handler: async ({ tx, actor, input, audit }) => {
    const params = input.query;
    await checkSummaryParams(tx, actor, params);
    const today = localDateString(new Date());
    const summary = await instructorSummary(tx, actor, params, today);
    await audit({ entity: 'report', entityId: 'instructors', diff: { ...params } });
    return xlsxDownload(`指导员工作情况汇总-${params.region}-${params.from}-${params.to}.xlsx`, (book) =>
      writeSummaryXlsx(book, summary, { filledOn: today }),
    );
  },
});
