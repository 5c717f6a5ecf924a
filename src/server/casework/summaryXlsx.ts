// The summary as the paper form is filed (reports.md): a title row, the unit line, merged
// two-level headers, 合计 first, numbers right-aligned, and the 填表人 / 审核人 footer; printed
// on A4 as the paper form (files/print.ts).
import type ExcelJS from 'exceljs';
import { periodLabel } from '../../domain/assessment/period.ts';
import { fitWidths, printableSheet } from '../files/print.ts';
import { safeText } from '../files/write.ts';
import type { InstructorLine, InstructorSummary } from './summary.ts';
import { SUMMARY_COLUMNS, SUMMARY_GROUPS } from './summaryColumns.ts';

export interface FormMeta {
  /** 填报日期 */
  filledOn: string;
}

type Sheet = ExcelJS.Worksheet;
const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

function title(ws: Sheet, text: string, width: number) {
  const row = ws.addRow([text]);
  row.height = 30;
  row.getCell(1).font = { bold: true, size: 16 };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(row.number, 1, row.number, width);
  row.commit();
}

function unitLine(ws: Sheet, unit: string, filledOn: string, width: number) {
  const half = Math.max(1, Math.floor(width / 2));
  const values: unknown[] = [`填报单位：${unit}`];
  values[half] = `填报日期：${filledOn}`;
  const row = ws.addRow(values.map((v) => safeText(v)));
  row.getCell(half + 1).alignment = { horizontal: 'right' };
  ws.mergeCells(row.number, 1, row.number, half);
  ws.mergeCells(row.number, half + 1, row.number, width);
  row.commit();
}

function footer(ws: Sheet, width: number) {
  ws.addRow([]).commit();
  const half = Math.max(1, Math.floor(width / 2));
  const values: string[] = ['填表人：'];
  values[half] = '审核人：';
  const row = ws.addRow(values);
  ws.mergeCells(row.number, 1, row.number, half);
  ws.mergeCells(row.number, half + 1, row.number, width);
  row.commit();
}

function headerCells(row: ExcelJS.Row, width: number) {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.alignment = CENTER;
    cell.border = BORDER;
  }
}

function dataRow(ws: Sheet, label: string, numbers: number[], money: boolean[], bold = false) {
  const row = ws.addRow([safeText(label), ...numbers]);
  row.getCell(1).border = BORDER;
  row.getCell(1).font = { bold };
  numbers.forEach((_, i) => {
    const cell = row.getCell(i + 2);
    cell.alignment = { horizontal: 'right' };
    cell.numFmt = money[i] ? '#,##0.00' : '#,##0';
    cell.border = BORDER;
    cell.font = { bold };
  });
  row.commit();
}

/** Sheet 1: one row per department, 合计 first. */
function writeDepartments(book: ExcelJS.stream.xlsx.WorkbookWriter, s: InstructorSummary, meta: FormMeta) {
  const width = 1 + SUMMARY_COLUMNS.length;
  const [lead = 12] = fitWidths(
    ['派出单位', '合计'],
    s.rows.map((r) => [r.department]),
    { min: 12 },
  );
  const widths = [lead, ...SUMMARY_COLUMNS.map((c) => (c.unit === '万元' ? 12 : 10))];
  const ws = printableSheet(book, '指导员工作情况汇总', { widths, titleRows: 4, frozen: { xSplit: 1, ySplit: 4 } });
  title(ws, `${s.regionName}指导员工作情况汇总（${s.from} 至 ${s.to}）`, width);
  unitLine(ws, s.regionName, meta.filledOn, width);

  const groups = ws.addRow(['派出单位', ...SUMMARY_GROUPS.flatMap((g) => g.columns.map(() => g.label))]);
  headerCells(groups, width);
  groups.height = 22;
  const subs = ws.addRow(['', ...SUMMARY_COLUMNS.map((c) => `${c.label}（${c.unit}）`)]);
  headerCells(subs, width);
  subs.height = 44;
  ws.mergeCells(groups.number, 1, subs.number, 1);
  let col = 2;
  for (const g of SUMMARY_GROUPS) {
    ws.mergeCells(groups.number, col, groups.number, col + g.columns.length - 1);
    col += g.columns.length;
  }
  groups.commit();
  subs.commit();

  const money = SUMMARY_COLUMNS.map((c) => c.unit === '万元');
  dataRow(
    ws,
    '合计',
    SUMMARY_COLUMNS.map((c) => s.total[c.key]),
    money,
    true,
  );
  for (const r of s.rows) {
    dataRow(
      ws,
      r.department,
      SUMMARY_COLUMNS.map((c) => r[c.key]),
      money,
    );
  }
  footer(ws, width);
  ws.commit();
}

interface InstructorColumn {
  label: string;
  value: (line: InstructorLine) => string | number | null;
  number?: boolean;
}

const KIND = { instructor: '指导员', liaison: '联络员' } as const;

/** Sheet 2: the instructors beside the departments. */
function writeInstructors(book: ExcelJS.stream.xlsx.WorkbookWriter, s: InstructorSummary, meta: FormMeta) {
  const columns: InstructorColumn[] = [
    { label: '姓名', value: (l) => l.name },
    { label: '类别', value: (l) => KIND[l.kind] },
    { label: '派出单位', value: (l) => l.department },
    { label: '联系企业（个）', value: (l) => l.enterprises, number: true },
    { label: '走访联系（次）', value: (l) => l.contacts, number: true },
    { label: '未联系周数（周）', value: (l) => l.weeksMissed, number: true },
    { label: '受理诉求（件）', value: (l) => l.requestsReceived, number: true },
    { label: '解决诉求（件）', value: (l) => l.requestsResolved, number: true },
    { label: `考核得分（${periodLabel(s.assessmentPeriod)}）`, value: (l) => l.score, number: true },
    { label: '考核等次', value: (l) => l.gradeLabel },
  ];
  const width = columns.length;
  const widths = fitWidths(
    columns.map((c) => c.label),
    s.instructors.map((l) => columns.map((c) => c.value(l))),
    { min: 8, max: 40 },
  );
  const ws = printableSheet(book, '指导员名单', { widths, titleRows: 3, frozen: { ySplit: 3 } });
  title(ws, `${s.regionName}指导员名单（${s.from} 至 ${s.to}）`, width);
  unitLine(ws, s.regionName, meta.filledOn, width);
  const header = ws.addRow(columns.map((c) => c.label));
  headerCells(header, width);
  header.commit();
  for (const line of s.instructors) {
    const row = ws.addRow(columns.map((c) => safeText(c.value(line))));
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      if (c.number) cell.alignment = { horizontal: 'right' };
    });
    row.commit();
  }
  footer(ws, width);
  ws.commit();
}

export function writeSummaryXlsx(
  book: ExcelJS.stream.xlsx.WorkbookWriter,
  s: InstructorSummary,
  meta: FormMeta,
): Promise<void> {
  writeDepartments(book, s, meta);
  writeInstructors(book, s, meta);
  return Promise.resolve();
}
