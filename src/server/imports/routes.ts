// The import routes, the same for every kind of file (one router per kind, tagged with its
// title): the template, the upload (read and checked in the background), the batches with their
// preview — rows by outcome with their diffs, errors and warnings by row and column — then
// confirm or discard, the result in the CLI's shape and the error report.
import { z } from '@hono/zod-openapi';
import { inScope } from '../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../download.ts';
import { HttpError } from '../errors.ts';
import { receiveUpload } from '../files/receive.ts';
import { type AreaRouter, areaRouter } from '../route.ts';
import { byId, pageOf, pageQuery } from '../schemas.ts';
import { IMPORTS } from './adapters/index.ts';
import {
  BATCH_KINDS,
  BATCH_STATUSES,
  type Batch,
  type BatchKind,
  type BatchStatus,
  batchIssues,
  batchOfKind,
  batchResult,
  fileKindOf,
  listBatches,
} from './batches.ts';
import { writeErrorReport } from './errorReport.ts';
import { assertKeptFile } from './keptFiles.ts';
import { applyInOwnTransaction, discardBatch, type ImportAdapter, startImport } from './pipeline.ts';

const ImportBatch = z
  .object({
    id: z.number(),
    kind: z.enum(BATCH_KINDS),
    period: z.string().optional().openapi({ description: '企业台账：期间，如 2026Q3（其他文件没有）' }),
    source: z.string().optional().openapi({ description: '企业台账：数据来源（其他文件没有）' }),
    fileName: z.string(),
    size: z.number(),
    sha256: z.string(),
    status: z.enum(BATCH_STATUSES),
    partial: z.boolean(),
    rowsRead: z.number(),
    rowsTotal: z.number().nullable().openapi({ description: '文件的数据行数（不含表头）；统计完成前为空' }),
    failure: z.string().nullable(),
    actorName: z.string(),
    regionCode: z.string(),
    counts: z.record(z.string(), z.number()),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
  })
  .openapi('ImportBatch');
const Issue = z.object({ row: z.number(), column: z.string(), message: z.string() });
const ImportResult = z
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
  .openapi('ImportResult');

/** A batch as the API answers it: the period and source only for the file filed under them. */
function present(b: Batch): z.input<typeof ImportBatch> {
  return {
    id: b.id,
    kind: b.kind as z.infer<typeof ImportBatch>['kind'],
    ...(b.kind === 'enterprises' ? { period: b.period, source: b.source } : {}),
    fileName: b.fileName,
    size: b.size,
    sha256: b.sha256,
    status: b.status as BatchStatus,
    partial: b.partial,
    rowsRead: b.rowsRead,
    rowsTotal: b.rowsTotal,
    failure: b.failure,
    actorName: b.actorName,
    regionCode: b.regionCode,
    counts: b.counts as Record<string, number>,
    createdAt: b.createdAt.toISOString(),
    appliedAt: b.appliedAt?.toISOString() ?? null,
  };
}

