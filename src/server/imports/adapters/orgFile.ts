// What the two files of shared/formats/org-import.md — party organizations and party members —
// share as adapters: no period of their own, the template and reading of orgs/kinds.ts, rows
// with a name (and a member's masked ID number), and a confirmation that, if the checks now
// find errors, records the batch as rejected.
import { z } from '@hono/zod-openapi';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { importRows } from '../../db/schema.ts';
import { type Batch, batchOfKind, countBatch, offsetOf } from '../batches.ts';
import { type ImportKind, KINDS } from '../orgs/kinds.ts';
import { readIntoBatch } from '../orgs/stage.ts';
import { kindTemplate } from '../orgs/template.ts';
import type { Checked, ImportAdapter, MissingList } from '../pipeline.ts';

const OUTCOMES = ['added', 'changed', 'unchanged', 'error'] as const;

export function orgFileAdapter(
  kind: ImportKind,
  check: (tx: Tx, actor: Actor, batch: Batch) => Promise<Checked>,
  missing?: MissingList,
): ImportAdapter {
  const info = KINDS[kind];
  return {
    kind,
    tag: `${info.title}导入`,
    title: info.title,
    permission: info.permission,
    readPermission: info.permission,
    actions: {
      import: info.action,
      discard: info.discardAction,
      template: info.templateAction,
      list: info.listAction,
      read: info.readAction,
      errorReport: info.errorReportAction,
    },
    summaries: {
      template: `下载${info.title}导入模板（.xlsx，带下拉选项和填写说明）`,
      upload: `上传${info.title}（请求体为文件内容），开始读取与核对；返回批次，读取进度与预览见批次`,
      list: `${info.title}导入批次记录`,
      rows: '批次的行：新增、变更（逐字段前后对比）、未变或错误',
      apply: '确认：重新核对后写入待确认的批次（全部或全不；部分导入时写入正确的行）',
      discard: '放弃待确认的批次（不写入任何数据）',
    },
    // These files have no period or source of their own: the batch is filed under the file's name.
    labels: () => ({ period: '', source: info.source }),
    template: () => kindTemplate(kind),
    read: ({ db, actor, keys, batchId, file, onCount, onProgress }) =>
      readIntoBatch(db, actor, keys, kind, batchId, file, onCount, onProgress),
    // Both checks run every time: the rows are planned against the database as it is now.
    check: (tx, actor, batch) => check(tx, actor, batch),
    unreadable: countBatch,
    auditDiff: (b, status, counts) => ({
      kind: b.kind,
      fileName: b.fileName,
      sha256: b.sha256,
      partial: b.partial,
      status,
      counts,
    }),
    missing,
    errorsOnApply: {
      mode: 'reject',
      message: '确认时重新核对发现错误，批次已拒绝，未写入任何数据；请查看错误列表，修正文件后重新导入',
    },
    rows: {
      outcome: z.enum(OUTCOMES),
      item: z.object({
        row: z.number(),
        name: z.string().nullable(),
        idNumber: z.string().nullable().openapi({ description: '党员名册：公民身份号码（已打码）' }),
        outcome: z.string().nullable(),
        diff: z.unknown().openapi({ description: '字段 → { before, after }（联系电话只显示是否变更）' }),
      }),
      list: async (tx, actor, id, outcome, page) => {
        await batchOfKind(tx, actor, kind, id);
        const where = and(eq(importRows.batchId, id), eq(importRows.outcome, outcome as (typeof OUTCOMES)[number]));
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
          .limit(page.pageSize)
          .offset(offsetOf(page));
        return { total, items };
      },
    },
  };
}
