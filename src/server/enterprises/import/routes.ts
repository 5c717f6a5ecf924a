import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/audit.ts';
import { importBatches } from '../../db/schema.ts';
import { inScope } from '../../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../../download.ts';
import { HttpError } from '../../errors.ts';
import { receiveUpload } from '../../files/receive.ts';
import { jsonResponse, newRouter, permit, requireActor } from '../../http.ts';
import { applyBatch } from './apply.ts';
import { writeErrorReport } from './errorReport.ts';
import { batchInScope, batchIssues, batchMissing, batchRows, listBatches } from './queries.ts';
import { batchResult, startImport } from './run.ts';
import { enterpriseTemplate } from './template.ts';

const tags = ['企业台账导入'];
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const Page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const Batch = z
  .object({
    id: z.number(),
    kind: z.string(),
    period: z.string(),
    source: z.string(),
    fileName: z.string(),
    size: z.number(),
    sha256: z.string(),
    status: z.enum(['reading', 'staged', 'applied', 'rejected', 'dry-run', 'failed', 'discarded']),
    partial: z.boolean(),
    rowsRead: z.number(),
    failure: z.string().nullable(),
    actorName: z.string(),
    regionCode: z.string(),
    counts: z.record(z.string(), z.number()),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
  })
  .openapi('ImportBatch');
const xlsx = (description: string) => ({
  200: { description, content: { [XLSX_TYPE]: { schema: z.any() } } },
});

function present(b: typeof importBatches.$inferSelect) {
  return {
    ...b,
    status: b.status as z.infer<typeof Batch>['status'],
    counts: b.counts as Record<string, number>,
    createdAt: b.createdAt.toISOString(),
    appliedAt: b.appliedAt?.toISOString() ?? null,
  };
}

