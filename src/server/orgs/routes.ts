import { z } from '@hono/zod-openapi';
import {
  FORMATIONS,
  JOINT_BASES,
  MANAGEMENT_MODES,
  OFFICER_POSTS,
  ORG_TYPES,
  SECRETARY_SOURCES,
} from '../../domain/org/codes.ts';
import { FINDING_LEVELS } from '../../domain/org/orgFindings.ts';
import { findingsIn, requestLang } from '../lang.ts';
import { areaRouter, done, Ok, sentOnly } from '../route.ts';
import { byId, calendarDay, codeOf, idParam, pageOf, pageQuery } from '../schemas.ts';
import { today } from '../today.ts';
import { adjustTerm, recordElection } from './elections.ts';
import { addOfficer, endOfficer, updateOfficerPosts } from './officers.ts';
import { listOrgs, orgDetail } from './queries.ts';
import { addCoverage, createOrg, dissolveOrg, endCoverage, updateOrg } from './write.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((s) => s || null);
const count = z.number().int().min(0).nullable().default(null);
/** 双向进入: the management post held in the enterprise, free text (董事长, 总经理, 部门负责人 …); empty clears it. */
const enterprisePost = z
  .string()
  .trim()
  .max(50, '企业管理职务不超过 50 字')
  .nullable()
  .transform((s) => s || null);

const Profile = z.object({
  name: text(100),
  orgCode: optionalText(50),
  type: codeOf(ORG_TYPES),
  jointBasis: codeOf(JOINT_BASES).nullable().default(null),
  parentId: idParam.nullable().default(null),
  managingOrgId: idParam.nullable().default(null),
  management: codeOf(MANAGEMENT_MODES).nullable().default(null),
  approvedBy: optionalText(100),
  secretarySource: codeOf(SECRETARY_SOURCES).nullable().default(null),
  reportedFullCount: count,
  reportedProbationaryCount: count,
});

const Finding = z.object({ code: z.string(), level: z.enum(FINDING_LEVELS), message: z.string() });
const Facts = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  formation: z.string(),
  regionCode: z.string(),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  units: z.number(),
  recordedFull: z.number(),
  recordedProbationary: z.number(),
  relationElsewhere: z.number(),
  mobile: z.number(),
  fullMembers: z.number(),
  members: z.number(),
  membersRecorded: z.boolean(),
  officers: z.number(),
  secretaryName: z.string().nullable(),
  termElectedOn: z.string().nullable(),
  termEndsOn: z.string().nullable(),
});
const OrgSummary = Facts.extend({ findings: z.array(Finding) }).openapi('OrgSummary');
const OrgRef = z
  .object({ id: z.number(), name: z.string().nullable() })
  .openapi({ description: '按编号指明的党组织；超出用户范围的只给编号，名称为 null' });
const OrgDetail = z
  .object({
    org: z.object({
      id: z.number(),
      name: z.string(),
      orgCode: z.string().nullable(),
      regionCode: z.string(),
      regionName: z.string().nullable(),
      type: z.string(),
      formation: z.string(),
      jointBasis: z.string().nullable(),
      parentId: z.number().nullable(),
      managingOrgId: z.number().nullable(),
      management: z.string().nullable(),
      approvedBy: z.string().nullable(),
      secretarySource: z.string().nullable(),
      reportedFullCount: z.number().nullable(),
      reportedProbationaryCount: z.number().nullable(),
      establishedOn: z.string(),
      dissolvedOn: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    regionPath: z.array(
      z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() }),
    ),
    parent: OrgRef.nullable(),
    managingOrg: OrgRef.nullable(),
    facts: Facts,
    findings: z.array(Finding),
    coverages: z.array(
      z.object({
        id: z.number(),
        enterpriseId: z.number(),
        startOn: z.string(),
        endOn: z.string().nullable(),
        // null for an enterprise beyond the user's scope.
        uscc: z.string().nullable(),
        enterpriseName: z.string().nullable(),
        category: z.string().nullable(),
        memberCount: z.number().nullable(),
        fullMemberCount: z.number().nullable(),
      }),
    ),
    officers: z.array(
      z.object({
        id: z.number(),
        orgId: z.number(),
        post: z.string(),
        personName: z.string(),
        memberId: z.number().nullable(),
        startOn: z.string().nullable(),
        endOn: z.string().nullable(),
        enterprisePost: z.string().nullable(),
        legalRepresentative: z.boolean(),
        unionChair: z.boolean(),
        createdAt: z.string(),
      }),
    ),
    crossHolding: z.object({
      managementPosts: z.number().describe('现任书记、委员中在企业担任管理职务的人数（双向进入）'),
      secretaryLegalRepresentative: z.boolean().describe('现任书记是企业法定代表人'),
      secretaryUnionChair: z.boolean().describe('现任书记兼任工会主席'),
    }),
    elections: z.array(
      z.object({
        id: z.number(),
        orgId: z.number(),
        electedOn: z.string(),
        termYears: z.number(),
        adjustmentMonths: z.number(),
        adjustmentApprovedBy: z.string().nullable(),
        adjustmentApprovedOn: z.string().nullable(),
        endsOn: z.string(),
        createdAt: z.string(),
      }),
    ),
    children: z.array(
      z.object({ id: z.number(), name: z.string(), type: z.string(), dissolvedOn: z.string().nullable() }),
    ),
  })
  .openapi('OrgDetail');
