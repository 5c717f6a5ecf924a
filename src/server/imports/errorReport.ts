import { asc, eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import type { AuditAction } from '../../domain/auditActions.ts';
import { cellText, resolveCell } from '../../domain/enterprise/cell.ts';
import { maskIdNumber, maskPhone } from '../../domain/mask.ts';
import { mapMemberHeader } from '../../domain/org/memberColumns.ts';
import { type Actor, can } from '../actor.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/client.ts';
import { importIssues } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { readRowsIsolated } from '../files/isolated.ts';
import { safeRow } from '../files/write.ts';
import type { Keys } from '../keys.ts';
import { type BatchKind, batchOfKind, fileKindOf } from './batches.ts';
import { openKeptFile } from './keptFiles.ts';

/**
 * The file as it was uploaded, row for row, with a last column saying what is wrong with each
 * row, for every kind of file: the user fixes the cells beside the reasons and imports it
 * again. Every download is audited (`action`). A member roster's ID and phone numbers, and any
 * birth date column, are shown in full only to a user allowed to see them (member.reveal), and
 * that showing is audited too; anyone else gets the numbers masked and birth dates as the year.
 */
export async function writeErrorReport(
  db: Db,
  actor: Actor,
  keys: Keys,
  dataDir: string,
  kind: BatchKind,
  batchId: number,
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  action: AuditAction,
) {
  const reveal = kind !== 'members' || can(actor, 'member.reveal');
  const { batch, issues } = await inScope(db, actor, async (tx) => {
    const batch = await batchOfKind(tx, actor, kind, batchId);
    const issues = await tx
      .select()
      .from(importIssues)
      .where(eq(importIssues.batchId, batchId))
      .orderBy(asc(importIssues.row), asc(importIssues.id));
    await writeAudit(tx, {
      actorId: actor.actorId,
      actorName: actor.username,
      ip: actor.ip,
      action,
      entity: 'import_batch',
      entityId: batchId,
      result: 'success',
      diff: { kind, masked: !reveal },
    });
    if (kind === 'members' && reveal) {
      await writeAudit(tx, {
        actorId: actor.actorId,
        actorName: actor.username,
        ip: actor.ip,
        action: 'member.reveal',
        entity: 'import_batch',
        entityId: batchId,
        result: 'success',
        diff: { what: '党员名册导入错误报告（含完整的公民身份号码和联系电话）' },
      });
    }
    return { batch, issues };
  });
  const byRow = new Map<number, string[]>();
  for (const i of issues) {
    const text = `${i.severity === 'warning' ? '【提示】' : ''}${i.column}：${i.message}`;
    byRow.set(i.row, [...(byRow.get(i.row) ?? []), text]);
  }
  const fileKind = fileKindOf(batch.fileName);
  const kept = await openKeptFile(dataDir, keys, batchId, fileKind);
  try {
    const sheet = book.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
    let width = 0;
    const masks = new Map<number, (s: string) => string>();
    for await (const { rowNumber, cells } of readRowsIsolated(kept.path, fileKind)) {
      if (width === 0) {
        width = cells.length;
        if (!reveal) {
          for (const [index, key] of mapMemberHeader(cells).columns) {
            if (key === 'idNumber') masks.set(index, maskIdNumber);
            if (key === 'phone' || key === 'mobile') masks.set(index, maskPhone);
          }
          // A column the format does not know may still hold a birth date: shown as its year.
          cells.forEach((c, i) => {
            if (typeof c === 'string' && c.includes('出生')) masks.set(i, birthYear);
          });
        }
      }
      const reason =
        rowNumber === 1 ? ['错误说明', ...(byRow.get(1) ?? [])].join('；') : (byRow.get(rowNumber) ?? []).join('；');
      const values = Array.from({ length: width }, (_, i) => {
        const mask = masks.get(i);
        if (!mask) return plain(cells[i]);
        const cell = resolveCell(cells[i]);
        return cell.type === 'empty' ? null : mask(cell.type === 'invalid' ? '' : cellText(cell));
      });
      const row = sheet.addRow(safeRow([...values, reason]));
      if (rowNumber === 1) row.font = { bold: true };
      if (reason && rowNumber > 1) row.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
      row.commit();
    }
    sheet.commit();
  } finally {
    await kept.cleanup();
  }
}

/** A birth date down to its year, in any of the forms a cell holds it (2019-03-01, 2019年3月, 20190301). */
function birthYear(s: string): string {
  return /(19|20)\d{2}/.exec(s)?.[0] ?? '****';
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
