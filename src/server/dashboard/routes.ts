import { z } from '@hono/zod-openapi';
import { areaRouter } from '../route.ts';
import { CategoryCounts, coverageRates, FigureQuery } from '../stats/schemas.ts';
import { dashboard } from './service.ts';

const Ledger = z
  .object({
    inScope: z.number(),
    closed: z.number(),
    orgCovered: z.number(),
    standalone: z.number(),
    joint: z.number(),
    workCovered: z.number(),
    keyWatch: z.number(),
    needsInstructor: z.number(),
    categories: CategoryCounts,
    ...coverageRates,
  })
  .openapi('LedgerFigures');

const RegionRef = z.object({ code: z.string(), name: z.string(), level: z.number() });

const Dashboard = z
  .object({
    region: RegionRef,
    path: z.array(RegionRef).describe('从本人管辖地区到该地区的各级（面包屑）'),
    date: z.string(),
    scope: z.enum(['all', 'survey']).nullable(),
    ledger: Ledger.nullable(),
    missing: z.number().nullable().describe('待核实（最近一次导入中缺少）的企业数；仅今天有'),
    massOrgOnly: z
      .number()
      .nullable()
      .describe('未建党组织但已建工会或团组织的企业数（群团组织先行）；仅今天、未加筛选时有'),
    figures: z.object({
      provinces: z.number(),
      cities: z.number(),
      counties: z.number(),
      towns: z.number(),
      villages: z.number(),
      users: z.number(),
      activeUsers: z.number(),
    }),
    children: z.array(
      RegionRef.extend({
        direct: z.boolean().optional().describe('登记在该地区本级（而非某一下级地区）的企业'),
        subRegions: z.number(),
        users: z.number(),
        ledger: Ledger.nullable(),
      }),
    ),
  })
  .openapi('Dashboard');

export const dashboardRoutes = areaRouter('首页');

dashboardRoutes.define({
  method: 'get',
  path: '/api/dashboard',
  permission: 'dashboard.read',
  action: 'dashboard.read',
  summary:
    '某一地区（默认本人管辖地区）的概况：覆盖率、分类台账、各下级地区，可指定统计日期、口径与企业类型、人数、规模、行业筛选',
  query: FigureQuery,
  response: Dashboard,
  describe: '概况',
  handler: ({ tx, actor, input }) => dashboard(tx, actor, input.query),
});