export const importRoutes = newRouter();

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/imports/enterprises/template',
    tags,
    middleware: [permit('ledger.import', 'enterprise.template')],
    summary: '下载企业台账导入模板（.xlsx，带下拉选项）',
    responses: xlsx('导入模板'),
  }),
  async (c) => {
    requireActor(c);
    return new Response(new Uint8Array(await enterpriseTemplate()), {
      headers: {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('企业台账导入模板.xlsx')}`,
      },
    });
  },
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/imports/enterprises',
    tags,
    middleware: [permit('ledger.import', 'enterprise.import')],
    summary: '上传企业台账文件（请求体为文件内容），开始读取与核对；返回批次，读取进度见批次',
    request: {
      query: z.object({
        fileName: z.string().min(1).max(255),
        period: z.string().max(10),
        source: z.string().max(50),
        partial: z.enum(['true', 'false']).default('false'),
        dryRun: z.enum(['true', 'false']).default('false'),
      }),
      body: { content: { 'application/octet-stream': { schema: z.any() } } },
    },
    responses: jsonResponse(Batch, '已记录的批次（状态 reading）'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const q = c.req.valid('query');
    const deps = c.get('deps');
    const upload = await receiveUpload(c.req.raw.body, deps.config.maxUploadBytes);
    try {
      const { batchId, finished } = await startImport(deps, actor, {
        path: upload.file,
        fileName: q.fileName,
        period: q.period,
        source: q.source,
        partial: q.partial === 'true',
        dryRun: q.dryRun === 'true',
      });
      // The file has been copied into the data directory; reading goes on after this response.
      void finished;
      const batch = await inScope(deps.database.db, actor, (tx) => batchInScope(tx, actor, batchId));
      return c.json(present(batch), 200);
    } finally {
      await upload.cleanup();
    }
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches',
    tags,
    middleware: [permit('ledger.read', 'import_batch.list')],
    summary: '导入批次记录',
    request: { query: z.object(Page) },
    responses: jsonResponse(z.object({ total: z.number(), items: z.array(Batch) }), '批次列表'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const result = await inScope(c.get('deps').database.db, actor, (tx) =>
      listBatches(tx, actor, c.req.valid('query')),
    );
    return c.json({ total: result.total, items: result.items.map(present) }, 200);
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches/{id}',
    tags,
    middleware: [permit('ledger.read', 'import_batch.read', 'import_batch')],
    summary: '一个批次：状态、读取进度与核对结果的计数',
    request: { params: IdParam },
    responses: jsonResponse(Batch, '批次'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    return c.json(present(await inScope(c.get('deps').database.db, actor, (tx) => batchInScope(tx, actor, id))), 200);
  },
);

const Outcome = z.enum(['added', 'changed', 'unchanged', 'error', 'discrepancy']);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches/{id}/rows',
    tags,
    middleware: [permit('ledger.read', 'import_batch.read', 'import_batch')],
    summary: '批次的行：新增、变更（逐字段前后对比）、未变、错误，或填报不一致',
    request: { params: IdParam, query: z.object({ outcome: Outcome, ...Page }) },
    responses: jsonResponse(
      z.object({
        total: z.number(),
        items: z.array(
          z.object({
            row: z.number(),
            uscc: z.string().nullable(),
            name: z.string().nullable(),
            outcome: z.string().nullable(),
            diff: z.unknown().openapi({ description: '字段 → { before, after }' }),
            discrepancy: z.string().nullable(),
            enterpriseId: z.number().nullable(),
          }),
        ),
      }),
      '行',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { outcome, ...page } = c.req.valid('query');
    return c.json(
      await inScope(c.get('deps').database.db, actor, (tx) => batchRows(tx, actor, id, outcome, page)),
      200,
    );
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches/{id}/issues',
    tags,
    middleware: [permit('ledger.read', 'import_batch.read', 'import_batch')],
    summary: '批次的错误与提示（行号、列名、原因）',
    request: { params: IdParam, query: z.object({ severity: z.enum(['error', 'warning']), ...Page }) },
    responses: jsonResponse(
      z.object({
        total: z.number(),
        items: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
      }),
      '错误与提示',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { severity, ...page } = c.req.valid('query');
    return c.json(
      await inScope(c.get('deps').database.db, actor, (tx) => batchIssues(tx, actor, id, severity, page)),
      200,
    );
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches/{id}/missing',
    tags,
    middleware: [permit('ledger.read', 'import_batch.read', 'import_batch')],
    summary: '本次文件缺少、上次同一来源有的企业（待核实，不会删除）',
    request: { params: IdParam, query: z.object(Page) },
    responses: jsonResponse(
      z.object({
        total: z.number(),
        items: z.array(z.object({ id: z.number(), uscc: z.string(), name: z.string(), regionCode: z.string() })),
      }),
      '缺少的企业',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    return c.json(
      await inScope(c.get('deps').database.db, actor, (tx) => batchMissing(tx, actor, id, c.req.valid('query'))),
      200,
    );
  },
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/import-batches/{id}/apply',
    tags,
    middleware: [permit('ledger.import', 'enterprise.import', 'import_batch')],
    summary: '确认：将待确认的批次写入台账（全部或全不）',
    request: { params: IdParam },
    responses: jsonResponse(Batch, '已写入的批次'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { db } = c.get('deps').database;
    await inScope(db, actor, (tx) => batchInScope(tx, actor, id));
    await applyBatch(db, actor, id);
    return c.json(present(await inScope(db, actor, (tx) => batchInScope(tx, actor, id))), 200);
  },
);

importRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/api/import-batches/{id}/discard',
    tags,
    middleware: [permit('ledger.import', 'enterprise.import_discard', 'import_batch')],
    summary: '放弃待确认的批次（台账不变）',
    request: { params: IdParam },
    responses: jsonResponse(Batch, '已放弃的批次'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const batch = await inScope(c.get('deps').database.db, actor, async (tx) => {
      const b = await batchInScope(tx, actor, id);
      if (b.status !== 'staged') throw new HttpError(409, 'batch_not_staged', '只有待确认的批次可以放弃');
      const [after] = await tx
        .update(importBatches)
        .set({ status: 'discarded' })
        .where(eq(importBatches.id, id))
        .returning();
      await writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'enterprise.import_discard',
        entity: 'import_batch',
        entityId: id,
        result: 'success',
      });
      return after;
    });
    return c.json(present(batch), 200);
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches/{id}/error-report',
    tags,
    middleware: [permit('ledger.read', 'import_batch.error_report', 'import_batch')],
    summary: '错误报告（.xlsx）：原文件各行加一列错误说明',
    request: { params: IdParam },
    responses: xlsx('错误报告'),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const { database, config } = c.get('deps');
    const batch = await inScope(database.db, actor, (tx) => batchInScope(tx, actor, id));
    return xlsxDownload(`错误报告-${batch.fileName.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, (book) =>
      writeErrorReport(database.db, actor, config.dataDir, id, book),
    );
  },
);

importRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/import-batches/{id}/result',
    tags,
    middleware: [permit('ledger.read', 'import_batch.read', 'import_batch')],
    summary: '批次结果（与命令行 --json 相同）',
    request: { params: IdParam },
    responses: jsonResponse(
      z.object({
        batchId: z.number(),
        status: z.string(),
        rows: z.number(),
        added: z.number(),
        changed: z.number(),
        unchanged: z.number(),
        missing: z.number(),
        discrepancies: z.number(),
        errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
        warnings: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
      }),
      '结果',
    ),
  }),
  async (c) => {
    const actor = requireActor(c);
    const { id } = c.req.valid('param');
    const deps = c.get('deps');
    await inScope(deps.database.db, actor, (tx) => batchInScope(tx, actor, id));
    return c.json(await batchResult(deps, actor, id), 200);
  },
);
