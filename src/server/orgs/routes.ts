import { createRoute, z } from '@hono/zod-openapi';
import {
  FORMATIONS,
  JOINT_BASES,
  MANAGEMENT_MODES,
  OFFICER_POSTS,
  ORG_TYPES,
  SECRETARY_SOURCES,
} from '../../domain/org/codes.ts';
import { FINDING_LEVELS } from '../../domain/org/orgFindings.ts';
import { inScope } from '../db/tx.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { calendarDay, codeOf, idParam } from '../schemas.ts';
import { today } from '../today.ts';
import { adjustTerm, recordElection } from './elections.ts';
import { addOfficer, endOfficer } from './officers.ts';
import { listOrgs, orgDetail } from './queries.ts';
import { addCoverage, createOrg, dissolveOrg, endCoverage, updateOrg } from './write.ts';

const tags = ['党组织'];
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
        createdAt: z.string(),
      }),
    ),
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
const Ok = jsonResponse(z.object({ ok: z.literal(true) }), '已保存');
const orgId = z.object({ id: idParam });

export const orgRoutes = newRouter();

orgRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/orgs',
    tags,
    middleware: [permit('org.read', 'org.list')],
    summary: '党组织列表：按区划、类别、组建形式、名称筛选，附党员数、覆盖企业数、任期与提示',
    request: {
      query: z.object({
        regionCode: z
          .string()
          .regex(/^\d{6,12}$/)
          .optional(),
        type: codeOf(ORG_TYPES).optional(),
        formation: codeOf(FORMATIONS).optional(),
        q: z.string().trim().max(50).optional(),
        status: z.enum(['active', 'dissolved']).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: jsonResponse(z.object({ total: z.number(), items: z.array(OrgSummary) }), '党组织一页'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { database } = c.get('deps');
    return c.json(
      await inScope(database.db, actor, (tx) => listOrgs(tx, actor, filter, { page, pageSize }, today())),
      200,
    );
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs',
    tags,
    middleware: [permit('org.manage', 'org.create')],
    summary: '建立党组织：单独组建覆盖一个企业，联合组建覆盖多个企业；企业分类随之更新',
    request: jsonBody(
      Profile.extend({
        regionCode: z.string().regex(/^\d{6,12}$/, '行政区划代码为 6–12 位数字'),
        formation: codeOf(FORMATIONS),
        establishedOn: calendarDay,
        enterpriseIds: z.array(idParam).min(1, '请选择党组织覆盖的企业').max(500),
      }),
    ),
    responses: jsonResponse(z.object({ id: z.number() }), '已建立'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    const org = await inScope(database.db, actor, (tx) => createOrg(tx, actor, input));
    return c.json({ id: org.id }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/orgs/{id}',
    tags,
    middleware: [permit('org.read', 'org.read', 'party_org')],
    summary: '党组织详情：基本情况、覆盖企业（含历史）、班子成员、选举与任期、规则提示',
    request: { params: orgId },
    responses: jsonResponse(OrgDetail, '党组织详情'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => orgDetail(tx, actor, id, today())), 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/orgs/{id}',
    tags,
    middleware: [permit('org.write', 'org.update', 'party_org')],
    summary: '修改党组织基本情况（组建形式与覆盖企业另有操作）',
    request: { params: orgId, ...jsonBody(Profile.partial().strict()) },
    responses: jsonResponse(z.object({ changed: z.array(z.string()) }), '已修改的字段'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    // Only the fields sent: Zod's defaults would otherwise clear the rest.
    const raw = (await c.req.json()) as Record<string, unknown>;
    const patch = Object.fromEntries(Object.entries(body).filter(([k]) => k in raw));
    const { database } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => updateOrg(tx, actor, id, patch)), 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/dissolve',
    tags,
    middleware: [permit('org.manage', 'org.dissolve', 'party_org')],
    summary: '撤销党组织：自撤销日期起不再覆盖任何企业，记录保留',
    request: { params: orgId, ...jsonBody(z.object({ dissolvedOn: calendarDay })) },
    responses: Ok,
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { dissolvedOn } = c.req.valid('json');
    const { database } = c.get('deps');
    await inScope(database.db, actor, (tx) => dissolveOrg(tx, actor, id, dissolvedOn));
    return c.json({ ok: true as const }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/coverages',
    tags,
    middleware: [permit('org.manage', 'org.coverage_add', 'party_org')],
    summary: '党组织新增覆盖一个企业',
    request: { params: orgId, ...jsonBody(z.object({ enterpriseId: idParam, startOn: calendarDay })) },
    responses: jsonResponse(z.object({ id: z.number() }), '已覆盖'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { enterpriseId, startOn } = c.req.valid('json');
    const { database } = c.get('deps');
    const coverage = await inScope(database.db, actor, (tx) => addCoverage(tx, actor, id, enterpriseId, startOn));
    return c.json({ id: coverage.id }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/coverages/{coverageId}/end',
    tags,
    middleware: [permit('org.manage', 'org.coverage_end', 'party_org')],
    summary: '结束党组织对一个企业的覆盖',
    request: { params: orgId.extend({ coverageId: idParam }), ...jsonBody(z.object({ endOn: calendarDay })) },
    responses: Ok,
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id, coverageId } = c.req.valid('param');
    const { endOn } = c.req.valid('json');
    const { database } = c.get('deps');
    await inScope(database.db, actor, (tx) => endCoverage(tx, actor, id, coverageId, endOn));
    return c.json({ ok: true as const }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/officers',
    tags,
    middleware: [permit('org.write', 'org.officer_add', 'party_org')],
    summary: '登记书记或委员任职',
    request: {
      params: orgId,
      ...jsonBody(
        z.object({
          post: codeOf(OFFICER_POSTS),
          personName: text(50),
          memberId: idParam.nullable().default(null),
          startOn: calendarDay.nullable().default(null),
        }),
      ),
    },
    responses: jsonResponse(z.object({ id: z.number() }), '已登记'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    const row = await inScope(database.db, actor, (tx) => addOfficer(tx, actor, id, input));
    return c.json({ id: row.id }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/officers/{officerId}/end',
    tags,
    middleware: [permit('org.write', 'org.officer_end', 'party_org')],
    summary: '登记离任',
    request: { params: orgId.extend({ officerId: idParam }), ...jsonBody(z.object({ endOn: calendarDay })) },
    responses: Ok,
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id, officerId } = c.req.valid('param');
    const { endOn } = c.req.valid('json');
    const { database } = c.get('deps');
    await inScope(database.db, actor, (tx) => endOfficer(tx, actor, id, officerId, endOn));
    return c.json({ ok: true as const }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/elections',
    tags,
    middleware: [permit('org.write', 'org.election', 'party_org')],
    summary: '登记换届选举：任期按组织类别默认（党委5年，总支、支部3年），届满日期自动计算',
    request: {
      params: orgId,
      ...jsonBody(
        z.object({
          electedOn: calendarDay,
          termYears: z.number().int().min(1).max(10).nullable().default(null),
          adjustmentMonths: z.number().int().default(0),
          adjustmentApprovedBy: optionalText(100),
          adjustmentApprovedOn: calendarDay.nullable().default(null),
        }),
      ),
    },
    responses: jsonResponse(z.object({ id: z.number(), endsOn: z.string() }), '已登记'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    const row = await inScope(database.db, actor, (tx) => recordElection(tx, actor, id, input));
    return c.json({ id: row.id, endsOn: row.endsOn }, 200);
  },
);

orgRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/orgs/{id}/elections/{electionId}/adjust',
    tags,
    middleware: [permit('org.write', 'org.term_adjust', 'party_org')],
    summary: '延期或提前换届（最多1年，须记录批准机关和日期）',
    request: {
      params: orgId.extend({ electionId: idParam }),
      ...jsonBody(
        z.object({
          adjustmentMonths: z.number().int(),
          adjustmentApprovedBy: text(100),
          adjustmentApprovedOn: calendarDay,
        }),
      ),
    },
    responses: jsonResponse(z.object({ endsOn: z.string() }), '新的届满日期'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id, electionId } = c.req.valid('param');
    const input = c.req.valid('json');
    const { database } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => adjustTerm(tx, actor, id, electionId, input)), 200);
  },
);
