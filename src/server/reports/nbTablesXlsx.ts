// 年报 table 27, 30 or 43 as the paper form (docs/annual-tables.md §4): 表号 and title, the unit
// line, the date; three header rows (group, label, 栏号 letter) over the columns, a 项目 and
// 行号 column on the left; the region's table; the 负责人 / 填表人 / 报出时间 / 联系电话 footer
// of the 年报 cover. A second sheet holds the same table for each child region, one under the
// other, so a row of the on-screen list can be checked on paper. Both print on A4.
import type ExcelJS from 'exceljs';
import { NB_LAYOUTS, type NbCells, type NbLayout } from '../../domain/reports/nbTables.ts';
import { fitWidths, printableSheet } from '../files/print.ts';
import { safeText } from '../files/write.ts';
import { today } from '../today.ts';
import type { NbReport } from './nbTables.ts';
import { bookBuffer, type FormHeading, heading, headingRows, newBook } from './sheet.ts';

const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;
// Not 9: ExcelJS leaves a column of the default width without a width, and the print check reads it back.
const FIGURE_WIDTH = 10;

export function nbTitle(r: NbReport): string {
  const t = NB_LAYOUTS[r.report];
  return `表${t.number} ${t.zh}`;
}

export function nbNote(r: NbReport): string {
  const asOf = r.partial ? `截至 ${r.asOf}（年度未结束，按当日数据）` : `截至 ${r.asOf}`;
  if (r.report === 'nb43') return `${r.year}年 ${asOf}；统计范围：登记为失联且未处置的在册党员（按党组织所在单位类别）`;
  return `${r.year}年 ${asOf}；统计范围：全部在册法人单位（不设调查口径）`;
}

/** 项目 as printed: the section before the first row of it, indentation for 其中. */
function itemLabel(t: NbLayout, i: number): string {
  const r = t.rows[i] as NbLayout['rows'][number];
  const prev = t.rows[i - 1];
  const opens = r.section && prev?.section?.zh !== r.section.zh;
  const pad = '　'.repeat(r.indent);
  return opens ? `${r.section?.zh}：${r.zh}` : `${pad}${r.zh}`;
}

function styleHeader(row: ExcelJS.Row, width: number) {
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.alignment = CENTER;
    cell.border = BORDER;
  }
}

/** Group row, label row and 栏号 row; a column without a group spans the first two. */
function header(ws: ExcelJS.Worksheet, t: NbLayout, lead: string[]) {
  const width = lead.length + t.columns.length;
  const top = ws.addRow([...lead, ...t.columns.map((c) => c.group?.zh ?? c.zh)]);
  const mid = ws.addRow([...lead.map(() => ''), ...t.columns.map((c) => (c.group ? c.zh : ''))]);
  const letters = ws.addRow([...lead.map(() => '栏号'), ...t.columns.map((c) => c.letter)]);
  for (const r of [top, mid, letters]) styleHeader(r, width);
  mid.height = 58;
  for (let i = 1; i <= lead.length; i++) ws.mergeCells(top.number, i, mid.number, i);
  if (lead.length > 1) ws.mergeCells(letters.number, 1, letters.number, lead.length);
  let i = 0;
  while (i < t.columns.length) {
    const col = t.columns[i] as NbLayout['columns'][number];
    let j = i;
    while (col.group && t.columns[j + 1]?.group?.zh === col.group.zh) j++;
    const from = lead.length + i + 1;
    const to = lead.length + j + 1;
    if (!col.group) ws.mergeCells(top.number, from, mid.number, from);
    else if (to > from) ws.mergeCells(top.number, from, top.number, to);
    i = j + 1;
  }
}

function body(ws: ExcelJS.Worksheet, t: NbLayout, cells: NbCells, lead: string[] = []) {
  t.rows.forEach((r, i) => {
    const row = ws.addRow([
      ...lead,
      safeText(itemLabel(t, i)),
      r.no,
      ...t.columns.map((c) => cells[`${c.letter}${r.no}`] ?? 0),
    ]);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cell.border = BORDER;
      if (c > lead.length + 1) {
        cell.alignment = { horizontal: c === lead.length + 2 ? 'center' : 'right' };
        if (c > lead.length + 2) cell.numFmt = '0';
      }
    });
  });
}

/** 负责人 / 填表人 / 报出时间 / 联系电话, as on the 年报 cover. */
function footer(ws: ExcelJS.Worksheet, width: number, filledOn: string) {
  ws.addRow([]);
  const quarter = Math.max(1, Math.floor(width / 4));
  const values: string[] = [];
  values[0] = '单位负责人：';
  values[quarter] = '填表人：';
  values[quarter * 2] = `报出时间：${filledOn}`;
  values[quarter * 3] = '联系电话：';
  const row = ws.addRow(values);
  for (let k = 0; k < 4; k++) {
    const from = k * quarter + 1;
    const to = k === 3 ? width : (k + 1) * quarter;
    if (to > from) ws.mergeCells(row.number, from, row.number, to);
  }
}

function labelWidth(t: NbLayout): number {
  const [w = 20] = fitWidths(
    ['项目'],
    t.rows.map((_, i) => [itemLabel(t, i)]),
    { min: 20, max: 40 },
  );
  return w;
}

export async function nbWorkbook(report: NbReport, filledOn: string = today()): Promise<Buffer> {
  const t = NB_LAYOUTS[report.report];
  const book = newBook();
  const h: FormHeading = { title: nbTitle(report), unit: report.name, filledOn, note: nbNote(report) };
  const titleRows = headingRows(h) + 3;
  const figures = t.columns.map(() => FIGURE_WIDTH);

  const form = printableSheet(book, `表${t.number}`, {
    widths: [labelWidth(t), 6, ...figures],
    titleRows,
    frozen: { xSplit: 2, ySplit: titleRows },
  });
  heading(form, h, 2 + t.columns.length);
  header(form, t, ['项目', '行号']);
  body(form, t, report.total);
  footer(form, 2 + t.columns.length, filledOn);

  const [regionWidth = 12] = fitWidths(
    ['地区'],
    report.rows.map((r) => [r.name]),
    { min: 12, max: 40 },
  );
  const byRegion = printableSheet(book, '按地区', {
    widths: [regionWidth, labelWidth(t), 6, ...figures],
    titleRows,
    frozen: { xSplit: 3, ySplit: titleRows },
  });
  heading(byRegion, { ...h, title: `${nbTitle(report)}（按地区）` }, 3 + t.columns.length);
  header(byRegion, t, ['地区', '项目', '行号']);
  for (const r of report.rows) body(byRegion, t, r.cells, [safeText(r.name)]);
  footer(byRegion, 3 + t.columns.length, filledOn);
  return bookBuffer(book);
}
