// The enterprise ledger file (源头管理, shared/formats/enterprise-import.md): filed under a period
// and a source, reconciled with the ledger by USCC (changed fields, discrepancies, enterprises
// the same source had last time and this file lacks), written with a history row per field.
import { z } from '@hono/zod-openapi';
import { HttpError } from '../../errors.ts';
import type { BatchStatus, Counts } from '../batches.ts';
import { analyzeAfterBulkChange } from '../enterprises/analyze.ts';
import { writeEnterprises } from '../enterprises/apply.ts';
import { batchMissing, batchRows, type RowOutcome } from '../enterprises/queries.ts';
import { checkAgainstDatabase, reconcile } from '../enterprises/reconcile.ts';
import { readIntoBatch } from '../enterprises/stage.ts';
import { enterpriseTemplate } from '../enterprises/template.ts';
import type { ImportAdapter } from '../pipeline.ts';

const PERIOD = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The period and source the batch is filed under, or 400 naming the field. */
export function checkBatchLabels(period: string, source: string) {
  if (!PERIOD.test(period)) {
    throw new HttpError(
      400,
      'bad_period',
      `期间“${period}”格式不对：应为年份加季度（如 2026Q3）、年月（2026-09）或年份（2026）`,
      [{ field: 'period', message: '格式不对' }],
    );
  }
  if (!source.trim() || source.length > 50) {
    throw new HttpError(400, 'bad_source', '数据来源须为 1–50 个字符，如“市场监管局年报”', [
      { field: 'source', message: '须为 1–50 个字符' },
    ]);
  }
}

const NO_ROWS: Counts = {
  rows: 0,
  added: 0,
  changed: 0,
  unchanged: 0,
  missing: 0,
  discrepancies: 0,
  errorRows: 0,
  errors: 0,
  warnings: 0,
};

export const enterpriseImport: ImportAdapter = {
  kind: 'enterprises',
  tag: '企业台账导入',
  title: '企业台账',
  permission: 'ledger.import',
  readPermission: 'ledger.read',
  actions: {
    import: 'enterprise.import',
    discard: 'enterprise.import_discard',
    template: 'enterprise.template',
    list: 'import_batch.list',
    read: 'import_batch.read',
    errorReport: 'import_batch.error_report',
  },
  summaries: {
    template: '下载企业台账导入模板（.xlsx，带下拉选项）',
    upload: '上传企业台账文件（请求体为文件内容），开始读取与核对；返回批次，读取进度见批次',
    list: '导入批次记录',
    rows: '批次的行：新增、变更（逐字段前后对比）、未变、错误，或填报不一致',
    apply: '确认：将待确认的批次写入台账（全部或全不）',
    discard: '放弃待确认的批次（台账不变）',
  },
  labels: ({ period = '', source = '' }) => {
    checkBatchLabels(period, source);
    return { period, source: source.trim() };
  },
  template: enterpriseTemplate,
  async read({ db, actor, keys, batchId, file, onCount, onProgress }) {
    let rowsRead = 0;
    const columns = await readIntoBatch(db, actor, keys, batchId, file, onCount, (n) => {
      rowsRead = n;
      onProgress(n);
    });
    // Fresh statistics for the rows just staged, so the checks and the reconciliation join
    // them to the ledger by hashing rather than row by row.
    await analyzeAfterBulkChange(db, 'import_rows', rowsRead);
    return columns;
  },
  async check(tx, actor, batch, moment) {
    // The checks within the file and against other regions' ledgers ran on reading; the
    // reconciliation runs again on confirmation against the ledger as it is now.
    if (moment === 'read') await checkAgainstDatabase(tx, actor, batch.id);
    const counts = await reconcile(tx, actor, batch);
    return { counts, write: () => writeEnterprises(tx, actor, batch) };
  },
  unreadable: async () => NO_ROWS,
  auditDiff: (b, status: BatchStatus, counts, moment) => {
    if (moment === 'discard') return undefined;
    const labels = { fileName: b.fileName, sha256: b.sha256, period: b.period, source: b.source };
    return moment === 'read' ? { ...labels, status, counts } : { ...labels, counts };
  },
  errorsOnApply: {
    mode: 'refuse',
    message: '该批次有错误行，不能整体写入；请修正文件后重新导入，或选择部分导入',
  },
  // Fresh planner statistics for a ledger that grew or changed much, as the connection's owner:
  // a re-import soon after is otherwise planned against statistics that call it empty.
  afterApply: (db, counts) => analyzeAfterBulkChange(db, 'enterprises', counts.added + counts.changed),
  missing: {
    summary: '本次文件缺少、上次同一来源有的企业（待核实，不会删除）',
    item: z.object({ id: z.number(), uscc: z.string(), name: z.string(), regionCode: z.string() }),
    list: (tx, actor, id, page) => batchMissing(tx, actor, id, page),
  },
  rows: {
    outcome: z.enum(['added', 'changed', 'unchanged', 'error', 'discrepancy']),
    item: z.object({
      row: z.number(),
      uscc: z.string().nullable(),
      name: z.string().nullable(),
      outcome: z.string().nullable(),
      diff: z.unknown().openapi({ description: '字段 → { before, after }' }),
      discrepancy: z.string().nullable(),
      enterpriseId: z.number().nullable(),
    }),
    list: (tx, actor, id, outcome, page) => batchRows(tx, actor, id, outcome as RowOutcome, page),
  },
};