const Created = z.object({ id: z.number() });

export const orgRoutes = areaRouter('党组织');

/** The org list's filters, for the screen's list and its export. */
export const OrgListQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
  type: codeOf(ORG_TYPES).optional(),
  formation: codeOf(FORMATIONS).optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(['active', 'dissolved']).optional(),
});

orgRoutes.define({
  method: 'get',
  path: '/api/orgs',
  permission: 'org.read',
  action: 'org.list',
  summary: '党组织列表：按区划、类别、组建形式、名称筛选，附党员数、覆盖企业数、任期与提示',
  query: OrgListQuery.extend(pageQuery()),
  response: pageOf(OrgSummary),
  describe: '党组织一页',
  handler: async ({ tx, actor, input, c }) => {
    const { page, pageSize, ...filter } = input.query;
    const list = await listOrgs(tx, actor, filter, { page, pageSize }, today());
    const lang = requestLang(c);
    return { ...list, items: list.items.map((o) => ({ ...o, findings: findingsIn(lang, o.findings) })) };
  },
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs',
  permission: 'org.manage',
  action: 'org.create',
  summary: '建立党组织：单独组建覆盖一个企业，联合组建覆盖多个企业；企业分类随之更新',
  body: Profile.extend({
    regionCode: z.string().regex(/^\d{6,12}$/, '行政区划代码为 6–12 位数字'),
    formation: codeOf(FORMATIONS),
    establishedOn: calendarDay,
    enterpriseIds: z.array(idParam).min(1, '请选择党组织覆盖的企业').max(500),
  }),
  response: Created,
  describe: '已建立',
  handler: async ({ tx, actor, input }) => ({ id: (await createOrg(tx, actor, input.body)).id }),
});

orgRoutes.define({
  method: 'get',
  path: '/api/orgs/{id}',
  permission: 'org.read',
  action: 'org.read',
  entity: 'party_org',
  summary: '党组织详情：基本情况、覆盖企业（含历史）、班子成员、选举与任期、规则提示',
  params: byId,
  response: OrgDetail,
  describe: '党组织详情',
  handler: async ({ tx, actor, input, c }) => {
    const detail = await orgDetail(tx, actor, input.params.id, today());
    return { ...detail, findings: findingsIn(requestLang(c), detail.findings) };
  },
});

