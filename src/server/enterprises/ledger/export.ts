import { and, asc, gt } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { CATEGORY_LABELS, type LedgerCategory } from '../../../domain/enterprise/categories.ts';
import { type ColumnDef, ENTERPRISE_COLUMNS } from '../../../domain/enterprise/columns.ts';
import type { Actor } from '../../actor.ts';
import type { Db } from '../../db/client.ts';
import { enterprises as e } from '../../db/schema.ts';
import { inScope } from '../../db/tx.ts';
import { printOptions } from '../../files/print.ts';
import { safeRow } from '../../files/write.ts';
import { getCoverageSettings } from '../../stats/settings.ts';
import { type LedgerFilter, ledgerWhere } from './filters.ts';

// The phone leaves only masked, and a masked number imported back would overwrite the real one: leave it out.
const COLUMNS = ENTERPRISE_COLUMNS.filter((c) => c.key !== 'phone');
const PAGE = 2000;

function cellOf(c: ColumnDef, value: unknown): unknown {
  if (value == null) return null;
  if (c.choices) return c.choices.find((x) => x.code === value)?.label ?? String(value);
  return value;
}

/**
 * Writes the filtered ledger, page by page in id order, in the import file's own layout
 * (the same headers, the same words for coded values), so an exported list can be
 * corrected and imported again; the category and flags follow as extra columns, which
 * an import ignores. Returns the number of rows written.
 */
export async function writeLedgerExport(
  db: Db,
  actor: Actor,
  filter: LedgerFilter,
  book: ExcelJS.stream.xlsx.WorkbookWriter,
) {
  const columns = [
    ...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length * 2 + 4) })),
    { header: '分类', key: 'category', width: 14 },
    { header: '重点盯住', key: 'keyWatch', width: 10 },
    { header: '待核实（本次导入缺少）', key: 'missing', width: 12 },
  ];
  const print = printOptions({ widths: columns.map((c) => c.width), titleRows: 1, frozen: { ySplit: 1 } });
  const sheet = book.addWorksheet('企业台账', print);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const settings = await getCoverageSettings(db);
  const where = ledgerWhere(actor, filter, settings);
  let lastId = 0;
  let written = 0;
  for (;;) {
    const rows = await inScope(db, actor, (tx) =>
      tx
        .select()
        .from(e)
        .where(and(where, gt(e.id, lastId)))
        .orderBy(asc(e.id))
        .limit(PAGE),
    );
    for (const r of rows) {
      const record = r as unknown as Record<string, unknown>;
      const keyWatch = r.inScope && r.orgCoverage === null && r.employees >= settings.keyWatchEmployees;
      sheet
        .addRow(
          safeRow([
            ...COLUMNS.map((c) => cellOf(c, record[c.key])),
            r.inScope && r.category ? CATEGORY_LABELS['zh-CN'][r.category as LedgerCategory] : '不在统计范围',
            keyWatch ? '是' : '否',
            r.missingSinceBatchId ? '是' : '否',
          ]),
        )
        .commit();
    }
    written += rows.length;
    if (rows.length < PAGE) break;
    lastId = rows[rows.length - 1].id;
  }
  sheet.commit();
  return written;
}
