import { asc, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { Actor } from '../../actor.ts';
import type { Db } from '../../db/client.ts';
import { importBatches, importIssues } from '../../db/schema.ts';
import { inScope } from '../../db/tx.ts';
import { notFound } from '../../errors.ts';
import { readRows } from '../../files/rows.ts';
import { safeRow } from '../../files/write.ts';
import { storedFile } from './run.ts';

/**
 * The file as it was uploaded, row for row, with a last column saying what is wrong with
 * each row: the user fixes the cells beside the reasons and imports it again.
 */
export async function writeErrorReport(
  db: Db,
  actor: Actor,
  dataDir: string,
  batchId: number,
  book: ExcelJS.stream.xlsx.WorkbookWriter,
) {
  const { batch, issues } = await inScope(db, actor, async (tx) => {
    const [batch] = await tx.select().from(importBatches).where(eq(importBatches.id, batchId));
    if (!batch) throw notFound('导入批次');
    const issues = await tx
      .select()
      .from(importIssues)
      .where(eq(importIssues.batchId, batchId))
      .orderBy(asc(importIssues.row), asc(importIssues.id));
    return { batch, issues };
  });
  const byRow = new Map<number, string[]>();
  for (const i of issues) {
    const text = `${i.severity === 'warning' ? '【提示】' : ''}${i.column}：${i.message}`;
    byRow.set(i.row, [...(byRow.get(i.row) ?? []), text]);
  }
  const kind = batch.fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const sheet = book.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  let width = 0;
  for await (const { rowNumber, cells } of readRows(storedFile(dataDir, batchId, kind), kind)) {
    if (rowNumber === 1) width = cells.length;
    const reason =
      rowNumber === 1 ? ['错误说明', ...(byRow.get(1) ?? [])].join('；') : (byRow.get(rowNumber) ?? []).join('；');
    const values = Array.from({ length: width }, (_, i) => plain(cells[i]));
    const row = sheet.addRow(safeRow([...values, reason]));
    if (rowNumber === 1) row.font = { bold: true };
    if (reason && rowNumber > 1) row.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
    row.commit();
  }
  sheet.commit();
}

/** Cell values as plain text or numbers: rich text, hyperlinks and formulas lose their wrapping. */
function plain(v: unknown): unknown {
  if (v == null || typeof v !== 'object' || v instanceof Date) return v ?? null;
  const o = v as { richText?: { text: string }[]; text?: string; result?: unknown };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return o.text;
  if (o.result !== undefined) return o.result;
  return null;
}
