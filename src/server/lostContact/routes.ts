import { z } from '@hono/zod-openapi';
import { LOST_CONTACT_CIRCUMSTANCE_CODES } from '../../domain/national/lostContactCircumstances.ts';
import { LOST_CONTACT_OUTCOMES, SEARCH_METHODS } from '../../domain/org/lostContact.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, regionCode } from '../schemas.ts';
import { today } from '../today.ts';
import { lostContactList, memberLostContact } from './queries.ts';
import { addSearch, recordLostContact, recordOutcome } from './write.ts';

const circumstance = z.enum(LOST_CONTACT_CIRCUMSTANCE_CODES, { error: '请选择失联情形' });
const method = z.enum(SEARCH_METHODS, { error: '请选择查找方式' });
const outcome = z.enum(LOST_CONTACT_OUTCOMES, { error: '请选择处置结果（恢复联系 / 停止党籍 / 取消预备党员资格）' });
const text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不超过 ${max} 个字`);
const note = z.string().trim().max(500, '备注不超过 500 个字').nullable().default(null);

const Search = z
  .object({ id: z.number(), searchedOn: z.string(), searcher: z.string(), method, result: z.string() })
  .openapi('LostContactSearch');

const caseFields = {
  id: z.number(),
  memberId: z.number(),
  memberName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  circumstance,
  circumstanceNote: z.string().nullable(),
  outOfContactSince: z.string().openapi({ description: '失去联系日期：最后一次有记录的活动或联系' }),
  recordedOn: z.string(),
  outcome: outcome.nullable().openapi({ description: '空：查找中' }),
  outcomeOn: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  searchCount: z.number(),
  lastSearchOn: z.string().nullable(),
};

const LostContactCase = z.object({ ...caseFields, searches: z.array(Search) }).openapi('LostContactCase');

export const lostContactRoutes = areaRouter('失联党员');

lostContactRoutes.define({
  method: 'get',
  path: '/api/members/{id}/lost-contact',
  permission: 'member.read',
  action: 'lost_contact.view',
  entity: 'member',
  summary: '党员的失联情况：最后一次有记录的活动日期、可登记失联的日期（满 6 个月）、失联登记及查找记录',
  params: byId,
  response: z
    .object({
      memberId: z.number(),
      onRoster: z.boolean(),
      lastActivityOn: z
        .string()
        .openapi({ description: '最后一次有记录的活动：入党、转正、参加会议和活动、组织关系转接、外出登记、恢复联系' }),
      lostFrom: z.string().openapi({ description: '此日起（含）可登记为失联党员' }),
      open: z.boolean(),
      cases: z.array(LostContactCase),
    })
    .openapi('MemberLostContact'),
  describe: '失联情况',
  handler: ({ tx, actor, input }) => memberLostContact(tx, actor, input.params.id, today()),
});

lostContactRoutes.define({
  method: 'post',
  path: '/api/members/{id}/lost-contact',
  permission: 'member.write',
  action: 'lost_contact.record',
  entity: 'member',
  summary:
    '登记失联党员（党员所在党组织或本地区党工委）：与党组织失去联系满 6 个月的，填写失联情形；失去联系日期默认取最后一次有记录的活动，知道更晚的联系时可填写',
  params: byId,
  body: z.object({
    circumstance,
    circumstanceNote: note,
    outOfContactSince: calendarDay.nullable().default(null),
  }),
  response: z.object({ id: z.number(), outOfContactSince: z.string() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => recordLostContact(tx, actor, input.params.id, input.body, today()),
});

lostContactRoutes.define({
  method: 'post',
  path: '/api/lost-contacts/{id}/searches',
  permission: 'member.write',
  action: 'lost_contact.search',
  entity: 'lost_contact',
  summary: '登记一次查找：日期、查找人、方式、结果',
  params: byId,
  body: z.object({
    searchedOn: calendarDay,
    searcher: text('查找人', 40),
    method,
    result: text('查找结果', 300),
  }),
  response: z.object({ id: z.number() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => addSearch(tx, actor, input.params.id, input.body, today()),
});

lostContactRoutes.define({
  method: 'post',
  path: '/api/lost-contacts/{id}/outcome',
  permission: 'member.write',
  action: 'lost_contact.outcome',
  entity: 'lost_contact',
  summary:
    '登记处置结果：恢复联系；或经查找仍无法取得联系的，正式党员停止党籍、预备党员取消预备党员资格（同时离开党员名册）',
  params: byId,
  body: z.object({ outcome, outcomeOn: calendarDay, note }),
  response: Ok,
  describe: '已结案',
  handler: ({ tx, actor, input }) => done(recordOutcome(tx, actor, input.params.id, input.body, today())),
});

lostContactRoutes.define({
  method: 'get',
  path: '/api/lost-contacts',
  permission: 'member.read',
  action: 'lost_contact.list',
  summary: '本地区失联党员清单（党组织书记：本组织），查找中的在前',
  query: z.object({
    region: regionCode.optional(),
    state: z.enum(['open', 'closed', 'all']).default('open'),
  }),
  response: z
    .object({
      region: z.string(),
      name: z.string(),
      items: z.array(z.object({ ...caseFields, regionCode: z.string() })),
    })
    .openapi('LostContactList'),
  describe: '失联党员清单',
  handler: ({ tx, actor, input }) => lostContactList(tx, actor, input.query),
});
