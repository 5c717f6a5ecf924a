// What the organization and member row parsers share: reading each cell of a row in turn,
// collecting every error of the row (so a user fixes a file in one pass), and the cell
// parsers that are not already in src/domain/enterprise.
import type { Cell } from '../enterprise/cell.ts';
import { cellText, resolveCell } from '../enterprise/cell.ts';
import { parseChoice } from '../enterprise/choice.ts';
import type { Choice } from '../enterprise/codes.ts';
import { parseDateCell } from '../enterprise/date.ts';
import type { RowIssue } from '../enterprise/input.ts';
import type { Parsed } from '../enterprise/parsed.ts';
import { charLength } from '../enterprise/text.ts';
import { validateUscc } from '../uscc.ts';
import type { ImportColumnDef } from './importColumns.ts';

export type { RowIssue } from '../enterprise/input.ts';

/**
 * One row read: the value, or every error. The same fields as the enterprise `RowResult`
 * (`value` present exactly when `errors` is empty), with `ok` to narrow on.
 */
export type ImportRowResult<T> =
  | { ok: true; value: T; errors: []; warnings: RowIssue[] }
  | { ok: false; value?: undefined; errors: RowIssue[]; warnings: RowIssue[] };

export type CellParser<T> = (cell: Cell, header: string) => Parsed<T>;

export interface RowReader<K extends string> {
  /** The zh-CN header of a column. */
  header(key: K): string;
  /**
   * The cell of `key` parsed: null when empty (and the column optional); undefined when an
   * error has been recorded (an empty required cell, an unreadable cell, a broken rule).
   */
  read<T>(key: K, parse: CellParser<T>): T | null | undefined;
  error(key: K, message: string): void;
  warn(key: K, message: string): void;
  /** The result: `build()` is called only when the row has no error. */
  finish<T>(build: () => T): ImportRowResult<T>;
}

export function rowReader<K extends string>(
  defs: readonly ImportColumnDef<K>[],
  cells: ReadonlyMap<K, unknown>,
  rowNumber: number,
): RowReader<K> {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const def = (key: K) => defs.find((c) => c.key === key) as ImportColumnDef<K>;
  const header = (key: K) => def(key).header;
  const issue = (key: K, message: string): RowIssue => ({ row: rowNumber, column: header(key), message });
  return {
    header,
    read<T>(key: K, parse: CellParser<T>): T | null | undefined {
      const h = header(key);
      const cell = resolveCell(cells.get(key));
      if (cell.type === 'empty') {
        if (!def(key).required) return null;
        errors.push(issue(key, `请填写${h}（必填项）`));
        return undefined;
      }
      if (cell.type === 'invalid') {
        errors.push(issue(key, `${h}：${cell.message}`));
        return undefined;
      }
      const r = parse(cell, h);
      if (!r.ok) {
        errors.push(issue(key, r.message));
        return undefined;
      }
      return r.value;
    },
    error(key, message) {
      errors.push(issue(key, message));
    },
    warn(key, message) {
      warnings.push(issue(key, message));
    },
    finish<T>(build: () => T): ImportRowResult<T> {
      if (errors.length > 0) return { ok: false, errors, warnings };
      return { ok: true, value: build(), errors: [], warnings };
    },
  };
}

/** Free text normalised by `normalize`, at most `max` characters (as users count them). */
export function textParser(normalize: (s: string) => string, max: number): CellParser<string> {
  return (cell, header) => {
    const value = normalize(cellText(cell));
    const n = charLength(value);
    if (n > max) return { ok: false, message: `${header}不能超过 ${max} 个字，当前为 ${n} 个字` };
    return { ok: true, value };
  };
}

export function choiceParser<C extends string | boolean>(choices: readonly Choice<C>[]): CellParser<C> {
  return (cell, header) => parseChoice(cell, header, choices);
}

/** A date that has happened: not after `today` (nor before 1900). */
export function pastDateParser(today: Date): CellParser<string> {
  return (cell, header) => parseDateCell(cell, header, today);
}

// The last date `parseDateCell` can return; “today” for dates that may lie ahead (a term's end).
const LATEST_TEXT = '9999-12-31';
const LATEST = new Date(9999, 11, 31, 12);

/** A date that may lie in the future (a term's end): the same spellings and bounds otherwise. */
export const anyDateParser: CellParser<string> = (cell, header) => {
  const r = parseDateCell(cell, header, LATEST);
  if (r.ok) return r;
  return { ok: false, message: r.message.replace(`晚于今天（${LATEST_TEXT}）`, `晚于 ${LATEST_TEXT}`) };
};

/** The refusal of a numeric cell in a column of codes longer than a double's 15 digits. */
export function numericCodeMessage(header: string): string {
  return `${header}被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写`;
}

/**
 * One USCC in a column other than 统一社会信用代码: the checker's message, prefixed with the
 * column so that “工作单位信用代码：统一社会信用代码校验码错误…” says where the code was.
 */
export const usccParser: CellParser<string> = (cell, header) => {
  if (cell.type === 'number') return { ok: false, message: numericCodeMessage(header) };
  const r = validateUscc(cellText(cell));
  return r.ok ? r : { ok: false, message: `${header}：${r.message}` };
};
