import { z } from '@hono/zod-openapi';
import { QUARTER_PATTERN } from '../../domain/stats/quarter.ts';
import { QuarterlySchema } from '../reports/schemas.ts';
import { areaRouter } from '../route.ts';
import { childSubmissions, submissionOf } from './queries.ts';
import { returnQuarterly, submitQuarterly } from './write.ts';

const regionCode = z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/, '地区代码应为 6、9 或 12 位数字');
const quarter = z.string().regex(QUARTER_PATTERN, '季度格式应为 2026Q3').describe('季度，如 2026Q3');
const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(200, `${what}不超过 200 个字`);

const status = z.enum(['pending', 'overdue', 'on_time', 'late', 'returned']).openapi({
  description:
    'pending 待报送（未到期）· overdue 逾期未报送 · on_time 按期报送 · late 逾期报送 · returned 已退回待重新报送',
});
const Standing = {
  status,
  firstAt: z.string().nullable().openapi({ description: '首次报送时间（判断是否按期）' }),
  lastAt: z.string().nullable().openapi({ description: '现行报送（首次或最近一次重新报送）的时间' }),
  resubmissions: z.number(),
  returned: z
    .object({ at: z.string(), reason: z.string() })
    .nullable()
    .openapi({ description: '退回且尚未重新报送时' }),
  submittedBy: z.string().nullable(),
};

const Submission = z
  .object({
    region: z.string(),
    name: z.string(),
    quarter: z.string(),
    dueOn: z.string().openapi({ description: '报送期限（季末后若干天，系统设置）' }),
    ...Standing,
    submitted: QuarterlySchema.nullable().openapi({ description: '报送时冻结的季报数据（现行报送）' }),
    history: z.array(
      z.object({
        id: z.number(),
        action: z.enum(['submit', 'resubmit', 'return']),
        reason: z.string().nullable(),
        at: z.string(),
        actorName: z.string(),
      }),
    ),
    canSubmit: z.boolean(),
    canResubmit: z.boolean(),
    canReturn: z.boolean(),
  })
  .openapi('QuarterlySubmission');

const ChildSubmissions = z
  .object({
    region: z.string(),
    name: z.string(),
    quarter: z.string(),
    dueOn: z.string(),
    canReturn: z.boolean(),
    children: z.array(
      z.object({
        region: z.string(),
        name: z.string(),
        ...Standing,
        newOrgs: z.number().nullable().openapi({ description: '报送的本季新建党组织数（合计）' }),
        orgCoverageRate: z.number().nullable().openapi({ description: '报送的季末党组织覆盖率（合计）' }),
      }),
    ),
  })
  .openapi('QuarterlyChildSubmissions');

const Recorded = z.object({ id: z.number(), at: z.string() });

/** A region's quarter; the region defaults to the user's own. */
const RegionQuarter = z.object({ region: regionCode.optional().describe('地区代码，默认为本人管辖地区'), quarter });

export const submissionRoutes = areaRouter('报表');

submissionRoutes.define({
  method: 'get',
  path: '/api/reports/quarterly/submission',
  permission: 'report.read',
  action: 'report.quarterly_submission',
  summary: '本地区季报的报送情况：状态、报送时冻结的数据、报送 / 重新报送 / 退回记录',
  query: RegionQuarter,
  response: Submission,
  describe: '报送情况',
  handler: ({ tx, actor, input }) =>
    submissionOf(tx, actor, input.query.region ?? actor.regionCode, input.query.quarter),
});

submissionRoutes.define({
  method: 'get',
  path: '/api/reports/quarterly/submissions',
  permission: 'report.read',
  action: 'report.quarterly_submissions',
  summary: '下级地区季报报送情况：谁已报送、谁逾期、谁未报送、谁被退回',
  query: RegionQuarter,
  response: ChildSubmissions,
  describe: '各下级地区的报送情况',
  handler: ({ tx, actor, input }) =>
    childSubmissions(tx, actor, input.query.region ?? actor.regionCode, input.query.quarter),
});

submissionRoutes.define({
  method: 'post',
  path: '/api/reports/quarterly/submit',
  permission: 'report.submit',
  action: 'report.quarterly_submit',
  summary: '报送本地区已结束季度的季报：按当时台账计算并冻结数据，记录报送人和时间',
  body: z.object({ quarter }),
  response: Recorded,
  describe: '已报送',
  handler: ({ tx, actor, input }) =>
    submitQuarterly(tx, actor, { region: actor.regionCode, quarter: input.body.quarter }),
});

submissionRoutes.define({
  method: 'post',
  path: '/api/reports/quarterly/resubmit',
  permission: 'report.submit',
  action: 'report.quarterly_resubmit',
  summary: '重新报送（更正或被退回后）：说明原因，按当时台账重新冻结数据；此前的报送保留',
  body: z.object({ quarter, reason: reason('更正原因') }),
  response: Recorded,
  describe: '已重新报送',
  handler: ({ tx, actor, input }) => submitQuarterly(tx, actor, { region: actor.regionCode, ...input.body }),
});

submissionRoutes.define({
  method: 'post',
  path: '/api/reports/quarterly/return',
  permission: 'report.return',
  action: 'report.quarterly_return',
  summary: '上级地区退回下级地区已报送的季报（说明原因），下级须重新报送',
  body: z.object({ region: regionCode, quarter, reason: reason('退回原因') }),
  response: Recorded,
  describe: '已退回',
  handler: ({ tx, actor, input }) => returnQuarterly(tx, actor, input.body),
});