function declare(router: AreaRouter, a: ImportAdapter) {
  const base = `/api/imports/${a.kind}`;
  const batches = `${base}/batches`;
  const one = `${batches}/{id}`;
  const reads = { permission: a.readPermission, action: a.actions.read, entity: 'import_batch' } as const;

  // Builds the workbook in memory and touches no table: no transaction to open.
  router.defineOwnTransaction({
    method: 'get',
    path: `${base}/template`,
    permission: a.permission,
    action: a.actions.template,
    summary: a.summaries.template,
    response: { file: XLSX_TYPE, description: '导入模板' },
    handler: async () =>
      new Response(new Uint8Array(await a.template()), {
        headers: {
          'content-type': XLSX_TYPE,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${a.title}导入模板.xlsx`)}`,
        },
      }),
  });

  // The body streams to a temporary file before anything is written, then the batch is
  // recorded and read in the background in transactions of its own, after this response:
  // no transaction may stay open while a client uploads fifty megabytes or a file is read.
  router.defineOwnTransaction({
    method: 'post',
    path: base,
    permission: a.permission,
    action: a.actions.import,
    summary: a.summaries.upload,
    query: z.object({
      fileName: z.string().min(1).max(255),
      ...(a.kind === 'enterprises' ? { period: z.string().max(10), source: z.string().max(50) } : {}),
      partial: z.enum(['true', 'false']).default('false'),
      dryRun: z.enum(['true', 'false']).default('false'),
    }),
    response: ImportBatch,
    describe: '已记录的批次（状态 reading）',
    handler: async ({ db, actor, input, c, deps }) => {
      const q = input.query as { fileName: string; period?: string; source?: string; partial: string; dryRun: string };
      const upload = await receiveUpload(c.req.raw.body, deps.config.maxUploadBytes);
      try {
        const { batchId, finished } = await startImport(deps, actor, a, {
          path: upload.file,
          fileName: q.fileName,
          period: q.period,
          source: q.source,
          partial: q.partial === 'true',
          dryRun: q.dryRun === 'true',
        });
        // The file is kept in the data directory; reading goes on after this response.
        void finished;
        return present(await inScope(db, actor, (tx) => batchOfKind(tx, actor, a.kind, batchId)));
      } finally {
        await upload.cleanup();
      }
    },
  });

  router.define({
    method: 'get',
    path: batches,
    permission: a.readPermission,
    action: a.actions.list,
    summary: a.summaries.list,
    query: z.object(pageQuery()),
    response: pageOf(ImportBatch),
    describe: '批次列表',
    handler: async ({ tx, actor, input }) => {
      const { total, items } = await listBatches(tx, actor, a.kind, input.query);
      return { total, items: items.map(present) };
    },
  });

  router.define({
    method: 'get',
    path: one,
    ...reads,
    summary: '一个批次：状态、读取进度与核对结果的计数',
    params: byId,
    response: ImportBatch,
    describe: '批次',
    handler: async ({ tx, actor, input }) => present(await batchOfKind(tx, actor, a.kind, input.params.id)),
  });

  router.define({
    method: 'get',
    path: `${one}/rows`,
    ...reads,
    summary: a.summaries.rows,
    params: byId,
    query: z.object({ outcome: a.rows.outcome, ...pageQuery() }),
    response: pageOf(a.rows.item),
    describe: '行',
    handler: ({ tx, actor, input }) => {
      const { outcome, ...page } = input.query;
      return a.rows.list(tx, actor, input.params.id, outcome, page);
    },
  });

  router.define({
    method: 'get',
    path: `${one}/issues`,
    ...reads,
    summary: '批次的错误与提示（行号、列名、原因）',
    params: byId,
    query: z.object({ severity: z.enum(['error', 'warning']), ...pageQuery() }),
    response: pageOf(Issue),
    describe: '错误与提示',
    handler: ({ tx, actor, input }) => {
      const { severity, ...page } = input.query;
      return batchIssues(tx, actor, a.kind, input.params.id, severity, page);
    },
  });

  const missing = a.missing;
  if (missing) {
    router.define({
      method: 'get',
      path: `${one}/missing`,
      ...reads,
      summary: missing.summary,
      params: byId,
      query: z.object(pageQuery()),
      response: z.object({ total: z.number(), items: z.array(missing.item) }),
      describe: a.kind === 'enterprises' ? '缺少的企业' : '缺少的党员',
      handler: ({ tx, actor, input, c }) => missing.list(tx, actor, input.params.id, input.query, c.get('deps').keys),
    });
  }

  router.define({
    method: 'get',
    path: `${one}/result`,
    ...reads,
    summary: '批次结果（与命令行 --json 相同）',
    params: byId,
    response: ImportResult,
    describe: '结果',
    handler: ({ tx, actor, input }) => batchResult(tx, actor, a.kind, input.params.id),
  });

  // Streams the workbook while the kept file is read: the rows are written after this
  // handler returns, so the report reads the batch in its own transaction. The scope check
  // runs first, so a batch out of scope answers 404 rather than a broken download.
  router.defineOwnTransaction({
    method: 'get',
    path: `${one}/error-report`,
    ...reads,
    action: a.actions.errorReport,
    summary: '错误报告（.xlsx）：原文件各行加一列错误说明',
    params: byId,
    response: { file: XLSX_TYPE, description: '错误报告' },
    handler: async ({ db, actor, input, deps }) => {
      const { id } = input.params;
      const batch = await inScope(db, actor, (tx) => batchOfKind(tx, actor, a.kind, id));
      await assertKeptFile(deps.config.dataDir, id, fileKindOf(batch.fileName));
      return xlsxDownload(`错误报告-${batch.fileName.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, (book) =>
        writeErrorReport(db, actor, deps.keys, deps.config.dataDir, a.kind, id, book, a.actions.errorReport),
      );
    },
  });

  // One transaction locks the batch within scope, checks, writes and audits (pipeline.ts);
  // the enterprise ledger's planner statistics are refreshed after it commits, as the
  // connection's owner, which a request's scoped transaction cannot do.
  router.defineOwnTransaction({
    method: 'post',
    path: `${one}/apply`,
    permission: a.permission,
    action: a.actions.import,
    entity: 'import_batch',
    summary: a.summaries.apply,
    params: byId,
    response: ImportBatch,
    describe: '已写入的批次',
    handler: async ({ db, actor, input }) => {
      const batch = await applyInOwnTransaction(db, actor, a, input.params.id);
      if (batch.status === 'rejected') throw new HttpError(409, 'batch_has_errors', a.errorsOnApply.message);
      return present(batch);
    },
  });

  router.define({
    method: 'post',
    path: `${one}/discard`,
    permission: a.permission,
    action: a.actions.discard,
    entity: 'import_batch',
    summary: a.summaries.discard,
    params: byId,
    response: ImportBatch,
    describe: '已放弃的批次',
    handler: async ({ tx, actor, input }) => present(await discardBatch(tx, actor, a, input.params.id)),
  });
}

/** One router per kind of file: each is its own tag in the API document. */
export const IMPORT_ROUTES = Object.fromEntries(
  Object.values(IMPORTS).map((adapter) => {
    const router = areaRouter(adapter.tag);
    declare(router, adapter);
    return [adapter.kind, router];
  }),
) as Record<BatchKind, AreaRouter>;
