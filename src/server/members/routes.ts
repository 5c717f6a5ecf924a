import { z } from '@hono/zod-openapi';
import { CULTIVATION_TAGS, EDUCATIONS, LEAVE_REASONS, MEMBER_STATUSES, SEXES } from '../../domain/org/codes.ts';
import { areaRouter } from '../route.ts';
import { byId, calendarDay, codeOf, idParam, pageOf, pageQuery } from '../schemas.ts';
import { REFERRED_MESSAGE } from './checks.ts';
import { MemberListQuery, TransferListQuery } from './listQueries.ts';
import { listMembers, memberCard, memberDetail, revealMember } from './queries.ts';
import { closeReferral, listReferrals } from './referrals.ts';
import { listTransfers, receiveTransfer, transferIn, transferOut } from './transfers.ts';
import { createMemberFromForm, leaveMember, updateMember } from './write.ts';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .default(null)
    .transform((s) => s || null);

/** Sent in full to the server, which alone masks it on the way out. */
const idNumber = z.string().max(40).openapi({ description: '公民身份号码（18 位）' });
const phone = z.string().max(40).nullable();

const MemberInput = z.object({
  name: text(50).min(1, '请填写姓名'),
  idNumber,
  /** Optional: when given, it must agree with the ID number. */
  sex: codeOf(SEXES).nullable().optional(),
  status: codeOf(MEMBER_STATUSES),
  joinedOn: calendarDay,
  fullOn: calendarDay.nullable().default(null),
  orgId: idParam,
  employerId: idParam.nullable().default(null),
  position: optionalText(50),
  phone: phone.default(null),
  ethnicity: optionalText(20),
  education: codeOf(EDUCATIONS).nullable().default(null),
  relationOrgName: optionalText(100),
  cultivation: z.array(codeOf(CULTIVATION_TAGS)).max(CULTIVATION_TAGS.length).default([]),
});

const MemberPatch = z
  .object({
    name: text(50).min(1, '请填写姓名'),
    idNumber,
    status: codeOf(MEMBER_STATUSES),
    joinedOn: calendarDay,
    fullOn: calendarDay.nullable(),
    employerId: idParam.nullable(),
    position: text(50).nullable(),
    phone,
    ethnicity: text(20).nullable(),
    education: codeOf(EDUCATIONS).nullable(),
    relationOrgName: text(100).nullable(),
    cultivation: z.array(codeOf(CULTIVATION_TAGS)).max(CULTIVATION_TAGS.length),
  })
  .partial()
  .strict();

const Letter = {
  counterpart: text(100).min(1, '请填写对方党组织名称'),
  letterNo: optionalText(50),
  issuedOn: calendarDay,
};

const Away = z
  .object({
    place: z.string().nullable().openapi({ description: '外出地点；迁移前只登记“是否流动”的为 null（未记录）' }),
    since: z.string(),
    until: z.string().nullable().openapi({ description: '预计返回日期' }),
    fixedPlace: z.boolean().openapi({ description: '是否固定地点' }),
    mobile: z.boolean(),
    shouldTransfer: z.boolean().openapi({ description: '在固定地点外出 6 个月以上：应转接组织关系' }),
  })
  .openapi('MemberAway');

const Member = z
  .object({
    id: z.number(),
    name: z.string(),
    idNumber: z.string().openapi({ description: '脱敏：110***********123X' }),
    phone: z.string().nullable().openapi({ description: '脱敏：138****5678' }),
    birthDate: z.string().openapi({ description: '脱敏，只留年份：1985-**-**（完整日期与号码同在“查看完整信息”中）' }),
    sex: z.string(),
    sexLabel: z.string().nullable(),
    ethnicity: z.string().nullable(),
    education: z.string().nullable(),
    educationLabel: z.string().nullable(),
    status: codeOf(MEMBER_STATUSES),
    statusLabel: z.string().nullable(),
    joinedOn: z.string(),
    fullOn: z.string().nullable(),
    orgId: z.number(),
    employerId: z.number().nullable(),
    position: z.string().nullable(),
    mobile: z.boolean().openapi({ description: '流动党员：外出超过 6 个月（由外出日期得出）' }),
    away: Away.nullable().openapi({ description: '外出（流出）情况；未外出为 null' }),
    workOrgId: z.number().nullable(),
    relationOrgName: z.string().nullable(),
    cultivation: z.array(z.string()),
    leftOn: z.string().nullable(),
    leaveReason: z.string().nullable(),
    leaveReasonLabel: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    orgName: z.string().nullable(),
    workOrgName: z.string().nullable(),
    employerName: z.string().nullable(),
  })
  .openapi('Member');
const MemberListItem = Member.extend({
  side: z.enum(['out', 'in']).nullable().openapi({ description: '流动党员视图：out 流出，in 流入' }),
  sideLabel: z.string().nullable(),
}).openapi('MemberListItem');