orgRoutes.define({
  method: 'patch',
  path: '/api/orgs/{id}',
  permission: 'org.write',
  action: 'org.update',
  entity: 'party_org',
  summary: '修改党组织基本情况（组建形式与覆盖企业另有操作）',
  params: byId,
  body: Profile.partial().strict(),
  response: z.object({ changed: z.array(z.string()) }),
  describe: '已修改的字段',
  handler: async ({ tx, actor, input, c }) => updateOrg(tx, actor, input.params.id, await sentOnly(c, input.body)),
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/dissolve',
  permission: 'org.manage',
  action: 'org.dissolve',
  entity: 'party_org',
  summary: '撤销党组织：自撤销日期起不再覆盖任何企业，记录保留',
  params: byId,
  body: z.object({ dissolvedOn: calendarDay }),
  response: Ok,
  handler: ({ tx, actor, input }) => done(dissolveOrg(tx, actor, input.params.id, input.body.dissolvedOn)),
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/coverages',
  permission: 'org.manage',
  action: 'org.coverage_add',
  entity: 'party_org',
  summary: '党组织新增覆盖一个企业',
  params: byId,
  body: z.object({ enterpriseId: idParam, startOn: calendarDay }),
  response: Created,
  describe: '已覆盖',
  handler: async ({ tx, actor, input }) => {
    const { enterpriseId, startOn } = input.body;
    return { id: (await addCoverage(tx, actor, input.params.id, enterpriseId, startOn)).id };
  },
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/coverages/{coverageId}/end',
  permission: 'org.manage',
  action: 'org.coverage_end',
  entity: 'party_org',
  summary: '结束党组织对一个企业的覆盖',
  params: byId.extend({ coverageId: idParam }),
  body: z.object({ endOn: calendarDay }),
  response: Ok,
  handler: ({ tx, actor, input }) =>
    done(endCoverage(tx, actor, input.params.id, input.params.coverageId, input.body.endOn)),
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/officers',
  permission: 'org.write',
  action: 'org.officer_add',
  entity: 'party_org',
  summary: '登记书记或委员任职',
  params: byId,
  body: z.object({
    post: codeOf(OFFICER_POSTS),
    personName: text(50),
    memberId: idParam.nullable().default(null),
    startOn: calendarDay.nullable().default(null),
    enterprisePost: enterprisePost.default(null),
    legalRepresentative: z.boolean().default(false),
    unionChair: z.boolean().default(false),
  }),
  response: Created,
  describe: '已登记',
  handler: async ({ tx, actor, input }) => ({ id: (await addOfficer(tx, actor, input.params.id, input.body)).id }),
});

orgRoutes.define({
  method: 'patch',
  path: '/api/orgs/{id}/officers/{officerId}',
  permission: 'org.write',
  action: 'org.officer_update',
  entity: 'party_org',
  summary: '登记书记、委员在企业的兼职（双向进入、交叉兼职）：管理职务、法定代表人、工会主席',
  params: byId.extend({ officerId: idParam }),
  body: z.object({
    enterprisePost: enterprisePost.optional(),
    legalRepresentative: z.boolean().optional(),
    unionChair: z.boolean().optional(),
  }),
  response: Ok,
  handler: ({ tx, actor, input }) =>
    done(updateOfficerPosts(tx, actor, input.params.id, input.params.officerId, input.body)),
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/officers/{officerId}/end',
  permission: 'org.write',
  action: 'org.officer_end',
  entity: 'party_org',
  summary: '登记离任',
  params: byId.extend({ officerId: idParam }),
  body: z.object({ endOn: calendarDay }),
  response: Ok,
  handler: ({ tx, actor, input }) =>
    done(endOfficer(tx, actor, input.params.id, input.params.officerId, input.body.endOn)),
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/elections',
  permission: 'org.write',
  action: 'org.election',
  entity: 'party_org',
  summary: '登记换届选举：任期按组织类别默认（党委5年，总支、支部3年），届满日期自动计算',
  params: byId,
  body: z.object({
    electedOn: calendarDay,
    termYears: z.number().int().min(1).max(10).nullable().default(null),
    adjustmentMonths: z.number().int().default(0),
    adjustmentApprovedBy: optionalText(100),
    adjustmentApprovedOn: calendarDay.nullable().default(null),
  }),
  response: z.object({ id: z.number(), endsOn: z.string() }),
  describe: '已登记',
  handler: async ({ tx, actor, input }) => {
    const row = await recordElection(tx, actor, input.params.id, input.body);
    return { id: row.id, endsOn: row.endsOn };
  },
});

orgRoutes.define({
  method: 'post',
  path: '/api/orgs/{id}/elections/{electionId}/adjust',
  permission: 'org.write',
  action: 'org.term_adjust',
  entity: 'party_org',
  summary: '延期或提前换届（最多1年，须记录批准机关和日期）',
  params: byId.extend({ electionId: idParam }),
  body: z.object({
    adjustmentMonths: z.number().int(),
    adjustmentApprovedBy: text(100),
    adjustmentApprovedOn: calendarDay,
  }),
  response: z.object({ endsOn: z.string() }),
  describe: '新的届满日期',
  handler: ({ tx, actor, input }) => adjustTerm(tx, actor, input.params.id, input.params.electionId, input.body),
});
