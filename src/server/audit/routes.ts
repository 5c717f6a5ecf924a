import { PassThrough, Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { count } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditLog } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { jsonResponse, newRouter, permit, requireActor } from '../http.ts';
import { writeAudit } from './audit.ts';
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
    result: z.string(),
    diff: z.unknown(),
  })
  .openapi('AuditItem');
const tags = ['审计'];

export const auditRoutes = newRouter();

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/audit',
    middleware: [permit('audit.read', 'audit.read')],
    tags,
    summary: '检索审计日志（审计员）',
    request: {
      query: Filter.extend({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: jsonResponse(z.object({ total: z.number(), items: z.array(AuditItem) }), '审计记录'),
  }),
  async (c) => {
    const { page, pageSize, ...filter } = c.req.valid('query');
    const { db } = c.get('deps').database;
    const [{ total }] = await db.select({ total: count() }).from(auditLog).where(auditWhere(filter));
    const rows = await auditPage(db, filter, pageSize).offset((page - 1) * pageSize);
    return c.json({ total, items: rows.map(presentAudit) }, 200);
  },
);

const EXPORT_PAGE = 2000;

auditRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/api/audit/export',
    middleware: [permit('audit.export', 'audit.export')],
    tags,
    summary: '导出审计日志为 .xlsx（导出本身记入审计）',
    request: { query: Filter },
    responses: {
      200: {
        description: 'xlsx 文件',
        content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.any() } },
      },
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const filter = c.req.valid('query');
    const { db } = c.get('deps').database;
    await inScope(db, actor, (tx) =>
      writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'audit.export',
        entity: 'audit_log',
        result: 'success',
        diff: { filter },
      }),
    );
    const out = new PassThrough();
    // Streamed page by page: the export's memory does not grow with the log.
    (async () => {
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
      const sheet = book.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = [
        { header: '序号', key: 'seq', width: 8 },
        { header: '时间(UTC)', key: 'at', width: 24 },
        { header: '操作人', key: 'actorName', width: 16 },
        { header: 'IP', key: 'ip', width: 16 },
        { header: '操作', key: 'action', width: 22 },
        { header: '对象', key: 'entity', width: 12 },
        { header: '对象ID', key: 'entityId', width: 10 },
        { header: '结果', key: 'result', width: 10 },
        { header: '变更内容', key: 'diff', width: 60 },
        { header: '哈希', key: 'hash', width: 66 },
      ];
      let before: number | undefined;
      for (;;) {
        const rows = await auditPage(db, filter, EXPORT_PAGE, before);
        for (const r of rows) {
          sheet.addRow({ ...presentAudit(r), diff: r.diff ? JSON.stringify(r.diff) : '', hash: r.hash }).commit();
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
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename*=UTF-8''${name}`,
      },
    });
  },
);
