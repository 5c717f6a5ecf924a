// What the three row parsers (enterprises, organizations, members) share: reading each cell of
// a row in turn and collecting every error of the row, so a user fixes a file in one pass.
import type { Cell } from './cell.ts';
import { resolveCell } from './cell.ts';
import type { RowIssue } from './input.ts';
import type { Parsed } from './parsed.ts';

export type CellParser<T> = (cell: Cell, header: string) => Parsed<T>;

/** What the reader needs of a column: its zh-CN header and whether an empty cell is an error. */
export interface RowColumn<K extends string> {
  readonly key: K;
  readonly header: string;
  readonly required: boolean;
}

export interface ParseRowOptions {
  /** What “in the future” is measured against; defaults to now (the server runs on 北京时间). */
  today?: Date;
}

/**
 * One row read: the value, or every error. `value` is present exactly when `errors` is empty,
 * with `ok` to narrow on.
 */
export type ImportRowResult<T> =
  | { ok: true; value: T; errors: []; warnings: RowIssue[] }
  | { ok: false; value?: undefined; errors: RowIssue[]; warnings: RowIssue[] };

/** The cells of a row as `read` gives them: null when empty, undefined when an error was recorded. */
export type ReadCells<P> = { [K in keyof P]: (P[K] extends CellParser<infer T> ? T : never) | null | undefined };

/** The cells `readAll` gave once the row has no error: none is undefined, an empty one is null. */
export type ReadValues<C> = { [K in keyof C]: Exclude<C[K], undefined> };

export interface RowReader<K extends string> {
  /** What “in the future” is measured against for this row. */
  readonly today: Date;
  /** The zh-CN header of a column. */
  header(key: K): string;
  /**
   * The cell of `key` parsed: null when empty (and the column optional); undefined when an
   * error has been recorded (an empty required cell, an unreadable cell, a broken rule).
   */
  read<T>(key: K, parse: CellParser<T>): T | null | undefined;
  /** `read` of each column of `parsers`, in the order given (the order its errors are listed in). */
  readAll<P extends { [C in K]?: CellParser<unknown> }>(parsers: P): ReadCells<P>;
  error(key: K, message: string): void;
  warn(key: K, message: string): void;
  /** The result: `build()` is called only when the row has no error. */
  finish<T>(build: () => T): ImportRowResult<T>;
  /** `finish`, building from the cells `readAll` gave, which then hold no undefined. */
  finishAll<C, T>(cells: C, build: (values: ReadValues<C>) => T): ImportRowResult<T>;
}

export function rowReader<K extends string>(
  columns: readonly RowColumn<K>[],
  cells: ReadonlyMap<K, unknown>,
  rowNumber: number,
  options: ParseRowOptions = {},
): RowReader<K> {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const column = (key: K) => columns.find((c) => c.key === key) as RowColumn<K>;
  const header = (key: K) => column(key).header;
  const issue = (key: K, message: string): RowIssue => ({ row: rowNumber, column: header(key), message });
  function read<T>(key: K, parse: CellParser<T>): T | null | undefined {
    const h = header(key);
    const cell = resolveCell(cells.get(key));
    if (cell.type === 'empty') {
      if (!column(key).required) return null;
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
  }
  function finish<T>(build: () => T): ImportRowResult<T> {
    if (errors.length > 0) return { ok: false, errors, warnings };
    return { ok: true, value: build(), errors: [], warnings };
  }
  return {
    today: options.today ?? new Date(),
    header,
    read,
    readAll<P extends { [C in K]?: CellParser<unknown> }>(parsers: P): ReadCells<P> {
      const values: Record<string, unknown> = {};
      for (const [key, parse] of Object.entries(parsers) as [K, CellParser<unknown>][]) values[key] = read(key, parse);
      return values as ReadCells<P>;
    },
    error(key, message) {
      errors.push(issue(key, message));
    },
    warn(key, message) {
      warnings.push(issue(key, message));
    },
    finish,
    finishAll<C, T>(cells: C, build: (values: ReadValues<C>) => T): ImportRowResult<T> {
      // A cell is undefined only where its error was recorded.
      return finish(() => build(cells as ReadValues<C>));
    },
  };
}
