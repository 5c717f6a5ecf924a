// The paper form's layout, shared by every report (reports.md): a title row naming report,
// region and period; the unit line (填报单位, 填报日期); merged two-level headers; 合计 first;
// numbers right-aligned; rates as percentages with one decimal (the value is the fraction,
// “—” as text for an empty denominator); the 填表人 / 审核人 footer. Text that starts like a
// formula is written as text (safeText). Every sheet prints on A4 as the paper form (files/print.ts).
import ExcelJS from 'exceljs';
import { type ColumnKind, cellValue, type FormColumn } from '../../domain/reports/forms.ts';
import { fitWidths, printableSheet } from '../files/print.ts';
import { safeText } from '../files/write.ts';

const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;
const NUMBER_FORMAT: Record<ColumnKind, string> = { count: '0', rate: '0.0%', points: '0.0', money: '0.00' };

export function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'dangjian';
  return book;
}

export async function bookBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}

export interface FormHeading {
  title: string;
  /** 填报单位 */
  unit: string;
  /** 填报日期 */
  filledOn: string;
  /** A line under the unit line: the date figures are as of, the survey scope. */
  note?: string;
}

function merged(ws: ExcelJS.Worksheet, text: string, width: number, style: Partial<ExcelJS.Style> = {}) {
  const row = ws.addRow([safeText(text)]);
  ws.mergeCells(row.number, 1, row.number, width);
  Object.assign(row.getCell(1), style);
  return row;
}

/** The rows above a sheet's headers: title, unit line and, when there is one, the note. */
export function headingRows(h: FormHeading): number {
  return h.note ? 3 : 2;
}

