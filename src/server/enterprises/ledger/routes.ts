import { createRoute, z } from '@hono/zod-openapi';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import { FORMATIONS } from '../../../domain/enterprise/codes.ts';
import { writeAudit } from '../../audit/audit.ts';
import { inScope } from '../../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../../download.ts';
import { jsonBody, jsonResponse, newRouter, permit, requireActor } from '../../http.ts';
import { codeOf } from '../../schemas.ts';
import { enterpriseDetail } from './detail.ts';
import { editEnterprise } from './edit.ts';
import { writeLedgerExport } from './export.ts';
import { LedgerFilter } from './filters.ts';
import { listLedger, SORTS } from './list.ts';

const tags = ['企业台账'];

const Enterprise = z
  .object({
    id: z.number(),
    uscc: z.string(),
    name: z.string(),
    kind: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    industryCode: z.string().nullable(),
    employees: z.number(),
    memberCount: z.number(),
    fullMemberCount: z.number(),
    fullMemberEstimated: z.boolean(),
    ownerName: z.string().nullable(),
    ownerPoliticalStatus: z.string().nullable(),
    aboveScale: z.boolean(),
    cluster: z.string().nullable(),
    foundedOn: z.string().nullable(),
    registrationStatus: z.string(),
    phone: z.string().nullable().openapi({ description: '已脱敏' }),
    reportedHasOrg: z.boolean().nullable(),
    reportedFormation: z.string().nullable(),
    hasUnion: z.boolean().nullable(),
    hasLeague: z.boolean().nullable(),
    orgCoverage: codeOf(FORMATIONS).nullable(),
    hasInstructor: z.boolean(),
    missingSinceBatchId: z.number().nullable(),
    lastBatchId: z.number().nullable(),
    inScope: z.boolean().nullable(),
    category: z.enum(LEDGER_CATEGORIES).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Enterprise');

export const ledgerRoutes = newRouter();

ledgerRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/enterprises',
    tags,
    middleware: [permit('ledger.read', 'enterprise.list')],
    summary: '企业台账：筛选、名称检索、排序、分页，附合计与分类计数',
    request: {
      query: LedgerFilter.extend({
        sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).default('name'),
        order: z.enum(['asc', 'desc']).default('asc'),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: jsonResponse(
      z.object({ total: z.number(), categories: z.record(z.string(), z.number()), items: z.array(Enterprise) }),
      '台账一页',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { sort, order, page, pageSize, ...filter } = c.req.valid('query');
    const { database, keys } = c.get('deps');
    const result = await inScope(database.db, actor, (tx) =>
      listLedger(tx, actor, keys, filter, { sort, order, page, pageSize }),
    );
    return c.json(result, 200);
  },
);

ledgerRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/enterprises/export',
    tags,
    middleware: [permit('ledger.export', 'enterprise.export')],
    summary: '导出筛选后的台账（.xlsx，与导入模板同版式；导出记入审计）',
    request: { query: LedgerFilter },
    responses: { 200: { description: 'xlsx', content: { [XLSX_TYPE]: { schema: z.any() } } } },
  }),
  async (c) => {
    const actor = requireActor(c);
    const filter = c.req.valid('query');
    const { database } = c.get('deps');
    await inScope(database.db, actor, (tx) =>
      writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'enterprise.export',
        entity: 'enterprise',
        result: 'success',
        diff: { filter },
      }),
    );
    const day = new Date().toISOString().slice(0, 10);
    return xlsxDownload(`企业台账-${day}.xlsx`, async (book) => {
      await writeLedgerExport(database.db, actor, filter, book);
    });
  },
);

ledgerRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/enterprises/{id}',
    tags,
    middleware: [permit('ledger.read', 'enterprise.read', 'enterprise')],
    summary: '企业详情：基本情况、所在区划、行业、变更记录、覆盖的党组织与在册党员数',
    request: { params: z.object({ id: z.coerce.number().int().positive() }) },
    responses: jsonResponse(
      z.object({
        enterprise: Enterprise,
        regionPath: z.array(
          z.object({ code: z.string(), name: z.string(), level: z.number(), parentCode: z.string().nullable() }),
        ),
        industry: z.object({ code: z.string(), section: z.string(), name: z.string() }).nullable(),
        history: z.array(
          z.object({
            id: z.number(),
            at: z.string(),
            field: z.string(),
            before: z.unknown(),
            after: z.unknown(),
            batchId: z.number().nullable(),
            actorName: z.string(),
            period: z.string().nullable(),
            source: z.string().nullable(),
          }),
        ),
        orgs: z.array(
          z.object({
            coverageId: z.number(),
            orgId: z.number(),
            name: z.string().nullable(),
            type: z.string().nullable(),
            formation: z.string().nullable(),
            startOn: z.string(),
            endOn: z.string().nullable(),
          }),
        ),
        roster: z.object({ recorded: z.number(), full: z.number() }).openapi({
          description: '逐人登记、工作单位为本企业的在册党员',
        }),
      }),
      '企业详情',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => enterpriseDetail(tx, actor, keys, id)), 200);
  },
);

const scalar = z.union([z.string().max(300), z.number(), z.boolean(), z.null()]);

ledgerRoutes.openapi(
  createRoute({
    method: 'patch',
    path: '/api/enterprises/{id}',
    tags,
    middleware: [permit('ledger.write', 'enterprise.update', 'enterprise')],
    summary: '修改企业信息（规则与导入相同；逐字段记入变更记录）',
    request: {
      params: z.object({ id: z.coerce.number().int().positive() }),
      ...jsonBody(
        z
          .object({
            name: scalar,
            kind: scalar,
            regionCode: scalar,
            industryCode: scalar,
            employees: scalar,
            memberCount: scalar,
            fullMemberCount: scalar,
            ownerName: scalar,
            ownerPoliticalStatus: scalar,
            aboveScale: scalar,
            cluster: scalar,
            foundedOn: scalar,
            registrationStatus: scalar,
            phone: scalar,
            reportedHasOrg: scalar,
            reportedFormation: scalar,
            hasUnion: scalar,
            hasLeague: scalar,
          })
          .partial()
          .strict(),
      ),
    },
    responses: jsonResponse(z.object({ changed: z.array(z.string()) }), '已修改的字段'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { database, keys } = c.get('deps');
    return c.json(await inScope(database.db, actor, (tx) => editEnterprise(tx, actor, keys, id, patch)), 200);
  },
);
