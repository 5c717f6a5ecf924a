import { z } from '@hono/zod-openapi';
import { LEDGER_CATEGORIES } from '../../../domain/enterprise/categories.ts';
import { FORMATIONS } from '../../../domain/enterprise/codes.ts';
import { inScope } from '../../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../../download.ts';
import { auditExport } from '../../exports/listExport.ts';
import { areaRouter } from '../../route.ts';
import { byId, codeOf, pageQuery } from '../../schemas.ts';
import { enterpriseDetail } from './detail.ts';
import { editEnterprise } from './edit.ts';
import { writeLedgerExport } from './export.ts';
import { LedgerFilter } from './filters.ts';
import { listLedger, SORTS } from './list.ts';

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
    legalPerson: z.boolean().nullable(),
    staffOnPost: z.number().nullable(),
    ownership: z.string().nullable(),
    intermediaryKind: z.string().nullable(),
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

export const ledgerRoutes = areaRouter('企业台账');

ledgerRoutes.define({
  method: 'get',
  path: '/api/enterprises',
  permission: 'ledger.read',
  action: 'enterprise.list',
  summary: '企业台账：筛选、名称检索、排序、分页，附合计与分类计数',
  query: LedgerFilter.extend({
    sort: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
    ...pageQuery(),
  }),
  response: z.object({
    total: z.number(),
    categories: z.record(z.string(), z.number()),
    items: z.array(Enterprise),
  }),
  describe: '台账一页',
  handler: ({ tx, actor, input, c }) => {
    const { sort, order, page, pageSize, ...filter } = input.query;
    return listLedger(tx, actor, c.get('deps').keys, filter, { sort, order, page, pageSize });
  },
});

// The export is audited in a transaction of its own, then streamed: its rows are read a page
// at a time after this handler returns, each page in its own transaction.
ledgerRoutes.defineOwnTransaction({
  method: 'get',
  path: '/api/enterprises/export',
  permission: 'ledger.export',
  action: 'enterprise.export',
  summary: '导出筛选后的台账（.xlsx，与导入模板同版式；导出记入审计）',
  query: LedgerFilter,
  response: { file: XLSX_TYPE, description: 'xlsx' },
  handler: async ({ db, actor, input }) => {
    const filter = input.query;
    await inScope(db, actor, (tx) =>
      auditExport(tx, actor, { action: 'enterprise.export', entity: 'enterprise', filter }),
    );
    const day = new Date().toISOString().slice(0, 10);
    return xlsxDownload(`企业台账-${day}.xlsx`, async (book) => {
      await writeLedgerExport(db, actor, filter, book);
    });
  },
});

ledgerRoutes.define({
  method: 'get',
  path: '/api/enterprises/{id}',
  permission: 'ledger.read',
  action: 'enterprise.read',
  entity: 'enterprise',
  summary: '企业详情：基本情况、所在区划、行业、变更记录、覆盖的党组织与在册党员数',
  params: byId,
  response: z.object({
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
  describe: '企业详情',
  handler: ({ tx, actor, input, c }) => enterpriseDetail(tx, actor, c.get('deps').keys, input.params.id),
});

const scalar = z.union([z.string().max(300), z.number(), z.boolean(), z.null()]);

ledgerRoutes.define({
  method: 'patch',
  path: '/api/enterprises/{id}',
  permission: 'ledger.write',
  action: 'enterprise.update',
  entity: 'enterprise',
  summary: '修改企业信息（规则与导入相同；逐字段记入变更记录）',
  params: byId,
  body: z
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
      legalPerson: scalar,
      staffOnPost: scalar,
      ownership: scalar,
      intermediaryKind: scalar,
    })
    .partial()
    .strict(),
  response: z.object({ changed: z.array(z.string()) }),
  describe: '已修改的字段',
  handler: ({ tx, actor, input, c }) => editEnterprise(tx, actor, c.get('deps').keys, input.params.id, input.body),
});