/** Title, unit line and note: the rows above the headers. */
export function heading(ws: ExcelJS.Worksheet, h: FormHeading, width: number) {
  const title = merged(ws, h.title, width, {
    font: { bold: true, size: 16 },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  title.height = 30;
  const half = Math.max(1, Math.floor(width / 2));
  const values: string[] = [safeText(`填报单位：${h.unit}`)];
  values[half] = `填报日期：${h.filledOn}`;
  const unit = ws.addRow(values);
  ws.mergeCells(unit.number, 1, unit.number, half);
  if (width > half) ws.mergeCells(unit.number, half + 1, unit.number, width);
  unit.getCell(half + 1).alignment = { horizontal: 'right' };
  if (h.note) merged(ws, h.note, width, { alignment: { horizontal: 'left', wrapText: true } });
}

function headerStyle(row: ExcelJS.Row, width: number) {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.alignment = CENTER;
    cell.border = BORDER;
  }
}

/**
 * Two header rows: the groups above, the labels below, with the leading text columns and any
 * group without labels merged over both rows, and each group merged across its columns.
 */
export function twoLevelHeader(ws: ExcelJS.Worksheet, lead: string[], columns: FormColumn<string>[]) {
  const width = lead.length + columns.length;
  const top = ws.addRow([...lead, ...columns.map((c) => c.group)]);
  const bottom = ws.addRow([...lead.map(() => ''), ...columns.map((c) => c.label ?? '')]);
  headerStyle(top, width);
  headerStyle(bottom, width);
  bottom.height = 44;
  for (let i = 1; i <= lead.length; i++) ws.mergeCells(top.number, i, bottom.number, i);
  let i = 0;
  while (i < columns.length) {
    const col = columns[i] as FormColumn<string>;
    let j = i;
    while (j + 1 < columns.length && columns[j + 1]?.group === col.group && col.label && columns[j + 1]?.label) j++;
    const from = lead.length + i + 1;
    const to = lead.length + j + 1;
    if (!col.label) ws.mergeCells(top.number, from, bottom.number, to);
    else if (to > from) ws.mergeCells(top.number, from, top.number, to);
    i = j + 1;
  }
}

/** A figure cell: right-aligned with its number format, or “—” when there is no value. */
function figure(cell: ExcelJS.Cell, value: number | null, kind: ColumnKind) {
  cell.value = value === null ? '—' : value;
  if (value !== null) cell.numFmt = NUMBER_FORMAT[kind];
  cell.alignment = { horizontal: 'right' };
  cell.border = BORDER;
}

/** One row of a form: the leading text cells, then the figures. */
export function figureRow(
  ws: ExcelJS.Worksheet,
  lead: string[],
  values: (number | null)[],
  kinds: ColumnKind[],
  bold = false,
) {
  const row = ws.addRow(lead.map((t) => safeText(t)));
  lead.forEach((_, i) => {
    const cell = row.getCell(i + 1);
    cell.border = BORDER;
    cell.font = { bold };
  });
  values.forEach((v, i) => {
    const cell = row.getCell(lead.length + i + 1);
    figure(cell, v, kinds[i] ?? 'count');
    cell.font = { bold };
  });
  return row;
}

export type ListCell = string | number | null;

/**
 * A plain table (a list under a form): one header row, text and numbers as given. `formats`
 * gives a column's number format (a rate column's `0.0%` over the fraction); a null there is “—”.
 */
export function listTable(
  ws: ExcelJS.Worksheet,
  headers: string[],
  rows: ListCell[][],
  formats: (string | undefined)[] = [],
) {
  const head = ws.addRow(headers);
  headerStyle(head, headers.length);
  for (const values of rows) {
    const shown = values.map((v, i) => (v === null ? (formats[i] ? '—' : '') : safeText(v)));
    const row = ws.addRow(shown);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.border = BORDER;
      const format = formats[i];
      if (format && typeof v === 'number') cell.numFmt = format;
      if (typeof v === 'number' || format) cell.alignment = { horizontal: 'right' };
      else cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
}

/**
 * A whole list sheet: heading, one header row, the rows, footer; printed with the heading and
 * header on every page, its columns as wide as their text (up to `maxWidth`, then wrapped).
 */
export function listSheet(
  book: ExcelJS.Workbook,
  name: string,
  h: FormHeading,
  headers: string[],
  rows: ListCell[][],
  opts: { formats?: (string | undefined)[]; maxWidth?: number } = {},
) {
  const titleRows = headingRows(h) + 1;
  const widths = fitWidths(headers, rows, { max: opts.maxWidth ?? 40 });
  const ws = printableSheet(book, name, { widths, titleRows, frozen: { ySplit: titleRows } });
  heading(ws, h, headers.length);
  listTable(ws, headers, rows, opts.formats);
  footer(ws, headers.length);
  return ws;
}

export function footer(ws: ExcelJS.Worksheet, width: number) {
  ws.addRow([]);
  const half = Math.max(1, Math.floor(width / 2));
  const values: string[] = ['填表人：'];
  values[half] = '审核人：';
  const row = ws.addRow(values);
  ws.mergeCells(row.number, 1, row.number, half);
  if (width > half) ws.mergeCells(row.number, half + 1, row.number, width);
}

/**
 * A whole form sheet: heading, two-level header, 合计 first, one row per region, footer.
 * Rows carry their figures under the columns' keys.
 */
export function formSheet(
  book: ExcelJS.Workbook,
  name: string,
  h: FormHeading,
  columns: FormColumn<string>[],
  total: object,
  rows: { name: string }[],
) {
  const width = 1 + columns.length;
  const titleRows = headingRows(h) + 2;
  // The region names whole; the figures' labels wrap in their two header rows.
  const [lead = 12] = fitWidths(
    ['合计'],
    rows.map((r) => [r.name]),
    { min: 12 },
  );
  const widths = [lead, ...columns.map(() => 11)];
  const ws = printableSheet(book, name, { widths, titleRows, frozen: { xSplit: 1, ySplit: titleRows } });
  heading(ws, h, width);
  twoLevelHeader(ws, ['地区'], columns);
  const kinds = columns.map((c) => c.kind);
  const values = (r: object) => columns.map((c) => cellValue(r, c));
  figureRow(ws, ['合计'], values(total), kinds, true);
  for (const r of rows) figureRow(ws, [r.name], values(r), kinds);
  footer(ws, width);
  return ws;
}
