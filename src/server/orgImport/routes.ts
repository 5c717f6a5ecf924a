// The organization and member imports through the API, as the web app drives them: the
// template, the upload (read and checked in the background), the batch with its preview —
// rows by outcome with their diffs, errors and warnings by row and column — then confirm or
// discard, the result in the CLI's shape and the error report. One set of routes per kind,
// under /api/imports/orgs and /api/imports/members, each behind that kind's import permission.
import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { importBatches, importIssues, importRows } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../download.ts';
import { HttpError } from '../errors.ts';
import { receiveUpload } from '../files/receive.ts';
import { jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { inRegionScope } from '../regions/scope.ts';
import { type Batch, batchOfKind, batchResult } from './batch.ts';
import { writeKindErrorReport } from './errorReport.ts';
import { IMPORT_KINDS, type ImportKind, KINDS } from './kinds.ts';
import { applyKindBatch, discardKindBatch, startKindImport } from './run.ts';
import { kindTemplate } from './template.ts';

const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const STATUSES = ['reading', 'staged', 'applied', 'rejected', 'dry-run', 'failed', 'discarded'] as const;
const BatchSchema = z
  .object({
    id: z.number(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    size: z.number(),
    sha256: z.string(),
    status: z.enum(STATUSES),
    partial: z.boolean(),
    rowsRead: z.number(),
    failure: z.string().nullable(),
    actorName: z.string(),
    regionCode: z.string(),
    counts: z.record(z.string(), z.number()),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
  })
  .openapi('OrgImportBatch');
const Issue = z.object({ row: z.number(), column: z.string(), message: z.string() });
const Result = z
  .object({
    batchId: z.number(),
    status: z.string(),
    rows: z.number(),
    added: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    missing: z.number(),
    discrepancies: z.number(),
    errors: z.array(Issue),
    warnings: z.array(Issue),
  })
  .openapi('OrgImportResult');
const RowItem = z.object({
  row: z.number(),
  name: z.string().nullable(),
  idNumber: z.string().nullable().openapi({ description: '党员名册：公民身份号码（已打码）' }),
  outcome: z.string().nullable(),
  diff: z.unknown().openapi({ description: '字段 → { before, after }（联系电话只显示是否变更）' }),
});

function present(b: Batch) {
  return {
    id: b.id,
    kind: b.kind as ImportKind,
    fileName: b.fileName,
    size: b.size,
    sha256: b.sha256,
    status: b.status as (typeof STATUSES)[number],
    partial: b.partial,
    rowsRead: b.rowsRead,
    failure: b.failure,
    actorName: b.actorName,
    regionCode: b.regionCode,
    counts: b.counts as Record<string, number>,
    createdAt: b.createdAt.toISOString(),
    appliedAt: b.appliedAt?.toISOString() ?? null,
  };
}

export const orgImportRoutes = newRouter();

for (const kind of IMPORT_KINDS) {
  const info = KINDS[kind];
  const base = `/api/imports/${kind}`;
  const tags = [`${info.title}导入`];
  const guard = (action: string, entity?: string) => [permit(info.permission, action, entity)];

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/template`,
      tags,
      middleware: guard(info.templateAction),
      summary: `下载${info.title}导入模板（.xlsx，带下拉选项和填写说明）`,
      responses: { 200: { description: '导入模板', content: { [XLSX_TYPE]: { schema: z.any() } } } },
    }),
    async (c) => {
      requireActor(c);
      return new Response(new Uint8Array(await kindTemplate(kind)), {
        headers: {
          'content-type': XLSX_TYPE,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${info.title}导入模板.xlsx`)}`,
        },
      });
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      middleware: guard(info.action),
      summary: `上传${info.title}（请求体为文件内容），开始读取与核对；返回批次，读取进度与预览见批次`,
      request: {
        query: z.object({
          fileName: z.string().min(1).max(255),
          partial: z.enum(['true', 'false']).default('false'),
          dryRun: z.enum(['true', 'false']).default('false'),
        }),
        body: { content: { 'application/octet-stream': { schema: z.any() } } },
      },
      responses: jsonResponse(BatchSchema, '已记录的批次（状态 reading）'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const q = c.req.valid('query');
      const deps = c.get('deps');
      const upload = await receiveUpload(c.req.raw.body, deps.config.maxUploadBytes);
      try {
        const { batchId, finished } = await startKindImport(deps, actor, kind, {
          path: upload.file,
          fileName: q.fileName,
          partial: q.partial === 'true',
          dryRun: q.dryRun === 'true',
        });
        // The file is kept in the data directory; reading goes on after this response.
        void finished;
        const batch = await inScope(deps.database.db, actor, (tx) => batchOfKind(tx, actor, kind, batchId));
        return c.json(present(batch), 200);
      } finally {
        await upload.cleanup();
      }
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/batches`,
      tags,
      middleware: guard(info.listAction),
      summary: `${info.title}导入批次记录`,
      request: { query: z.object(Page) },
      responses: jsonResponse(z.object({ total: z.number(), items: z.array(BatchSchema) }), '批次列表'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { page, pageSize } = c.req.valid('query');
      const where = and(eq(importBatches.kind, kind), inRegionScope(importBatches.regionCode, actor));
      const result = await inScope(c.get('deps').database.db, actor, async (tx) => {
        const [{ total }] = await tx.select({ total: count() }).from(importBatches).where(where);
        const items = await tx
          .select()
          .from(importBatches)
          .where(where)
          .orderBy(desc(importBatches.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        return { total, items: items.map(present) };
      });
      return c.json(result, 200);
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/batches/{id}`,
      tags,
      middleware: guard(info.readAction, 'import_batch'),
      summary: '一个批次：状态、读取进度与核对结果的计数',
      request: { params: IdParam },
      responses: jsonResponse(BatchSchema, '批次'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const batch = await inScope(c.get('deps').database.db, actor, (tx) => batchOfKind(tx, actor, kind, id));
      return c.json(present(batch), 200);
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/batches/{id}/rows`,
      tags,
      middleware: guard(info.readAction, 'import_batch'),
      summary: '批次的行：新增、变更（逐字段前后对比）、未变或错误',
      request: {
        params: IdParam,
        query: z.object({ outcome: z.enum(['added', 'changed', 'unchanged', 'error']), ...Page }),
      },
      responses: jsonResponse(z.object({ total: z.number(), items: z.array(RowItem) }), '行'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { outcome, page, pageSize } = c.req.valid('query');
      const result = await inScope(c.get('deps').database.db, actor, async (tx) => {
        await batchOfKind(tx, actor, kind, id);
        const where = and(eq(importRows.batchId, id), eq(importRows.outcome, outcome));
        const [{ total }] = await tx.select({ total: count() }).from(importRows).where(where);
        const items = await tx
          .select({
            row: importRows.row,
            name: sql<string | null>`coalesce(${importRows.data}->'v'->>'name', ${importRows.data}->'raw'->>'name')`,
            idNumber: sql<string | null>`${importRows.data}->'v'->>'idMasked'`,
            outcome: importRows.outcome,
            diff: importRows.diff,
          })
          .from(importRows)
          .where(where)
          .orderBy(asc(importRows.row))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        return { total, items };
      });
      return c.json(result, 200);
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/batches/{id}/issues`,
      tags,
      middleware: guard(info.readAction, 'import_batch'),
      summary: '批次的错误与提示（行号、列名、原因）',
      request: { params: IdParam, query: z.object({ severity: z.enum(['error', 'warning']), ...Page }) },
      responses: jsonResponse(z.object({ total: z.number(), items: z.array(Issue) }), '错误与提示'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { severity, page, pageSize } = c.req.valid('query');
      const result = await inScope(c.get('deps').database.db, actor, async (tx) => {
        await batchOfKind(tx, actor, kind, id);
        const where = and(eq(importIssues.batchId, id), eq(importIssues.severity, severity));
        const [{ total }] = await tx.select({ total: count() }).from(importIssues).where(where);
        const items = await tx
          .select({ row: importIssues.row, column: importIssues.column, message: importIssues.message })
          .from(importIssues)
          .where(where)
          .orderBy(asc(importIssues.row), asc(importIssues.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        return { total, items };
      });
      return c.json(result, 200);
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/batches/{id}/result`,
      tags,
      middleware: guard(info.readAction, 'import_batch'),
      summary: '批次结果（与命令行 --json 相同）',
      request: { params: IdParam },
      responses: jsonResponse(Result, '结果'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      return c.json(await batchResult(c.get('deps').database.db, actor, kind, id), 200);
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'get',
      path: `${base}/batches/{id}/error-report`,
      tags,
      middleware: guard(info.errorReportAction, 'import_batch'),
      summary: '错误报告（.xlsx）：原文件各行加一列错误说明',
      request: { params: IdParam },
      responses: { 200: { description: '错误报告', content: { [XLSX_TYPE]: { schema: z.any() } } } },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { database, config, keys } = c.get('deps');
      const batch = await inScope(database.db, actor, (tx) => batchOfKind(tx, actor, kind, id));
      return xlsxDownload(`错误报告-${batch.fileName.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, (book) =>
        writeKindErrorReport(database.db, actor, keys, config.dataDir, kind, id, book),
      );
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'post',
      path: `${base}/batches/{id}/apply`,
      tags,
      middleware: guard(info.action, 'import_batch'),
      summary: '确认：重新核对后写入待确认的批次（全部或全不；部分导入时写入正确的行）',
      request: { params: IdParam },
      responses: jsonResponse(BatchSchema, '已写入的批次'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const deps = c.get('deps');
      const status = await applyKindBatch(deps, actor, kind, id);
      if (status === 'rejected') {
        throw new HttpError(
          409,
          'batch_has_errors',
          '确认时重新核对发现错误，批次已拒绝，未写入任何数据；请查看错误列表，修正文件后重新导入',
        );
      }
      const batch = await inScope(deps.database.db, actor, (tx) => batchOfKind(tx, actor, kind, id));
      return c.json(present(batch), 200);
    },
  );

  orgImportRoutes.openapi(
    createRoute({
      method: 'post',
      path: `${base}/batches/{id}/discard`,
      tags,
      middleware: guard(info.discardAction, 'import_batch'),
      summary: '放弃待确认的批次（不写入任何数据）',
      request: { params: IdParam },
      responses: jsonResponse(BatchSchema, '已放弃的批次'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      return c.json(present(await discardKindBatch(c.get('deps'), actor, kind, id)), 200);
    },
  );
}
