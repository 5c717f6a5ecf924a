import { z } from '@hono/zod-openapi';
import { COVERAGE_SELECTIONS } from '../../domain/stats/coverage.ts';
import { areaRouter } from '../route.ts';
import { pageQuery } from '../schemas.ts';
import { today } from '../today.ts';
import { enterprisesAsOf } from './list.ts';
import { CoverageSchema, FigureQuery, filterOf } from './schemas.ts';
import { coverageFor, coverageTrend } from './service.ts';
import { CoverageSettingsSchema, getCoverageSettings, putCoverageSettings } from './settings.ts';

export const statsRoutes = areaRouter('统计');

const request = (q: FigureQuery) => ({
  ...(q.region ? { region: q.region } : {}),
  ...(q.date ? { date: q.date } : {}),
  ...(q.scope ? { scope: q.scope } : {}),
  filter: filterOf(q),
});

statsRoutes.define({
  method: 'get',
  path: '/api/stats/coverage',
  permission: 'dashboard.read',
  action: 'stats.coverage',
  summary: '覆盖率：组建率、单独组建率、党的工作覆盖率与分类台账数，按下级地区分列，可指定日期与口径',
  query: FigureQuery,
  response: CoverageSchema,
  describe: '本地区合计与各下级地区',
  handler: ({ tx, actor, input }) => coverageFor(tx, actor, request(input.query)),
});

statsRoutes.define({
  method: 'get',
  path: '/api/stats/trend',
  permission: 'dashboard.read',
  action: 'stats.trend',
  summary: '覆盖率季度走势：最近若干季度末的数字（本季度截至统计日期）',
  query: FigureQuery.extend({ quarters: z.coerce.number().int().min(2).max(12).default(6) }),
  response: z.array(CoverageSchema.omit({ children: true }).extend({ quarter: z.string() })),
  describe: '走势',
  handler: ({ tx, actor, input }) =>
    coverageTrend(tx, actor, { ...request(input.query), quarters: input.query.quarters }),
});

const AsOfRow = z.object({
  id: z.number(),
  name: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  kind: z.string(),
  employees: z.number(),
  memberCount: z.number(),
  fullMemberCount: z.number(),
  category: z.string(),
  orgCoverage: z.string().nullable(),
  workCovered: z.boolean(),
});

statsRoutes.define({
  method: 'get',
  path: '/api/stats/enterprises',
  permission: 'ledger.read',
  action: 'stats.enterprises',
  summary: '某一数字背后的企业名单（按统计日期计算，与该数字一致）',
  query: FigureQuery.extend({
    status: z.enum(['in_scope', 'closed']).optional(),
    category: z.enum(['standalone', 'joint', 'should_form', 'joint_candidate', 'no_member']).optional(),
    coverage: z.enum(COVERAGE_SELECTIONS).optional(),
    flag: z.enum(['key_watch', 'needs_instructor']).optional(),
    ...pageQuery(),
  }),
  response: z.object({ total: z.number(), rows: z.array(AsOfRow) }),
  describe: '企业名单',
  handler: async ({ tx, actor, input: { query: q } }) => {
    const settings = await getCoverageSettings(tx);
    return enterprisesAsOf(
      tx,
      actor,
      {
        region: q.region ?? actor.regionCode,
        date: q.date ?? today(),
        scope: q.scope ?? settings.defaultScope,
        filter: filterOf(q),
        ...(q.status ? { status: q.status } : {}),
        ...(q.category ? { category: q.category } : {}),
        ...(q.coverage ? { coverage: q.coverage } : {}),
        ...(q.flag ? { flag: q.flag } : {}),
      },
      settings,
      { page: q.page, pageSize: q.pageSize },
    );
  },
});

statsRoutes.define({
  method: 'get',
  path: '/api/settings/coverage',
  permission: 'dashboard.read',
  action: 'settings.coverage.read',
  summary: '统计设置：默认口径、调查口径门槛、滞后判定与季报期限',
  response: CoverageSettingsSchema,
  describe: '当前设置',
  handler: ({ tx }) => getCoverageSettings(tx),
});

statsRoutes.define({
  method: 'put',
  path: '/api/settings/coverage',
  permission: 'settings.write',
  action: 'settings.coverage',
  summary: '修改统计设置（系统管理员）',
  body: CoverageSettingsSchema,
  response: CoverageSettingsSchema,
  describe: '修改后的设置',
  handler: async ({ tx, input: { body: value }, audit }) => {
    const before = await getCoverageSettings(tx);
    await putCoverageSettings(tx, value);
    await audit({ entity: 'settings', entityId: 'coverage', diff: { before, after: value } });
    return value;
  },
});
