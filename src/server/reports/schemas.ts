import { z } from '@hono/zod-openapi';
import { ANNUAL_COUNT_KEYS, QUARTERLY_COUNT_KEYS } from '../../domain/reports/forms.ts';
import { cellKeys, NB27, NB30, NB43, type NbLayout } from '../../domain/reports/nbTables.ts';
import { QUARTER_PATTERN } from '../../domain/stats/quarter.ts';
import { calendarDay } from '../schemas.ts';

const region = z
  .string()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, '地区代码应为 6、9 或 12 位数字')
  .optional()
  .describe('地区代码，默认为本人管辖地区');
const scope = z.enum(['all', 'survey']).optional().describe('统计口径，默认取系统设置');

export const QuarterlyQuery = z.object({
  region,
  quarter: z.string().regex(QUARTER_PATTERN, '季度格式应为 2026Q3').describe('季度，如 2026Q3'),
  scope,
});
export const AnnualQuery = z.object({
  region,
  year: z.coerce.number().int('年度应为整数').min(2000, '年度不早于 2000').max(2100, '年度不晚于 2100'),
  scope,
});
export const LaggingQuery = z.object({ region, date: calendarDay.optional().describe('统计日期，默认今天'), scope });

const rate = z.number().nullable();
/** A child region with its own deployment: where its package of the period stands (upward/remote.ts). */
const remote = z
  .object({
    status: z
      .enum(['none', 'received', 'returned'])
      .openapi({ description: 'none 未报 · received 已报 · returned 退回' }),
    receivedAt: z.string().nullable(),
    reason: z.string().nullable().openapi({ description: '退回原因（退回时）' }),
  })
  .optional()
  .openapi('RemoteStanding', { description: '该地区运行独立系统：数据取自其报送包（只读）' });
const regionKey = { region: z.string(), name: z.string(), direct: z.boolean().optional(), remote };
const counts = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, z.number()]));

const QuarterlyRowSchema = z
  .object({
    ...regionKey,
    ...counts(QUARTERLY_COUNT_KEYS),
    orgCoverageRate: rate,
    prevOrgCoverageRate: rate,
    changePoints: rate,
  })
  .openapi('QuarterlyRow');

export const QuarterlySchema = z
  .object({
    report: z.literal('quarterly'),
    region: z.string(),
    name: z.string(),
    quarter: z.string(),
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    previousQuarter: z.string(),
    previousDate: z.string(),
    scope: z.enum(['all', 'survey']),
    total: QuarterlyRowSchema,
    rows: z.array(QuarterlyRowSchema),
    remote,
    orgs: z.array(
      z.object({
        id: z.number(),
        region: z.string(),
        regionName: z.string(),
        name: z.string(),
        type: z.string(),
        typeLabel: z.string(),
        formation: z.string(),
        formationLabel: z.string(),
        enterprises: z.array(z.string()),
        fullMembers: z.number(),
        probationaryMembers: z.number(),
        membersRecorded: z.boolean(),
        secretary: z.string().nullable(),
        establishedOn: z.string(),
        approvedBy: z.string().nullable(),
      }),
    ),
  })
  .openapi('QuarterlyReport');

const AnnualRowSchema = z
  .object({ ...regionKey, ...counts(ANNUAL_COUNT_KEYS), orgCoverageRate: rate, workCoverageRate: rate })
  .openapi('AnnualRow');

export const AnnualSchema = z
  .object({
    report: z.literal('annual'),
    region: z.string(),
    name: z.string(),
    year: z.number(),
    asOf: z.string(),
    partial: z.boolean(),
    scope: z.enum(['all', 'survey']),
    total: AnnualRowSchema,
    rows: z.array(AnnualRowSchema),
    remote,
  })
  .openapi('AnnualReport');

const responsible = z.object({ orgId: z.number().nullable(), name: z.string() });
const list = <T extends z.ZodType>(row: T) => z.object({ total: z.number(), rows: z.array(row) });
const LaggingRegionSchema = z.object({
  region: z.string(),
  name: z.string(),
  inScope: z.number(),
  orgCovered: z.number(),
  orgCoverageRate: rate,
  previousRate: rate,
  overdueReelections: z.number(),
  quarterlyFiled: z.boolean().nullable(),
  lagging: z.boolean(),
  reasons: z.array(
    z.object({
      code: z.enum(['below_parent', 'fell', 'overdue_reelection', 'missed_quarterly', 'weak_org']),
      text: z.string(),
    }),
  ),
});
const enterprise = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  employees: z.number(),
  fullMembers: z.number(),
  responsible,
});

export const LaggingSchema = z
  .object({
    report: z.literal('lagging'),
    region: z.string(),
    name: z.string(),
    date: z.string(),
    scope: z.enum(['all', 'survey']),
    previousDate: z.string(),
    laggingPoints: z.number(),
    orgCoverageRate: rate,
    quarterly: z.object({ quarter: z.string(), dueOn: z.string() }),
    regions: z.array(LaggingRegionSchema),
    children: z.array(LaggingRegionSchema),
    shouldForm: list(enterprise),
    keyWatch: list(enterprise),
    overdueReelections: list(
      z.object({
        id: z.number(),
        name: z.string(),
        regionCode: z.string(),
        regionName: z.string(),
        termEndsOn: z.string(),
        daysOverdue: z.number(),
        responsible,
      }),
    ),
    overdueDevelopments: list(
      z.object({
        id: z.number(),
        name: z.string(),
        orgId: z.number(),
        orgName: z.string(),
        regionCode: z.string(),
        step: z.string(),
        dueOn: z.string(),
        message: z.string(),
        responsible,
      }),
    ),
  })
  .openapi('LaggingReport');

/** The lagging list's regions without the lists of items to chase: the dashboard's panel. */
export const LaggingRegionsSchema = LaggingSchema.omit({
  shouldForm: true,
  keyWatch: true,
  overdueReelections: true,
  overdueDevelopments: true,
}).openapi('LaggingRegions');

/** 年报 tables 27, 30 and 43 ask for a year and a region; they have no survey scope. */
export const NbQuery = AnnualQuery.omit({ scope: true });

/** A 年报 table: its cells (A1 …) for the region and for each child region. */
function nbSchema(t: NbLayout) {
  const cells = z.object(counts(cellKeys(t))).openapi(`Nb${t.number}Cells`);
  return z
    .object({
      report: z.literal(t.id),
      region: z.string(),
      name: z.string(),
      year: z.number(),
      asOf: z.string(),
      partial: z.boolean(),
      total: cells,
      rows: z.array(z.object({ ...regionKey, cells })),
      remote,
    })
    .openapi(`Nb${t.number}Report`);
}

export const Nb27Schema = nbSchema(NB27);
export const Nb30Schema = nbSchema(NB30);
export const Nb43Schema = nbSchema(NB43);
