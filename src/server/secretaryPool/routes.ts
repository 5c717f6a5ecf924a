import { z } from '@hono/zod-openapi';
import { SEXES } from '../../domain/org/codes.ts';
import { POOL_ORIGINS, POOL_STATUSES } from '../../domain/recognition/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, choiceOf, codeOf, idParam, pageOf, pageQuery, regionCode } from '../schemas.ts';
import { today } from '../today.ts';
import { poolCounts } from './counts.ts';
import { dispatchSecretary, returnSecretary } from './dispatch.ts';
import { listPoolSecretaries, orgDispatchedSecretaries, poolSecretaryDetail } from './queries.ts';
import { createPoolSecretary, revealPoolSecretary, updatePoolSecretary } from './write.ts';

const name = z.string().trim().min(1, '请填写姓名').max(30, '姓名不超过 30 个字');
const originUnit = z.string().trim().min(1, '请填写原单位').max(60, '原单位不超过 60 个字');
const note = z.string().trim().max(200, '备注不超过 200 个字').nullable();
const origin = choiceOf(POOL_ORIGINS, '请选择来源').openapi({ description: '来源' });
const sex = choiceOf(SEXES, '请选择性别');
const orgId = z.number({ error: '请选择党组织' }).int().positive('请选择党组织');
/** Sent in full to the server, which alone masks it on the way out. */
const phone = z.string().max(40, '联系电话不超过 40 个字符').nullable();

const CurrentDispatch = z.object({
  dispatchId: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  startOn: z.string(),
});

