/** One non-empty row of an uploaded sheet. */
export interface SheetRow {
  /** 1-based, as the spreadsheet shows it: the header is row 1, and skipped empty rows still count. */
  rowNumber: number;
  /**
   * Column A first. From a csv every cell is a string (`''` when empty). From an xlsx (xlsx.ts):
   * a string (shared, inline or formula text; rich text as its runs' text joined, phonetic runs
   * left out; a hyperlink as its text), a number, a boolean, a Date (a number whose cell style
   * has a date format, at UTC as ExcelJS gives it), `{ error }` for an error value such as
   * `#N/A`, or `{ formula, result }` for a formula, `result` typed as above and absent when the
   * file holds no calculated value; a missing cell is `null`. Trailing empty cells are removed.
   */
  cells: unknown[];
}

/**
 * Empty for the purpose of skipping rows: nothing, whitespace, or an object whose text is that
 * (also the objects ExcelJS's own reader gives, rich text and hyperlinks, so that any value can be judged).
 */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value !== 'object' || value instanceof Date) return false;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return o.richText.every((run) => isBlankCell((run as { text?: unknown } | null)?.text));
  }
  if (Object.hasOwn(o, 'formula') || Object.hasOwn(o, 'sharedFormula')) return isBlankCell(o.result);
  if (Object.hasOwn(o, 'hyperlink')) return isBlankCell(o.text);
  return false;
}

/** Drops trailing empty cells in place; a row left with no cells was empty. */
export function trimTrailingBlanks(cells: unknown[]): unknown[] {
  let end = cells.length;
  while (end > 0 && isBlankCell(cells[end - 1])) end--;
  cells.length = end;
  return cells;
}
