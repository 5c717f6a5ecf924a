import { createRoute, z } from '@hono/zod-openapi';
import { writeAudit } from '../audit/audit.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { today } from '../today.ts';
import { enterprisesAsOf } from './list.ts';
import { rollCoverage } from './roll.ts';
import { CoverageSchema, FigureQuery, filterOf } from './schemas.ts';
import { coverageFor, coverageTrend } from './service.ts';
import { CoverageSettingsSchema, getCoverageSettings, putCoverageSettings } from './settings.ts';

const tags = ['统计'];
export const statsRoutes = newRouter();

const request = (q: FigureQuery) => ({
  ...(q.region ? { region: q.region } : {}),
  ...(q.date ? { date: q.date } : {}),
  ...(q.scope ? { scope: q.scope } : {}),
  filter: filterOf(q),
});

statsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/stats/coverage',
    middleware: [permit('dashboard.read', 'stats.coverage')],
    tags,
    summary: '覆盖率：组建率、单独组建率、党的工作覆盖率与分类台账数，按下级地区分列，可指定日期与口径',
    request: { query: FigureQuery },
    responses: jsonResponse(CoverageSchema, '本地区合计与各下级地区'),
  }),
  async (c) => {
    const actor = requireActor(c);
    return c.json(await coverageFor(c.get('deps').database.db, actor, request(c.req.valid('query'))), 200);
  },
);

statsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/stats/trend',
    middleware: [permit('dashboard.read', 'stats.trend')],
    tags,
    summary: '覆盖率季度走势：最近若干季度末的数字（本季度截至统计日期）',
    request: { query: FigureQuery.extend({ quarters: z.coerce.number().int().min(2).max(12).default(6) }) },
    responses: jsonResponse(z.array(CoverageSchema.omit({ children: true }).extend({ quarter: z.string() })), '走势'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    return c.json(await coverageTrend(c.get('deps').database.db, actor, { ...request(q), quarters: q.quarters }), 200);
  },
);

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

statsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/stats/enterprises',
    middleware: [permit('ledger.read', 'stats.enterprises')],
    tags,
    summary: '某一数字背后的企业名单（按统计日期计算，与该数字一致）',
    request: {
      query: FigureQuery.extend({
        status: z.enum(['in_scope', 'closed']).optional(),
        category: z.enum(['standalone', 'joint', 'should_form', 'joint_candidate', 'no_member']).optional(),
        coverage: z.enum(['org', 'standalone', 'joint', 'work']).optional(),
        flag: z.enum(['key_watch', 'needs_instructor']).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: jsonResponse(z.object({ total: z.number(), rows: z.array(AsOfRow) }), '企业名单'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    const db = c.get('deps').database.db;
    const now = today();
    await rollCoverage(db, now);
    const settings = await getCoverageSettings(db);
    const result = await inScope(db, actor, (tx) =>
      enterprisesAsOf(
        tx,
        actor,
        {
          region: q.region ?? actor.regionCode,
          date: q.date ?? now,
          scope: q.scope ?? settings.defaultScope,
          filter: filterOf(q),
          ...(q.status ? { status: q.status } : {}),
          ...(q.category ? { category: q.category } : {}),
          ...(q.coverage ? { coverage: q.coverage } : {}),
          ...(q.flag ? { flag: q.flag } : {}),
        },
        settings,
        { page: q.page, pageSize: q.pageSize },
      ),
    );
    return c.json(result, 200);
  },
);

statsRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/settings/coverage',
    middleware: [permit('dashboard.read', 'settings.coverage.read')],
    tags,
    summary: '统计设置：默认口径、调查口径门槛、滞后判定与季报期限',
    responses: jsonResponse(CoverageSettingsSchema, '当前设置'),
  }),
  async (c) => c.json(await getCoverageSettings(c.get('deps').database.db), 200),
);

statsRoutes.openapi(
  createRoute({
    method: 'put',
    path: '/api/settings/coverage',
    middleware: [permit('settings.write', 'settings.coverage')],
    tags,
    summary: '修改统计设置（系统管理员）',
    request: jsonBody(CoverageSettingsSchema),
    responses: jsonResponse(CoverageSettingsSchema, '修改后的设置'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const value = c.req.valid('json');
    await inScope(c.get('deps').database.db, actor, async (tx) => {
      const before = await getCoverageSettings(tx);
      await putCoverageSettings(tx, value);
      await writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'settings.coverage',
        entity: 'settings',
        entityId: 'coverage',
        result: 'success',
        diff: { before, after: value },
      });
    });
    return c.json(value, 200);
  },
);