const Card = z
  .object({
    name: z.string(),
    sex: z.string().nullable(),
    birthDate: z.string().openapi({ description: '脱敏，只留年份：1985-**-**（完整日期与号码同在“查看完整信息”中）' }),
    ethnicity: z.string().nullable(),
    education: z.string().nullable(),
    status: z.string().nullable(),
    joinedOn: z.string(),
    fullOn: z.string().nullable(),
    orgName: z.string().nullable(),
    employerName: z.string().nullable(),
    position: z.string().nullable(),
    idNumber: z.string(),
    phone: z.string().nullable(),
  })
  .openapi('MemberCard');

const Transfer = z
  .object({
    id: z.number(),
    memberId: z.number(),
    direction: z.enum(['in', 'out']),
    orgId: z.number(),
    counterpart: z.string(),
    letterNo: z.string().nullable(),
    issuedOn: z.string(),
    validUntil: z.string(),
    receivedOn: z.string().nullable(),
    status: z.enum(['received', 'pending', 'expired']),
    late: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('MemberTransfer');

export const memberRoutes = areaRouter('党员');

memberRoutes.define({
  method: 'get',
  path: '/api/members',
  permission: 'member.read',
  action: 'member.list',
  summary:
    '党员名册：按党组织、区划、类别、外出、流动（外出超过 6 个月）、应转接、组织关系在外、工作单位、姓名筛选；view=mobile 为一个党组织的流出与流入党员（side 只看一边）',
  query: MemberListQuery.extend(pageQuery()),
  response: pageOf(MemberListItem),
  describe: '党员一页（号码脱敏）',
  handler: ({ tx, actor, input, c }) => {
    const { page, pageSize, ...filter } = input.query;
    return listMembers(tx, actor, c.get('deps').keys, filter, { page, pageSize });
  },
});

memberRoutes.define({
  method: 'post',
  path: '/api/members',
  permission: 'member.write',
  action: 'member.create',
  summary: '登记党员：出生日期与性别取自公民身份号码；同一号码只能登记一次；工作单位的党员数随之更新',
  body: MemberInput,
  response: z.object({
    id: z.number().nullable(),
    referred: z.boolean().openapi({
      description: '号码已在别处登记：本次登记已转交其登记单位核对，此处未登记（id 为 null）；不透露对方的任何信息',
    }),
    message: z.string().nullable(),
  }),
  describe: '已登记，或已转交',
  handler: async ({ tx, actor, input, c }) => {
    const created = await createMemberFromForm(tx, actor, c.get('deps').keys, input.body);
    return { ...created, message: created.referred ? REFERRED_MESSAGE : null };
  },
});

memberRoutes.define({
  method: 'get',
  path: '/api/members/{id}',
  permission: 'member.read',
  action: 'member.read',
  entity: 'member',
  summary: '党员详情：基本情况（号码脱敏）、所在党组织、工作单位、组织关系转接、党员信息卡',
  params: byId,
  response: z.object({ member: Member, writable: z.boolean(), transfers: z.array(Transfer), card: Card }),
  describe: '党员详情',
  handler: ({ tx, actor, input, c }) => memberDetail(tx, actor, c.get('deps').keys, input.params.id),
});

memberRoutes.define({
  method: 'patch',
  path: '/api/members/{id}',
  permission: 'member.write',
  action: 'member.update',
  entity: 'member',
  summary: '修改党员信息（转正须填转正日期；所在党组织经组织关系转接变更）',
  params: byId,
  // No defaults in the patch, so what is validated is exactly what was sent.
  body: MemberPatch,
  response: z.object({ changed: z.array(z.string()) }),
  describe: '已修改的字段',
  handler: ({ tx, actor, input, c }) => updateMember(tx, actor, c.get('deps').keys, input.params.id, input.body),
});

memberRoutes.define({
  method: 'get',
  path: '/api/members/{id}/card',
  permission: 'member.read',
  action: 'member.read',
  entity: 'member',
  summary: '党员信息卡（号码脱敏）',
  params: byId,
  response: Card,
  describe: '党员信息卡',
  handler: ({ tx, actor, input, c }) => memberCard(tx, actor, c.get('deps').keys, input.params.id),
});

memberRoutes.define({
  method: 'post',
  path: '/api/members/{id}/leave',
  permission: 'member.write',
  action: 'member.leave',
  entity: 'member',
  summary: '党员离开名册（去世、停止党籍、开除党籍、退党、取消预备党员资格）；记录永久保留',
  params: byId,
  body: z.object({
    reason: codeOf(LEAVE_REASONS),
    leftOn: calendarDay,
  }),
  response: z.object({ ok: z.literal(true) }),
  describe: '已登记',
  handler: async ({ tx, actor, input }) => {
    await leaveMember(tx, actor, input.params.id, input.body.reason, input.body.leftOn);
    return { ok: true as const };
  },
});

memberRoutes.define({
  method: 'post',
  path: '/api/members/{id}/reveal',
  permission: 'member.reveal',
  action: 'member.reveal',
  entity: 'member',
  summary: '查看完整的公民身份号码、联系电话和出生日期（每次查看都记入审计日志）',
  params: byId,
  response: z.object({ idNumber: z.string(), phone: z.string().nullable(), birthDate: z.string() }),
  describe: '完整号码',
  handler: ({ tx, actor, input, c }) => revealMember(tx, actor, c.get('deps').keys, input.params.id),
});

memberRoutes.define({
  method: 'post',
  path: '/api/members/{id}/transfers',
  permission: 'member.write',
  action: 'member.transfer_out',
  entity: 'member',
  summary: '组织关系转出：开具介绍信（有效期 3 个月）；登记回执后党员离开名册',
  params: byId,
  body: z.object({ direction: z.literal('out').default('out'), ...Letter }),
  response: z.object({ id: z.number(), validUntil: z.string() }),
  describe: '已开具',
  handler: ({ tx, actor, input }) => {
    const { direction: _out, ...letter } = input.body;
    return transferOut(tx, actor, input.params.id, letter);
  },
});

memberRoutes.define({
  method: 'get',
  path: '/api/member-transfers',
  permission: 'member.read',
  action: 'member.transfer_list',
  summary: '组织关系转接：未回执（open，默认）、有效期内（pending）、已过期（expired）、已回执（received）',
  query: TransferListQuery.extend(pageQuery()),
  response: z.object({
    total: z.number(),
    items: z.array(Transfer.extend({ memberName: z.string().nullable(), orgName: z.string().nullable() })),
  }),
  describe: '转接一页',
  handler: ({ tx, actor, input }) => {
    const { page, pageSize, ...filter } = input.query;
    return listTransfers(tx, actor, filter, { page, pageSize });
  },
});

memberRoutes.define({
  method: 'post',
  path: '/api/member-transfers',
  permission: 'member.write',
  action: 'member.transfer_in',
  summary: '组织关系转入：登记党员（与登记党员相同的校验）及其介绍信',
  body: MemberInput.extend({ ...Letter, receivedOn: calendarDay }),
  response: z.object({
    memberId: z.number().nullable(),
    transferId: z.number().nullable(),
    late: z.boolean(),
    referred: z.boolean().openapi({ description: '号码已在别处登记：已转交其登记单位核对，此处未转入' }),
    message: z.string().nullable(),
  }),
  describe: '已转入，或已转交',
  handler: ({ tx, actor, input, c }) => {
    const { counterpart, letterNo, issuedOn, receivedOn, ...member } = input.body;
    return transferIn(tx, actor, c.get('deps').keys, { member, counterpart, letterNo, issuedOn, receivedOn });
  },
});

memberRoutes.define({
  method: 'post',
  path: '/api/member-transfers/{id}/receive',
  permission: 'member.write',
  action: 'member.transfer_receive',
  entity: 'member_transfer',
  summary: '登记回执：转出完成，党员自当日离开名册；过期后的回执照收并标记',
  params: byId,
  body: z.object({ receivedOn: calendarDay }),
  response: z.object({ status: z.literal('received'), late: z.boolean() }),
  describe: '已登记',
  handler: ({ tx, actor, input }) => receiveTransfer(tx, actor, input.params.id, input.body.receivedOn),
});

memberRoutes.define({
  method: 'get',
  path: '/api/member-referrals',
  permission: 'member.read',
  action: 'member.referral_list',
  summary: '转交来的登记请求：别处要登记的号码属于本辖区的党员（由本组织办理转出或说明）',
  response: z.array(
    z.object({
      id: z.number(),
      memberId: z.number(),
      memberName: z.string(),
      fromOrgName: z.string(),
      requestedByName: z.string(),
      createdAt: z.string(),
    }),
  ),
  describe: '未办结的请求，最新的在前，至多 200 条',
  handler: ({ tx, actor }) => listReferrals(tx, actor),
});

memberRoutes.define({
  method: 'post',
  path: '/api/member-referrals/{id}/close',
  permission: 'member.write',
  action: 'member.referral_close',
  entity: 'member_referral',
  summary: '办结转交来的登记请求（已办理转出，或已向对方说明）',
  params: byId,
  response: z.object({ ok: z.literal(true) }),
  describe: '已办结',
  handler: async ({ tx, actor, input, audit }) => {
    const row = await closeReferral(tx, actor, input.params.id);
    await audit({ entity: 'member_referral', entityId: row.id, diff: { memberId: row.memberId } });
    return { ok: true as const };
  },
});
