/**
 * What every export writes through: ExcelJS's streaming writer, and text that cannot turn into a
 * formula.
 *
 * ExcelJS writes a string as a string, so Excel shows `=1+1` as text. But users re-save exports
 * as CSV, paste them, open them in other programs: there a cell starting with `=`, `+`, `-` or
 * `@` (or a tab or carriage return, which some programs skip before looking) runs as a formula
 * (CSV/formula injection). OWASP's advice is to start such text with a single quote.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that starts like a formula gets a leading `'`; anything else, numbers included (a negative
 * number stays a number), is returned unchanged.
 */
export function safeText(value: string): string;
export function safeText<T>(value: T): T | string;
export function safeText(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** `safeText` over a row of values, for `worksheet.addRow(safeRow([...]))`. */
export function safeRow(values: readonly unknown[]): unknown[] {
  return values.map((v) => safeText(v));
}

/**
 * The inverse of `safeText`, for reading back a file we exported: a leading `'` before a
 * formula-like start is removed. Other text is unchanged.
 */
export function restoreSafeText(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * A streaming workbook writing to `out`: inline strings (no shared strings table to hold in
 * memory), styles on (for the frozen header, widths, number and date formats). Commit each row
 * (`row.commit()`) or worksheet as it is written and `await book.commit()` at the end.
 */
export function createXlsxStream(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
}
