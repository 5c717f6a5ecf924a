import { z } from '@hono/zod-openapi';
import { ABSENCE_REASONS, MEETING_KINDS, VOTE_KINDS } from '../../domain/orglife/meetings.ts';
import { MEETING_OWNER } from '../attachments/owners.ts';
import { attachmentRoutes } from '../attachments/routes.ts';
import { areaRouter, done, Ok } from '../route.ts';
import { byId, calendarDay, choiceOf, codeOf, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { createGroup, deleteGroup, listGroups, updateGroup } from './groups.ts';
import { listMeetings, meetingRoster, readMeeting } from './queries.ts';
import { getOrglifeSettings, OrglifeSettingsSchema, putOrglifeSettings } from './settings.ts';
import { meetingStatus } from './status.ts';
import { createMeeting, deleteMeeting, updateMeeting } from './write.ts';

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不超过 ${max} 个字`).nullable().default(null);
const year = z.coerce
  .number({ error: '年度应为数字' })
  .int('年度应为整数')
  .min(1990, '年度不早于 1990')
  .max(2100, '年度不晚于 2100');
const memberId = z.number({ error: '请选择党员' }).int().positive('请选择党员');

const MeetingBody = z.object({
  kind: choiceOf(MEETING_KINDS, '请选择会议类型'),
  partyGroupId: z.number().int().positive('请选择党小组').nullable().default(null),
  heldOn: calendarDay,
  topic: z.string().trim().min(1, '请填写会议主题').max(100, '会议主题不超过 100 个字'),
  host: text('主持人', 30),
  place: text('地点', 60),
  resolutions: text('决议事项', 2000),
  notes: text('备注', 2000),
  present: z
    .array(memberId)
    .max(2000)
    .default([])
    .openapi({ description: '勾选到会的党员（应到名单或在此工作的流动党员）' }),
  absences: z
    .array(
      z.object({
        memberId,
        reason: choiceOf(ABSENCE_REASONS, '请选择缺席原因'),
        note: text('缺席说明', 100),
      }),
    )
    .max(2000)
    .default([]),
  election: z.boolean().default(false).openapi({ description: '支部党员大会进行了选举表决：须达到法定人数' }),
});

const Quorum = z.object({ base: z.number(), needed: z.number(), met: z.boolean() }).nullable();

const Meeting = z
  .object({
    id: z.number(),
    orgId: z.number(),
    kind: codeOf(MEETING_KINDS),
    kindLabel: z.string(),
    partyGroupId: z.number().nullable(),
    partyGroupName: z.string().nullable(),
    heldOn: z.string(),
    topic: z.string(),
    host: z.string().nullable(),
    place: z.string().nullable(),
    resolutions: z.string().nullable(),
    notes: z.string().nullable(),
    attendanceRecorded: z.boolean().openapi({ description: 'false：由发展党员记录生成，尚未登记出席' }),
    expected: z.number(),
    present: z.number(),
    absent: z.number(),
    guests: z.number(),
    votes: z.array(
      z.object({
        kind: codeOf(VOTE_KINDS),
        kindLabel: z.string(),
        developmentId: z.number().nullable(),
        personName: z.string().nullable(),
      }),
    ),
    quorum: Quorum,
  })
  .openapi('Meeting');

const RosterEntry = z.object({
  memberId: z.number(),
  name: z.string(),
  voting: z.boolean(),
  probationary: z.boolean(),
  mobile: z.boolean(),
});

const PartyGroup = z
  .object({
    id: z.number(),
    orgId: z.number(),
    name: z.string(),
    leaderMemberId: z.number().nullable(),
    leaderName: z.string().nullable(),
    members: z.array(z.object({ id: z.number(), name: z.string() })),
  })
  .openapi('PartyGroup');

const GroupBody = z.object({
  name: z.string().trim().min(1, '请填写党小组名称').max(30, '党小组名称不超过 30 个字'),
  leaderMemberId: z.number().int().positive().nullable().default(null),
  memberIds: z.array(memberId).max(500).default([]),
});

const Counts = z.object({
  id: z.number(),
  expected: z.number(),
  present: z.number(),
  absent: z.number(),
  guests: z.number(),
});

export const orglifeRoutes = areaRouter('组织生活');

orglifeRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/meetings',
  permission: 'orglife.read',
  action: 'meeting.list',
  entity: 'party_org',
  summary: '党组织一年的会议（三会一课、主题党日等），含应到、实到、缺席人数和表决事项',
  params: byId,
  query: z.object({ year: year.optional() }),
  response: z.array(Meeting),
  describe: '会议，最近的在前',
  handler: ({ tx, actor, input }) =>
    listMeetings(tx, actor, input.params.id, input.query.year ?? Number(today().slice(0, 4))),
});

orglifeRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/meeting-status',
  permission: 'orglife.read',
  action: 'meeting.status',
  entity: 'party_org',
  summary: '党组织一年中各类会议按规定频次的召开情况：已开、待开、逾期（只看开没开，不计分不排名）',
  params: byId,
  query: z.object({ year: year.optional() }),
  response: z.object({
    year: z.number(),
    rows: z.array(
      z.object({
        kind: codeOf(MEETING_KINDS),
        kindLabel: z.string(),
        partyGroupId: z.number().nullable(),
        partyGroupName: z.string().nullable(),
        frequency: z.enum(['month', 'quarter', 'half_year', 'year']),
        frequencyLabel: z.string(),
        periods: z.array(
          z.object({
            start: z.string(),
            end: z.string(),
            state: z.enum(['held', 'due', 'overdue', 'upcoming', 'before']),
          }),
        ),
      }),
    ),
  }),
  describe: '各类会议各期的情况',
  handler: ({ tx, actor, input }) => {
    const now = today();
    return meetingStatus(tx, actor, input.params.id, input.query.year ?? Number(now.slice(0, 4)), now);
  },
});

orglifeRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/meeting-roster',
  permission: 'orglife.read',
  action: 'meeting.roster',
  entity: 'party_org',
  summary: '某日会议的应到名单：当日在册的党员（党小组会为小组成员），以及在本组织工作的流动党员',
  params: byId,
  query: z.object({ on: calendarDay, partyGroupId: idParam.optional() }),
  response: z.object({ members: z.array(RosterEntry), guests: z.array(RosterEntry) }),
  describe: '应到名单',
  handler: ({ tx, actor, input }) =>
    meetingRoster(tx, actor, input.params.id, input.query.on, input.query.partyGroupId ?? null),
});

orglifeRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/meetings',
  permission: 'orglife.write',
  action: 'meeting.create',
  entity: 'party_org',
  summary: '记录会议：类型、日期、主题，勾选到会人员；应到和缺席由会议当日的名册算出；选举须达到法定人数',
  params: byId,
  body: MeetingBody,
  response: Counts,
  describe: '已记录，及应到、实到、缺席人数',
  handler: ({ tx, actor, input }) => createMeeting(tx, actor, input.params.id, input.body),
});

orglifeRoutes.define({
  method: 'get',
  path: '/api/meetings/{id}',
  permission: 'orglife.read',
  action: 'meeting.read',
  entity: 'meeting',
  summary: '会议详情：出席情况（到会、缺席及原因、列席的流动党员）',
  params: byId,
  response: Meeting.extend({
    attendance: z.array(
      z.object({
        memberId: z.number(),
        name: z.string(),
        present: z.boolean(),
        voting: z.boolean(),
        guest: z.boolean(),
        absentReason: codeOf(ABSENCE_REASONS).nullable(),
        absentReasonLabel: z.string().nullable(),
        absentNote: z.string().nullable(),
      }),
    ),
  }),
  describe: '会议详情',
  handler: ({ tx, actor, input }) => readMeeting(tx, actor, input.params.id),
});

orglifeRoutes.define({
  method: 'put',
  path: '/api/meetings/{id}',
  permission: 'orglife.write',
  action: 'meeting.update',
  entity: 'meeting',
  summary: '更正会议记录（含出席情况；发展党员表决所在会议的类型和日期以发展党员记录为准）',
  params: byId,
  body: MeetingBody,
  response: Counts,
  describe: '已更正',
  handler: ({ tx, actor, input }) => updateMeeting(tx, actor, input.params.id, input.body),
});

orglifeRoutes.define({
  method: 'delete',
  path: '/api/meetings/{id}',
  permission: 'orglife.write',
  action: 'meeting.delete',
  entity: 'meeting',
  summary: '撤销误记的会议（审计日志保留原内容；记有发展党员表决的会议不能撤销）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteMeeting(tx, actor, input.params.id)),
});

// Minutes and other files of a meeting: seen by whoever sees the meeting.
attachmentRoutes(orglifeRoutes, MEETING_OWNER, {
  path: '/api/meetings/{id}',
  read: 'orglife.read',
  write: 'orglife.write',
  entity: 'meeting',
});

orglifeRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}/party-groups',
  permission: 'orglife.read',
  action: 'party_group.list',
  entity: 'party_org',
  summary: '党组织的党小组及其成员',
  params: byId,
  response: z.array(PartyGroup),
  describe: '党小组',
  handler: ({ tx, actor, input }) => listGroups(tx, actor, input.params.id),
});

orglifeRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/party-groups',
  permission: 'orglife.write',
  action: 'party_group.create',
  entity: 'party_org',
  summary: '设立党小组：名称、成员（本组织名册上的党员，一人一个小组）、组长',
  params: byId,
  body: GroupBody,
  response: z.object({ id: z.number() }),
  describe: '已设立',
  handler: ({ tx, actor, input }) => createGroup(tx, actor, input.params.id, input.body),
});

orglifeRoutes.define({
  method: 'put',
  path: '/api/party-groups/{id}',
  permission: 'orglife.write',
  action: 'party_group.update',
  entity: 'party_group',
  summary: '修改党小组的名称、成员和组长',
  params: byId,
  body: GroupBody,
  response: Ok,
  describe: '已修改',
  handler: ({ tx, actor, input }) => done(updateGroup(tx, actor, input.params.id, input.body)),
});

orglifeRoutes.define({
  method: 'delete',
  path: '/api/party-groups/{id}',
  permission: 'orglife.write',
  action: 'party_group.delete',
  entity: 'party_group',
  summary: '撤销误设的党小组（已开过党小组会的不能撤销）',
  params: byId,
  response: Ok,
  describe: '已撤销',
  handler: ({ tx, actor, input }) => done(deleteGroup(tx, actor, input.params.id)),
});

orglifeRoutes.define({
  method: 'get',
  path: '/api/settings/orglife',
  permission: 'orglife.read',
  action: 'settings.orglife.read',
  summary: '组织生活设置：各类会议的召开频次，请假党员是否计入表决应到人数',
  response: OrglifeSettingsSchema,
  describe: '当前设置',
  handler: ({ tx }) => getOrglifeSettings(tx),
});

orglifeRoutes.define({
  method: 'put',
  path: '/api/settings/orglife',
  permission: 'settings.write',
  action: 'settings.orglife',
  summary: '修改组织生活设置（系统管理员；全部署适用）',
  body: OrglifeSettingsSchema,
  response: OrglifeSettingsSchema,
  describe: '修改后的设置',
  handler: async ({ tx, input: { body: value }, audit }) => {
    const before = await getOrglifeSettings(tx);
    await putOrglifeSettings(tx, value);
    await audit({ entity: 'settings', entityId: 'orglife', diff: { before, after: value } });
    return value;
  },
});
