/**
 * How every report and list workbook prints: on A4 as the paper form — portrait when its columns
 * fit across the sheet, landscape when they do not, scaled to the page's width (as many pages
 * down as it takes), with the title and header rows repeated on each page and the page number
 * in the footer.
 *
 * The page setup goes in when the sheet is added: ExcelJS's streaming writer writes the sheet's
 * `fitToPage` flag with its first bytes, so setting it later would be lost.
 */
import type ExcelJS from 'exceljs';

/** Inches. Narrower than Excel's default (0.7) so that a form's columns keep their width. */
export const PRINT_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** The paper size code of A4 in SpreadsheetML. */
export const A4 = 9;
const A4_INCHES = { short: 8.27, long: 11.69 };
/** Excel's column width is in characters of the default font: about 7 px each plus 5 px padding, at 96 px an inch. */
const columnPixels = (width: number) => Math.trunc(width * 7 + 5);

export type Orientation = 'portrait' | 'landscape';

/** Portrait when the columns fit across A4 portrait inside the margins, else landscape. */
export function orientationFor(widths: readonly number[]): Orientation {
  const printable = (A4_INCHES.short - PRINT_MARGINS.left - PRINT_MARGINS.right) * 96;
  const total = widths.reduce((sum, w) => sum + columnPixels(w), 0);
  return total <= printable ? 'portrait' : 'landscape';
}

/** Columns a text needs in the default font: a Chinese character (or any wide one) takes two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return width;
}

/**
 * Column widths that show each column's text whole: the widest of its header and values plus a
 * margin, at least `min`, at most `max` (a longer text, such as a list of reasons, wraps).
 */
export function fitWidths(
  headers: readonly string[],
  rows: Iterable<readonly unknown[]>,
  { min = 8, max = 60 }: { min?: number; max?: number } = {},
): number[] {
  const widths = headers.map((h) => textWidth(h));
  for (const row of rows) {
    row.forEach((v, i) => {
      if (i >= widths.length || v === null || v === undefined) return;
      const w = textWidth(typeof v === 'number' ? v.toLocaleString('en-US') : String(v));
      if (w > (widths[i] ?? 0)) widths[i] = w;
    });
  }
  return widths.map((w) => Math.min(max, Math.max(min, w + 2)));
}

export interface PrintLayout {
  /** Every column's width, left to right. */
  widths: readonly number[];
  /** The rows repeated at the top of every printed page: 1 to this (title, unit line, headers). */
  titleRows: number;
  /** Frozen panes on screen: columns left of and rows above the split. */
  frozen?: { xSplit?: number; ySplit?: number };
}

/** The options of `addWorksheet` that make a sheet print as the paper form. */
export function printOptions(layout: PrintLayout): Partial<ExcelJS.AddWorksheetOptions> {
  const { frozen } = layout;
  return {
    ...(frozen ? { views: [{ state: 'frozen', xSplit: frozen.xSplit ?? 0, ySplit: frozen.ySplit ?? 0 }] } : {}),
    pageSetup: {
      paperSize: A4,
      orientation: orientationFor(layout.widths),
      fitToPage: true,
      fitToWidth: 1,
      // 0: as many pages down as the rows need.
      fitToHeight: 0,
      horizontalCentered: true,
      margins: PRINT_MARGINS,
      printTitlesRow: `1:${layout.titleRows}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  };
}

type Book = Pick<ExcelJS.Workbook, 'addWorksheet'>;

/** A sheet of a workbook (in memory or streamed) set up to print as the paper form, its columns at `widths`. */
export function printableSheet(book: Book, name: string, layout: PrintLayout): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name, printOptions(layout));
  ws.columns = layout.widths.map((width) => ({ width }));
  return ws;
}
