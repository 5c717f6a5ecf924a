import { z } from '@hono/zod-openapi';
import { areaRouter } from '../route.ts';
import { calendarDay, idParam, pageQuery } from '../schemas.ts';
import { today } from '../today.ts';
import { compareSnapshots, createSnapshot, listSnapshots, transitionEnterprises } from './service.ts';
import { SNAPSHOT_STATES } from './states.ts';

export const snapshotRoutes = areaRouter('统计');

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

snapshotRoutes.define({
  method: 'get',
  path: '/api/snapshots',
  permission: 'report.read',
  action: 'snapshot.list',
  summary: '调查快照列表（本人管辖范围内，新的在前）',
  response: z.object({ items: z.array(SnapshotSchema) }),
  describe: '快照',
  handler: async ({ tx, actor }) => ({ items: await listSnapshots(tx, actor) }),
});

// A snapshot is copied from dangjian_enterprise_facts, computed from the records as of its
// date: it needs no day roll.
snapshotRoutes.define({
  method: 'post',
  path: '/api/snapshots',
  permission: 'snapshot.write',
  action: 'snapshot.create',
  summary: '生成调查快照：冻结某一地区截至某日的全部台账（逐户），记入审计',
  body: z.object({
    date: calendarDay.describe('快照日期（不晚于今天）'),
    region: z
      .string()
      .regex(/^\d{6}(\d{3}){0,2}$/, '行政区划代码为 6、9 或 12 位数字')
      .optional()
      .describe('地区代码，默认为本人管辖地区'),
    label: z.string().trim().max(100, '名称不超过 100 个字').optional(),
  }),
  response: SnapshotSchema,
  describe: '已生成',
  handler: ({ tx, actor, input: { body } }) =>
    createSnapshot(tx, actor, { ...body, region: body.region ?? actor.regionCode }, today()),
});

snapshotRoutes.define({
  method: 'get',
  path: '/api/snapshots/compare',
  permission: 'report.read',
  action: 'snapshot.compare',
  summary: '比较两次快照：逐户的分类变化矩阵（如 42 户由有党员未建转为单独组建）、新进入与退出台账的企业数',
  query: Pair,
  response: z.object({
    from: SnapshotSchema,
    to: SnapshotSchema,
    transitions: z.array(z.object({ from: State, to: State, n: z.number() })),
    totals: z.object({ entered: z.number(), left: z.number(), changed: z.number(), unchanged: z.number() }),
  }),
  describe: '比较结果',
  handler: ({ tx, actor, input: { query } }) => compareSnapshots(tx, actor, query.from, query.to),
});

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

snapshotRoutes.define({
  method: 'get',
  path: '/api/snapshots/compare/enterprises',
  permission: 'report.read',
  action: 'snapshot.compare',
  summary: '某一分类变化（矩阵的一格）所含的企业，分页；合计与该格数字一致',
  query: Pair.extend({
    fromState: State,
    toState: State,
    ...pageQuery(),
  }),
  response: z.object({
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
  describe: '企业名单',
  handler: ({ tx, actor, input: { query } }) => transitionEnterprises(tx, actor, query),
});
