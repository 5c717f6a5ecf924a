import { createRoute, z } from '@hono/zod-openapi';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { calendarDay, idParam } from '../schemas.ts';
import { rollCoverage } from '../stats/roll.ts';
import { today } from '../today.ts';
import { compareSnapshots, createSnapshot, listSnapshots, transitionEnterprises } from './service.ts';
import { SNAPSHOT_STATES } from './states.ts';

const tags = ['统计'];
export const snapshotRoutes = newRouter();

const SnapshotSchema = z
  .object({
    id: z.number(),
    takenOn: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    label: z.string(),
    enterpriseCount: z.number(),
    actorName: z.string(),
    createdAt: z.string(),
  })
  .openapi('Snapshot');

const State = z.enum(SNAPSHOT_STATES);
const Pair = z.object({ from: idParam, to: idParam });

snapshotRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/snapshots',
    middleware: [permit('report.read', 'snapshot.list')],
    tags,
    summary: '调查快照列表（本人管辖范围内，新的在前）',
    responses: jsonResponse(z.object({ items: z.array(SnapshotSchema) }), '快照'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const items = await inScope(c.get('deps').database.db, actor, (tx) => listSnapshots(tx, actor));
    return c.json({ items }, 200);
  },
);

snapshotRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/snapshots',
    middleware: [permit('snapshot.write', 'snapshot.create')],
    tags,
    summary: '生成调查快照：冻结某一地区截至某日的全部台账（逐户），记入审计',
    request: jsonBody(
      z.object({
        date: calendarDay.describe('快照日期（不晚于今天）'),
        region: z
          .string()
          .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字')
          .optional()
          .describe('地区代码，默认为本人管辖地区'),
        label: z.string().trim().max(100, '名称不超过 100 个字').optional(),
      }),
    ),
    responses: jsonResponse(SnapshotSchema, '已生成'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    const db = c.get('deps').database.db;
    const now = today();
    await rollCoverage(db, now);
    const snapshot = await inScope(db, actor, (tx) =>
      createSnapshot(tx, actor, { ...input, region: input.region ?? actor.regionCode }, now),
    );
    return c.json(snapshot, 200);
  },
);

snapshotRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/snapshots/compare',
    middleware: [permit('report.read', 'snapshot.compare')],
    tags,
    summary: '比较两次快照：逐户的分类变化矩阵（如 42 户由有党员未建转为单独组建）、新进入与退出台账的企业数',
    request: { query: Pair },
    responses: jsonResponse(
      z.object({
        from: SnapshotSchema,
        to: SnapshotSchema,
        transitions: z.array(z.object({ from: State, to: State, n: z.number() })),
        totals: z.object({ entered: z.number(), left: z.number(), changed: z.number(), unchanged: z.number() }),
      }),
      '比较结果',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { from, to } = c.req.valid('query');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => compareSnapshots(tx, actor, from, to)), 200);
  },
);

const Side = z
  .object({
    regionCode: z.string(),
    inScope: z.boolean(),
    category: z.string(),
    orgCoverage: z.string().nullable(),
    workCovered: z.boolean(),
    keyWatch: z.boolean(),
    employees: z.number(),
    memberCount: z.number(),
    fullMemberCount: z.number(),
  })
  .nullable();

snapshotRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/snapshots/compare/enterprises',
    middleware: [permit('report.read', 'snapshot.compare')],
    tags,
    summary: '某一分类变化（矩阵的一格）所含的企业，分页；合计与该格数字一致',
    request: {
      query: Pair.extend({
        fromState: State,
        toState: State,
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: jsonResponse(
      z.object({
        total: z.number(),
        rows: z.array(
          z.object({
            enterpriseId: z.number(),
            name: z.string().nullable(),
            uscc: z.string().nullable(),
            from: Side,
            to: Side,
          }),
        ),
      }),
      '企业名单',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    return c.json(await inScope(c.get('deps').database.db, actor, (tx) => transitionEnterprises(tx, actor, q)), 200);
  },
);
