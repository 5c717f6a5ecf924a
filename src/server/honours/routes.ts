import { z } from '@hono/zod-openapi';
import { RECOGNITION_LEVELS } from '../../domain/recognition/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, choiceOf, pageOf, pageQuery, regionCode } from '../schemas.ts';
import { today } from '../today.ts';
import { honourCounts } from './counts.ts';
import { listHonours, listSites, memberHonours, orgHonours } from './queries.ts';
import { createHonour, createSite, deleteHonour, deleteSite } from './write.ts';

const level = choiceOf(RECOGNITION_LEVELS, '请选择级别');
const ref = (what: string) =>
  z
    .number({ error: `请选择${what}` })
    .int()
    .positive(`请选择${what}`)
    .nullable()
    .default(null);
const note = z.string().trim().max(200, '备注不超过 200 个字').nullable().default(null);
const year = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(1990, '年度不早于 1990')
  .max(2100, '年度不晚于 2100');

const Honour = z
  .object({
    id: z.number(),
    orgId: z.number(),
    orgName: z.string(),
    memberId: z.number().nullable().openapi({ description: '受表彰的党员；空：表彰党组织' }),
    memberName: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    title: z.string(),
    awardingBody: z.string(),
    level,
    levelLabel: z.string().nullable(),
    awardedOn: z.string(),
    note: z.string().nullable(),
  })
  .openapi('Honour');

const DemonstrationSite = z
  .object({
    id: z.number(),
    orgId: z.number().nullable(),
    orgName: z.string().nullable(),
    enterpriseId: z.number().nullable(),
    enterpriseName: z.string().nullable(),
    regionCode: z.string(),
    name: z.string(),
    level,
    levelLabel: z.string().nullable(),
    year: z.number(),
    awardingBody: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('DemonstrationSite');

const Figures = z.object({
  orgHonours: z.number().openapi({ description: '党组织获表彰次数' }),
  memberHonours: z.number().openapi({ description: '党员获表彰人次' }),
  demonstrationSites: z.number().openapi({ description: '示范点个数' }),
});
const RegionFigures = Figures.extend({ region: z.string(), name: z.string() });

export const honourRoutes = areaRouter('表彰与示范点');

honourRoutes.define({
  method: 'get',
  path: '/api/honours',
  permission: 'honour.read',
  action: 'honour.list',
  summary: '表彰：按对象（党组织 / 党员）、年度、级别、区划、名称筛选',
  query: z.object({
    recipient: z.enum(['org', 'member']).optional(),
    year: year.optional(),
    level: level.optional(),
    regionCode: regionCode.optional(),
    q: z.string().trim().max(30).optional(),
    ...pageQuery(),
  }),
  response: pageOf(Honour),
  describe: '一页，最近的在前',
  handler: ({ tx, actor, input }) => {
    const { page, pageSize, ...filter } = input.query;
    return listHonours(tx, actor, filter, { page, pageSize });
  },
});

honourRoutes.define({
  method: 'get',
  path: '/api/honours/counts',
  permission: 'honour.read',
  action: 'honour.counts',
  summary: '表彰和示范点按区划统计（所选年度，本区划及各下级），以及本区划逐年的数字',
  query: z.object({ regionCode: regionCode.optional(), year: year.optional() }),
  response: RegionFigures.extend({
    year: z.number(),
    children: z.array(RegionFigures),
    byYear: z.array(Figures.extend({ year: z.number() })),
  }),
  describe: '按区划和年度的数字',
  handler: ({ tx, actor, input }) =>
    honourCounts(
      tx,
      actor,
      input.query.regionCode ?? actor.regionCode,
      input.query.year ?? Number(today().slice(0, 4)),
    ),
});

honourRoutes.define({
  method: 'post',
  path: '/api/honours',
  permission: 'honour.manage',
  action: 'honour.create',
  summary: '登记表彰：对党组织（orgId）或党员（memberId，归入其当时所在的党组织），哪个机关、何时授予',
  body: z.object({
    orgId: ref('党组织'),
    memberId: ref('党员'),
    title: z.string().trim().min(1, '请填写荣誉称号').max(60, '荣誉称号不超过 60 个字'),
    awardingBody: z.string().trim().min(1, '请填写授予机关').max(60, '授予机关不超过 60 个字'),
    level,
    awardedOn: calendarDay,
    note,
  }),
  response: z.object({ id: z.number() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => createHonour(tx, actor, input.body),
});

honourRoutes.define({
  method: 'delete',
  path: '/api/honours/{id}',
  permission: 'honour.manage',
  action: 'honour.delete',
  entity: 'honour',
  summary: '撤销误登记的表彰（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteHonour(tx, actor, input.params.id)),
});

honourRoutes.define({
  method: 'get',
  path: '/api/demonstration-sites',
  permission: 'honour.read',
  action: 'honour.site_list',
  summary: '示范点：按年度、级别、区划筛选',
  query: z.object({
    year: year.optional(),
    level: level.optional(),
    regionCode: regionCode.optional(),
    ...pageQuery(),
  }),
  response: pageOf(DemonstrationSite),
  describe: '一页，最近年度在前',
  handler: ({ tx, actor, input }) => {
    const { page, pageSize, ...filter } = input.query;
    return listSites(tx, actor, filter, { page, pageSize });
  },
});

honourRoutes.define({
  method: 'post',
  path: '/api/demonstration-sites',
  permission: 'honour.manage',
  action: 'honour.site_create',
  summary: '登记示范点：党组织（orgId）或企业（enterpriseId），年度和级别',
  body: z.object({
    orgId: ref('党组织'),
    enterpriseId: ref('企业'),
    name: z.string().trim().min(1, '请填写示范点名称').max(60, '示范点名称不超过 60 个字'),
    level,
    year: z
      .number({ error: '请填写年度' })
      .int('年度应为整数')
      .min(1990, '年度不早于 1990')
      .max(2100, '年度不晚于 2100'),
    awardingBody: z.string().trim().max(60, '命名机关不超过 60 个字').nullable().default(null),
    note,
  }),
  response: z.object({ id: z.number() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => createSite(tx, actor, input.body),
});

honourRoutes.define({
  method: 'delete',
  path: '/api/demonstration-sites/{id}',
  permission: 'honour.manage',
  action: 'honour.site_delete',
  entity: 'demonstration_site',
  summary: '撤销误登记的示范点（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteSite(tx, actor, input.params.id)),
});

honourRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/honours',
  permission: 'org.read',
  action: 'org.honours',
  entity: 'party_org',
  summary: '党组织的表彰（含其党员在本组织期间所获）和示范点（含所覆盖企业的）',
  params: byId,
  response: z.object({ honours: z.array(Honour), demonstrationSites: z.array(DemonstrationSite) }),
  describe: '表彰与示范点',
  handler: ({ tx, actor, input }) => orgHonours(tx, actor, input.params.id),
});

honourRoutes.define({
  method: 'get',
  path: '/api/members/{id}/honours',
  permission: 'member.read',
  action: 'member.honours',
  entity: 'member',
  summary: '党员所获表彰',
  params: byId,
  response: z.array(Honour),
  describe: '表彰，最近的在前',
  handler: ({ tx, actor, input }) => memberHonours(tx, actor, input.params.id),
});
