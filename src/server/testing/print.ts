// What a written workbook says about printing, read back from the file as Excel reads it:
// each sheet's page setup, its repeated title rows and whether its texts fit their columns.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { A4, orientationFor, PRINT_MARGINS, textWidth } from '../files/print.ts';

/** Beyond this width a column wraps its text rather than growing (files/print.ts fitWidths' caps). */
const WRAPPING_WIDTH = 40;

export async function loadBook(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/**
 * Every sheet of the file prints as the paper form: A4, oriented by its width, one page wide,
 * the given title rows (by sheet name) repeated on every page, the margins, and every text below
 * the titles as wide as its column or wrapping in a wide one.
 */
export async function expectPrintsAsForm(bytes: Uint8Array | Buffer, titleRows: Record<string, number>) {
  const book = await loadBook(bytes);
  expect(book.worksheets.map((ws) => ws.name).sort()).toEqual(Object.keys(titleRows).sort());
  for (const ws of book.worksheets) {
    const widths = (ws.columns ?? []).map((c) => c.width ?? 0);
    const setup = ws.pageSetup;
    expect(setup.paperSize, ws.name).toBe(A4);
    expect(setup.orientation, ws.name).toBe(orientationFor(widths));
    expect(setup.fitToPage, ws.name).toBe(true);
    expect(setup.fitToWidth, ws.name).toBe(1);
    expect(setup.fitToHeight, ws.name).toBe(0);
    expect(setup.margins, ws.name).toMatchObject({ left: PRINT_MARGINS.left, right: PRINT_MARGINS.right });
    expect(setup.printTitlesRow, ws.name).toBe(`1:${titleRows[ws.name]}`);
    ws.eachRow((row, r) => {
      if (r <= (titleRows[ws.name] ?? 0)) return;
      row.eachCell((cell, c) => {
        if (typeof cell.value !== 'string' || cell.isMerged) return;
        const width = widths[c - 1] ?? 0;
        if (width < WRAPPING_WIDTH)
          expect(textWidth(cell.value), `${ws.name}!${cell.address}`).toBeLessThanOrEqual(width);
      });
    });
  }
  return book;
}
