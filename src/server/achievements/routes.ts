import { z } from '@hono/zod-openapi';
import { ACHIEVEMENT_FORMS, ACHIEVEMENT_KINDS } from '../../domain/achievements/codes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, choiceOf } from '../schemas.ts';
import { today } from '../today.ts';
import { enterpriseAchievements, orgAchievements } from './queries.ts';
import { createAchievement, deleteAchievement, followUpAchievement } from './write.ts';

/** 万元, checked to two decimals and not negative on the server (domain moneyError), named by field. */
const money = (what: string) =>
  z
    .number({ error: `${what}应为数字（万元）` })
    .nullable()
    .default(null);
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what}不超过 ${max} 个字`)
    .nullable()
    .default(null)
    .transform((s) => s || null);
const day = calendarDay.nullable().default(null);

const Achievement = z
  .object({
    id: z.number(),
    orgId: z.number(),
    orgName: z.string().nullable().openapi({ description: '指导员看不到党组织，为空' }),
    enterpriseId: z.number(),
    enterpriseName: z.string().nullable(),
    kind: choiceOf(ACHIEVEMENT_KINDS, '请选择类别'),
    kindLabel: z.string(),
    form: choiceOf(ACHIEVEMENT_FORMS, '请选择形式').nullable(),
    formLabel: z.string().nullable(),
    onDate: z.string(),
    content: z.string(),
    personName: z.string().nullable().openapi({ description: '非党员提出人（合理化建议）' }),
    adopted: z.boolean().nullable(),
    fulfilled: z.boolean().nullable(),
    benefit: z.number().nullable().openapi({ description: '经济效益（万元）' }),
    amount: z.number().nullable().openapi({ description: '金额（万元，社会贡献）' }),
    fromOn: z.string().nullable(),
    toOn: z.string().nullable(),
    note: z.string().nullable(),
    members: z.array(z.object({ id: z.number(), name: z.string().nullable() })),
  })
  .openapi('Achievement');

export const achievementRoutes = areaRouter('作用发挥');

achievementRoutes.define({
  method: 'post',
  path: '/api/achievements',
  permission: 'orglife.write',
  action: 'achievement.create',
  summary:
    '登记作用发挥：合理化建议、目标承诺、破解难题、创新项目、社会贡献、党员示范岗、党员责任区——党组织、所覆盖的企业、党员、日期',
  body: z.object({
    orgId: z.number({ error: '请选择党组织' }).int().positive('请选择党组织'),
    enterpriseId: z.number({ error: '请选择企业' }).int().positive('请选择企业'),
    kind: choiceOf(ACHIEVEMENT_KINDS, '请选择类别'),
    form: choiceOf(ACHIEVEMENT_FORMS, '请选择形式').nullable().default(null),
    onDate: calendarDay,
    content: z.string().trim().min(1, '请填写内容').max(500, '内容不超过 500 个字'),
    memberIds: z.array(z.number().int().positive()).max(50, '党员不超过 50 名').default([]),
    personName: text(30, '提出人姓名'),
    adopted: z.boolean().nullable().default(null),
    fulfilled: z.boolean().nullable().default(null),
    benefit: money('经济效益'),
    amount: money('金额'),
    fromOn: day,
    toOn: day,
    note: text(200, '备注'),
  }),
  response: z.object({ id: z.number() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => createAchievement(tx, actor, input.body, today()),
});

achievementRoutes.define({
  method: 'patch',
  path: '/api/achievements/{id}',
  permission: 'orglife.write',
  action: 'achievement.update',
  entity: 'achievement',
  summary: '后续情况：建议被采纳及其效益、承诺已践诺、示范岗 / 责任区撤销日期、备注',
  params: byId,
  body: z.object({
    adopted: z.boolean().optional(),
    fulfilled: z.boolean().optional(),
    benefit: z.number({ error: '经济效益应为数字（万元）' }).nullable().optional(),
    toOn: calendarDay.nullable().optional(),
    note: z.string().trim().max(200, '备注不超过 200 个字').nullable().optional(),
  }),
  response: Ok,
  describe: '已更新',
  handler: ({ tx, actor, input }) => done(followUpAchievement(tx, actor, input.params.id, input.body, today())),
});

achievementRoutes.define({
  method: 'delete',
  path: '/api/achievements/{id}',
  permission: 'orglife.write',
  action: 'achievement.delete',
  entity: 'achievement',
  summary: '撤销误登记的作用发挥记录（审计日志保留原内容）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteAchievement(tx, actor, input.params.id, today())),
});

achievementRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/achievements',
  permission: 'orglife.read',
  action: 'achievement.org',
  entity: 'party_org',
  summary: '党组织的作用发挥记录，最近的在前',
  params: byId,
  response: z.array(Achievement),
  describe: '作用发挥',
  handler: ({ tx, actor, input }) => orgAchievements(tx, actor, input.params.id, today()),
});

achievementRoutes.define({
  method: 'get',
  path: '/api/enterprises/{id}/achievements',
  permission: 'orglife.read',
  action: 'achievement.enterprise',
  entity: 'enterprise',
  summary: '企业中党组织的作用发挥记录（指导员：所联系企业的）',
  params: byId,
  response: z.array(Achievement),
  describe: '作用发挥',
  handler: ({ tx, actor, input }) => enterpriseAchievements(tx, actor, input.params.id, today()),
});
