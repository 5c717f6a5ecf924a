// The results as the paper form: a title row, the unit line, the rule line, one row per
// instructor, and the 填表人 / 审核人 footer; printed on A4 as the paper form (files/print.ts).
import type ExcelJS from 'exceljs';
import { periodLabel } from '../../domain/assessment/period.ts';
import type { AssessmentSettings } from '../../domain/assessment/settings.ts';
import { fitWidths, printableSheet } from '../files/print.ts';
import { safeRow, safeText } from '../files/write.ts';
import type { AssessmentRow } from './results.ts';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 12 },
  { header: '派出单位', width: 16 },
  { header: '日常考核（平均）', width: 12 },
  { header: '日常考核次数', width: 10 },
  { header: '定期考核', width: 10 },
  { header: '民主测评（平均）', width: 12 },
  { header: '测评票数', width: 10 },
  { header: '综合得分', width: 10 },
  { header: '等次', width: 10 },
  { header: '备注', width: 30 },
];

const MISSING = { daily: '日常考核', periodic: '定期考核', democratic: '民主测评' } as const;

export function remarkOf(r: AssessmentRow): string {
  if (r.incomplete) return `未完成：缺少${r.missing.map((m) => MISSING[m]).join('、')}`;
  if (r.capped) return '综合得分达优秀，受优秀比例上限评为称职';
  return '';
}

export function ruleLine(s: AssessmentSettings): string {
  const { weights: w, thresholds: t } = s;
  const cap = s.excellentCap === null ? '不设优秀比例上限' : `优秀比例不超过 ${s.excellentCap}%`;
  return `综合得分 = 日常考核 ${w.daily}% + 定期考核 ${w.periodic}% + 民主测评 ${w.democratic}%；优秀 ≥ ${t.excellent}，称职 ≥ ${t.competent}，基本称职 ≥ ${t.basic}，以下为不称职；${cap}`;
}

export function writeResultsSheet(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  unit: { name: string; date: string },
  period: string,
  settings: AssessmentSettings,
  rows: AssessmentRow[],
) {
  const values = rows.map((r, k) => [
    k + 1,
    r.name,
    r.department,
    r.daily,
    r.dailyEntries,
    r.periodic,
    r.democratic,
    r.ballots,
    r.final,
    r.gradeLabel ?? '—',
    remarkOf(r),
  ]);
  // Each column as wide as its values (the headers wrap in their row); a remark past 40 wraps.
  const fitted = fitWidths(
    COLUMNS.map(() => ''),
    values,
    { min: 1, max: 40 },
  );
  const widths = COLUMNS.map((c, i) => Math.max(c.width, fitted[i] ?? 0));
  const sheet = printableSheet(book, '考核结果', { widths, titleRows: 4, frozen: { ySplit: 4 } });
  const last = COLUMNS.length;
  const banner = (text: string, opts: { bold?: boolean; size?: number } = {}) => {
    const row = sheet.addRow([safeText(text)]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.font = { bold: opts.bold, size: opts.size };
    row.alignment = { horizontal: opts.size ? 'center' : 'left', wrapText: true };
    row.commit();
  };
  banner(`${unit.name}职能党建指导员考核结果（${periodLabel(period)}）`, { bold: true, size: 14 });
  banner(`填报单位：${unit.name}　　填报日期：${unit.date}`);
  banner(ruleLine(settings));
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.commit();
  rows.forEach((_, k) => {
    const row = sheet.addRow(safeRow(values[k] ?? []));
    row.getCell(COLUMNS.length).alignment = { wrapText: true, vertical: 'top' };
    for (const col of [4, 6, 7, 9]) row.getCell(col).numFmt = '0.00';
    for (const col of [1, 4, 5, 6, 7, 8, 9]) row.getCell(col).alignment = { horizontal: 'right' };
    row.commit();
  });
  sheet.addRow([]).commit();
  const footer = sheet.addRow(['填表人：', '', '', '', '', '审核人：']);
  sheet.mergeCells(footer.number, 1, footer.number, 5);
  sheet.mergeCells(footer.number, 6, footer.number, last);
  footer.commit();
  sheet.commit();
}
