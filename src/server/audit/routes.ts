import { PassThrough, Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditActionLabel, auditEntityLabel } from '../../domain/auditLabels.ts';
import { auditLog } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { XLSX_TYPE } from '../download.ts';
import { auditExport } from '../exports/listExport.ts';
import { printOptions } from '../files/print.ts';
import { areaRouter } from '../route.ts';
import { pageOf, pageQuery } from '../schemas.ts';
import { auditObjectNames, objectName } from './names.ts';
import { auditPage, auditWhere, presentAudit } from './query.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const Filter = z.object({
  from: day.optional(),
  to: day.optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  entity: z.string().max(32).optional(),
  entityId: z.string().max(64).optional(),
});
const AuditItem = z
  .object({
    seq: z.number(),
    at: z.string(),
    actorName: z.string(),
    ip: z.string().nullable(),
    action: z.string(),
    entity: z.string().nullable(),
    entityId: z.string().nullable(),
    entityName: z.string().nullable().openapi({ description: '对象的名称（区划名、企业名、姓名等）；读不到时为空' }),
    result: z.string(),
    diff: z.unknown(),
  })
  .openapi('AuditItem');
export const auditRoutes = areaRouter('审计');

auditRoutes.define({
  method: 'get',
  path: '/api/audit',
  permission: 'audit.read',
  action: 'audit.read',
  summary: '检索审计日志（审计员）',
  query: Filter.extend(pageQuery()),
  response: pageOf(AuditItem),
  describe: '审计记录',
  handler: async ({ tx, input }) => {
    const { page, pageSize, ...filter } = input.query;
    const [{ total }] = await tx.select({ total: count() }).from(auditLog).where(auditWhere(filter));
    const rows = await auditPage(tx, filter, pageSize).offset((page - 1) * pageSize);
    const names = await auditObjectNames(tx, rows);
    return { total, items: rows.map((r) => presentAudit(r, objectName(names, r.entity, r.entityId))) };
  },
});

const EXPORT_PAGE = 2000;

// Its own transactions: the export is audited before the first byte, then streamed page by
// page after the handler returns, so its memory does not grow with the log.
auditRoutes.defineOwnTransaction({
  method: 'get',
  path: '/api/audit/export',
  permission: 'audit.export',
  action: 'audit.export',
  summary: '导出审计日志为 .xlsx（导出本身记入审计）',
  query: Filter,
  response: { file: XLSX_TYPE, description: 'xlsx 文件' },
  handler: async ({ db, actor, input }) => {
    const filter = input.query;
    await inScope(db, actor, (tx) => auditExport(tx, actor, { action: 'audit.export', entity: 'audit_log', filter }));
    const out = new PassThrough();
    // Streamed page by page: the export's memory does not grow with the log.
    (async () => {
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
      const columns = [
        { header: '序号', key: 'seq', width: 8 },
        { header: '时间(UTC)', key: 'at', width: 24 },
        { header: '操作人', key: 'actorName', width: 16 },
        { header: 'IP', key: 'ip', width: 16 },
        { header: '操作', key: 'actionLabel', width: 24 },
        { header: '操作代码', key: 'action', width: 22 },
        { header: '对象', key: 'entityLabel', width: 12 },
        { header: '对象ID', key: 'entityId', width: 10 },
        { header: '对象名称', key: 'entityName', width: 24 },
        { header: '结果', key: 'result', width: 10 },
        { header: '变更内容', key: 'diff', width: 60 },
        { header: '哈希', key: 'hash', width: 66 },
      ];
      const widths = columns.map((c) => c.width);
      const sheet = book.addWorksheet('审计日志', printOptions({ widths, titleRows: 1, frozen: { ySplit: 1 } }));
      sheet.columns = columns;
      let before: number | undefined;
      for (;;) {
        const rows = await auditPage(db, filter, EXPORT_PAGE, before);
        const names = await inScope(db, actor, (tx) => auditObjectNames(tx, rows));
        for (const r of rows) {
          sheet
            .addRow({
              ...presentAudit(r, objectName(names, r.entity, r.entityId)),
              actionLabel: auditActionLabel(r.action, 'zh-CN'),
              entityLabel: r.entity ? auditEntityLabel(r.entity, 'zh-CN') : '',
              diff: r.diff ? JSON.stringify(r.diff) : '',
              hash: r.hash,
            })
            .commit();
        }
        if (rows.length < EXPORT_PAGE) break;
        before = rows[rows.length - 1].seq;
      }
      sheet.commit();
      await book.commit();
    })().catch((err) => out.destroy(err));
    const name = encodeURIComponent(`审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`);
    return new Response(Readable.toWeb(out) as ReadableStream, {
      headers: {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
      },
    });
  },
});
