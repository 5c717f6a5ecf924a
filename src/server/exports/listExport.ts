/**
 * The one way a list leaves as a file: the screen's own list function, with the screen's
 * filters, written page by page to a streamed .xlsx that prints as a list on A4; the export is
 * audited (action, filters) in the transaction that reads the first page, so an export that
 * fails before its first byte records nothing, and one that starts is always recorded.
 */
import type { z } from '@hono/zod-openapi';
import type ExcelJS from 'exceljs';
import type { AuditAction, AuditEntity } from '../../domain/auditActions.ts';
import type { Permission } from '../../domain/roles.ts';
import type { Actor } from '../actor.ts';
import { auditChange } from '../audit/audit.ts';
import type { Db, Tx } from '../db/client.ts';
import { inScope } from '../db/tx.ts';
import { XLSX_TYPE, xlsxDownload } from '../download.ts';
import { printOptions } from '../files/print.ts';
import { safeRow } from '../files/write.ts';
import type { AppContext } from '../http.ts';
import type { AreaRouter } from '../route.ts';
import { today } from '../today.ts';

/** Rows read per transaction while the file streams. */
export const EXPORT_PAGE = 500;

export interface ExportColumn<T> {
  header: string;
  width: number;
  value: (item: T) => string | number | null | undefined;
  /** A number format, e.g. `0.0%`. */
  format?: string;
}

export interface ExportAudit {
  action: AuditAction;
  entity: AuditEntity;
  filter: object;
  /** More the audit row should say, e.g. that numbers were exported in full. */
  detail?: object;
}

/** Records an export in `tx`: who exported which list with which filters. */
export function auditExport(tx: Tx, actor: Actor, a: ExportAudit) {
  return auditChange(tx, actor, {
    action: a.action,
    entity: a.entity,
    entityId: null,
    diff: { filter: a.filter, ...a.detail },
  });
}

export interface ListExportSpec<Q extends z.ZodObject, T> {
  path: string;
  permission: Permission;
  /** The audit action, e.g. `member.export`. */
  action: AuditAction;
  /** The audit row's object type. */
  entity: AuditEntity;
  summary: string;
  /** The list's filters, without its paging. */
  query: Q;
  /** The sheet's name and the file name's start. */
  title: string;
  columns: (actor: Actor) => ExportColumn<T>[];
  /** One page of the list in the actor's scope, exactly as the screen's list reads it. */
  page: (
    tx: Tx,
    actor: Actor,
    c: AppContext,
    filter: z.output<Q>,
    paging: { page: number; pageSize: number },
  ) => Promise<T[]>;
  /** Extra words for the audit row (reveal). */
  detail?: (actor: Actor) => object | undefined;
}

function writeRows<T>(sheet: ExcelJS.Worksheet, columns: ExportColumn<T>[], items: T[]) {
  for (const item of items) {
    const row = sheet.addRow(safeRow(columns.map((c) => c.value(item) ?? null)));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.format) cell.numFmt = c.format;
      // A text longer than its column wraps on paper rather than being cut at the next cell.
      if (typeof cell.value === 'string') cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.commit();
  }
}

async function streamList<Q extends z.ZodObject, T>(
  db: Db,
  actor: Actor,
  c: AppContext,
  spec: ListExportSpec<Q, T>,
  filter: z.output<Q>,
  first: T[],
  book: ExcelJS.stream.xlsx.WorkbookWriter,
) {
  const columns = spec.columns(actor);
  const widths = columns.map((col) => col.width);
  const sheet = book.addWorksheet(spec.title, printOptions({ widths, titleRows: 1, frozen: { ySplit: 1 } }));
  sheet.columns = columns.map((col) => ({ header: col.header, width: col.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let items = first;
  for (let page = 1; ; page++) {
    writeRows(sheet, columns, items);
    if (items.length < EXPORT_PAGE) break;
    items = await inScope(db, actor, (tx) =>
      spec.page(tx, actor, c, filter, { page: page + 1, pageSize: EXPORT_PAGE }),
    );
  }
  sheet.commit();
}

/**
 * Declares `GET spec.path`: the list as an .xlsx. The first page is read, and the export
 * audited, before the answer starts, so a refusal (404 for a record out of scope) is an error
 * status rather than a broken file; the rest streams a page per transaction.
 */
export function defineListExport<Q extends z.ZodObject, T>(router: AreaRouter, spec: ListExportSpec<Q, T>) {
  router.defineOwnTransaction({
    method: 'get',
    path: spec.path,
    permission: spec.permission,
    action: spec.action,
    summary: spec.summary,
    query: spec.query,
    response: { file: XLSX_TYPE, description: 'xlsx' },
    handler: async ({ db, actor, input, c }) => {
      const filter = input.query as z.output<Q>;
      const first = await inScope(db, actor, async (tx) => {
        const items = await spec.page(tx, actor, c, filter, { page: 1, pageSize: EXPORT_PAGE });
        const detail = spec.detail?.(actor);
        await auditExport(tx, actor, {
          action: spec.action,
          entity: spec.entity,
          filter: filter as object,
          ...(detail ? { detail } : {}),
        });
        return items;
      });
      return xlsxDownload(`${spec.title}-${today()}.xlsx`, (book) =>
        streamList(db, actor, c, spec, filter, first, book),
      );
    },
  });
}
