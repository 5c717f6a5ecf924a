// Spreadsheet cells arrive as whatever the reader produced: strings from CSV; strings,
// numbers, booleans, Dates and objects (rich text, hyperlinks, formulas, error values)
// from ExcelJS. Everything downstream works on this one resolved shape instead.

/** A cell reduced to one primitive. Strings are trimmed and never empty. */
export type Cell =
  | { type: 'empty' }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'date'; value: Date }
  /** The cell cannot be read; `message` explains why, without the column header. */
  | { type: 'invalid'; message: string };

// Formula results and hyperlink texts nest (a hyperlink's text can be rich text); a bound
// keeps a pathological object from recursing without end.
const MAX_DEPTH = 4;

// PostgreSQL text cannot hold NUL, and other control characters are invisible in every UI;
// tab and line breaks (Alt+Enter in Excel) are ordinary whitespace.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const EMPTY: Cell = { type: 'empty' };

// Exports start text that looks like a formula with an apostrophe (safeText in
// src/server/files/write.ts): the error report and the ledger export do, and both are meant to
// be corrected and imported again. The apostrophe guards the cell; it is not part of the value.
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;

export function resolveCell(raw: unknown): Cell {
  return resolve(raw, 0);
}

function resolve(raw: unknown, depth: number): Cell {
  if (raw === null || raw === undefined) return EMPTY;
  switch (typeof raw) {
    case 'string':
      return fromString(raw);
    case 'number':
      return Number.isFinite(raw)
        ? { type: 'number', value: raw }
        : { type: 'invalid', message: '单元格不是有效的数值' };
    case 'boolean':
      return { type: 'boolean', value: raw };
    case 'object':
      return depth >= MAX_DEPTH ? unreadable() : fromObject(raw, depth);
    default:
      // bigint, symbol, function: no spreadsheet reader produces these.
      return unreadable();
  }
}

function fromString(s: string): Cell {
  // String.prototype.trim also removes U+3000 (ideographic space), NBSP and a stray BOM.
  const value = s.trim().replace(FORMULA_GUARD, '').trim();
  if (value === '') return EMPTY;
  if (CONTROL.test(value)) return { type: 'invalid', message: '单元格含有不可见的控制字符，请删除后重新填写' };
  return { type: 'string', value };
}

function fromObject(o: object, depth: number): Cell {
  if (o instanceof Date) {
    return Number.isNaN(o.getTime()) ? { type: 'invalid', message: '单元格中的日期无效' } : { type: 'date', value: o };
  }
  if (Array.isArray(o)) return unreadable();
  const r = o as Record<string, unknown>;
  // ExcelJS: { error: '#N/A' }
  if (typeof r.error === 'string') return { type: 'invalid', message: `单元格为 Excel 错误值 ${r.error}` };
  // ExcelJS: { richText: [{ text, font }, …] }
  if (Array.isArray(r.richText)) {
    const parts = r.richText.map((run) =>
      run !== null && typeof run === 'object' ? (run as { text?: unknown }).text : '',
    );
    return parts.every((p) => typeof p === 'string') ? fromString(parts.join('')) : unreadable();
  }
  // ExcelJS: { formula | sharedFormula, result }. A formula without a cached result was saved by
  // a program that does not calculate (some exporters); we cannot evaluate it.
  if ('formula' in r || 'sharedFormula' in r) {
    if (r.result === undefined || r.result === null) {
      return { type: 'invalid', message: '单元格是公式但没有计算结果，请在 Excel 中重新计算并保存后再导入' };
    }
    return resolve(r.result, depth + 1);
  }
  // ExcelJS: { text, hyperlink } — the text shown, not the link target.
  if ('text' in r) return resolve(r.text, depth + 1);
  return unreadable();
}

function unreadable(): Cell {
  return { type: 'invalid', message: '无法识别单元格内容，请改为直接填写文字或数字' };
}

/** The text of a readable cell, as a user would read it; dates as YYYY-MM-DD (their UTC date, as ExcelJS means it). */
export function cellText(cell: Cell): string {
  switch (cell.type) {
    case 'string':
      return cell.value;
    case 'number':
      return String(cell.value);
    case 'boolean':
      return cell.value ? '是' : '否';
    case 'date':
      return cell.value.toISOString().slice(0, 10);
    default:
      return '';
  }
}