const PoolSecretary = z
  .object({
    id: z.number(),
    name: z.string(),
    sex,
    sexLabel: z.string().nullable(),
    birthDate: z.string().nullable().openapi({ description: '脱敏：1975-**-**' }),
    phone: z.string().nullable().openapi({ description: '脱敏：138****5678' }),
    origin,
    originLabel: z.string().nullable(),
    originUnit: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    enteredOn: z.string(),
    leftOn: z.string().nullable(),
    note: z.string().nullable(),
    status: codeOf(POOL_STATUSES),
    statusLabel: z.string().nullable(),
    current: CurrentDispatch.nullable().openapi({ description: '正在任职的下派' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('PoolSecretary');

const PoolCounts = z.object({
  region: z.string(),
  name: z.string(),
  available: z.number().openapi({ description: '在库可下派（未下派或已返回）' }),
  sentInYear: z.number().openapi({ description: '当年下派到本区划党组织的人次' }),
  serving: z.number().openapi({ description: '正在本区划党组织任书记的下派书记' }),
});

export const secretaryPoolRoutes = areaRouter('下派书记');

secretaryPoolRoutes.define({
  method: 'get',
  path: '/api/secretary-pool',
  permission: 'pool.read',
  action: 'pool.list',
  summary: '下派书记库（党务工作者库）：按姓名、来源、状态、区划筛选，显示正在任职的党组织',
  query: z.object({
    q: z.string().trim().max(30).optional(),
    origin: origin.optional(),
    status: z.enum(['in_pool', 'available', 'sent', 'returned', 'left', 'all']).default('in_pool'),
    regionCode: regionCode.optional(),
    ...pageQuery(),
  }),
  response: pageOf(PoolSecretary),
  describe: '一页（电话、出生日期脱敏）',
  handler: ({ tx, actor, input, c }) => {
    const { page, pageSize, ...filter } = input.query;
    return listPoolSecretaries(tx, actor, c.get('deps').keys, filter, { page, pageSize });
  },
});

secretaryPoolRoutes.define({
  method: 'get',
  path: '/api/secretary-pool/counts',
  permission: 'pool.read',
  action: 'pool.counts',
  summary: '下派书记按区划统计：在库可下派（按入库区划）、当年下派和正在任职（按所去党组织的区划），本区划及各下级',
  query: z.object({
    regionCode: regionCode.optional(),
    year: z.coerce.number().int().min(1990, '年份不早于 1990').max(2100, '年份不晚于 2100').optional(),
  }),
  response: PoolCounts.extend({ year: z.number(), children: z.array(PoolCounts) }),
  describe: '本区划及各下级区划的人数',
  handler: ({ tx, actor, input }) =>
    poolCounts(tx, actor, input.query.regionCode ?? actor.regionCode, input.query.year ?? Number(today().slice(0, 4))),
});

secretaryPoolRoutes.define({
  method: 'post',
  path: '/api/secretary-pool',
  permission: 'pool.manage',
  action: 'pool.create',
  summary: '将一名同志登记入下派书记库（电话加密保存）',
  body: z.object({
    name,
    sex,
    birthDate: calendarDay.nullable().default(null),
    phone: phone.default(null),
    origin,
    originUnit,
    regionCode,
    enteredOn: calendarDay,
    note: note.default(null),
  }),
  response: z.object({ id: z.number() }),
  describe: '已入库',
  handler: ({ tx, actor, input, c }) => createPoolSecretary(tx, actor, c.get('deps').keys, input.body),
});

secretaryPoolRoutes.define({
  method: 'get',
  path: '/api/secretary-pool/{id}',
  permission: 'pool.read',
  action: 'pool.read',
  entity: 'pool_secretary',
  summary: '书记库人员详情（电话脱敏）及其历次下派',
  params: byId,
  response: z.object({
    secretary: PoolSecretary,
    writable: z.boolean(),
    dispatches: z.array(
      z.object({
        id: z.number(),
        orgId: z.number(),
        orgName: z.string(),
        regionName: z.string().nullable(),
        startOn: z.string(),
        endOn: z.string().nullable().openapi({ description: '返回日期（不再任职的第一天）' }),
        note: z.string().nullable(),
      }),
    ),
  }),
  describe: '人员详情',
  handler: ({ tx, actor, input, c }) => poolSecretaryDetail(tx, actor, c.get('deps').keys, input.params.id),
});

secretaryPoolRoutes.define({
  method: 'patch',
  path: '/api/secretary-pool/{id}',
  permission: 'pool.manage',
  action: 'pool.update',
  entity: 'pool_secretary',
  summary: '修改书记库人员信息；登记退出日期即退出书记库（正在下派任职的须先登记返回）',
  params: byId,
  body: z
    .object({
      name,
      sex,
      birthDate: calendarDay.nullable(),
      phone,
      origin,
      originUnit,
      regionCode,
      enteredOn: calendarDay,
      leftOn: calendarDay.nullable(),
      note,
    })
    .partial(),
  response: z.object({ changed: z.array(z.string()) }),
  describe: '已修改的字段',
  handler: ({ tx, actor, input, c }) => updatePoolSecretary(tx, actor, c.get('deps').keys, input.params.id, input.body),
});

secretaryPoolRoutes.define({
  method: 'post',
  path: '/api/secretary-pool/{id}/reveal',
  permission: 'pool.manage',
  action: 'pool.reveal',
  entity: 'pool_secretary',
  summary: '查看书记库人员完整的联系电话（每次查看都记入审计日志）',
  params: byId,
  response: z.object({ phone: z.string().nullable() }),
  describe: '完整号码',
  handler: ({ tx, actor, input, c }) => revealPoolSecretary(tx, actor, c.get('deps').keys, input.params.id),
});

secretaryPoolRoutes.define({
  method: 'post',
  path: '/api/secretary-pool/{id}/dispatches',
  permission: 'pool.manage',
  action: 'pool.dispatch',
  entity: 'pool_secretary',
  summary: '下派到党组织任书记：同时登记为该组织的书记（书记来源记为下派）；该组织须无现任书记',
  params: byId,
  body: z.object({
    orgId,
    startOn: calendarDay,
    note: note.default(null),
  }),
  response: z.object({ id: z.number() }),
  describe: '已下派',
  handler: ({ tx, actor, input }) => dispatchSecretary(tx, actor, input.params.id, input.body),
});

secretaryPoolRoutes.define({
  method: 'post',
  path: '/api/secretary-pool/{id}/dispatches/{dispatchId}/return',
  permission: 'pool.manage',
  action: 'pool.return',
  entity: 'pool_secretary',
  summary: '登记下派书记返回：返回日期是不再任职的第一天，同日结束其在该组织的书记任职',
  params: z.object({ id: idParam, dispatchId: idParam }),
  body: z.object({ endOn: calendarDay }),
  response: Ok,
  describe: '已返回',
  handler: ({ tx, actor, input }) =>
    done(returnSecretary(tx, actor, input.params.id, input.params.dispatchId, input.body.endOn)),
});

secretaryPoolRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/dispatched-secretaries',
  permission: 'org.read',
  action: 'org.dispatched_secretaries',
  entity: 'party_org',
  summary: '党组织的下派书记：现任与以往，来自哪里（电话脱敏）',
  params: byId,
  response: z.array(
    z.object({
      id: z.number(),
      secretaryId: z.number(),
      name: z.string(),
      origin,
      originUnit: z.string(),
      phone: z.string().nullable(),
      startOn: z.string(),
      endOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  describe: '下派记录，最近的在前',
  handler: ({ tx, actor, input, c }) => orgDispatchedSecretaries(tx, actor, c.get('deps').keys, input.params.id),
});
