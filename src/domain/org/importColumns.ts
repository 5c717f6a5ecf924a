import type { Choice } from '../enterprise/codes.ts';
import { type HeaderMapping, matchHeader, normalizeHeader } from '../enterprise/columns.ts';
import type { RowIssue } from '../enterprise/input.ts';
import { duplicateColumnMessage, unknownColumnMessage } from '../enterprise/messages.ts';

/** The hint of a date column: the spellings a date cell is read in (enterprise/date.ts). */
export const DATE_HINT = '如 2019-03-01、2019/3/1、2019年3月1日，或 Excel 日期';

export interface ImportColumnDef<K extends string> {
  readonly key: K;
  /** The zh-CN header, as in the template and in every message about this column. */
  readonly header: string;
  readonly required: boolean;
  /** A short zh-CN note for the template's 填写说明 sheet. */
  readonly hint: string;
  /** For coded columns: the allowed values (the template's drop-down list) and their codes. */
  readonly choices?: readonly Choice<string | boolean>[];
  /** Other headers found in real ledgers; accepted on import, never written in the template. */
  readonly aliases?: readonly string[];
}

export interface ImportHeaderMapping<K extends string> extends HeaderMapping<K> {
  /** Missing and repeated columns, in Chinese; any of them means no row can be read. */
  errors: RowIssue[];
  /** Ignored columns, in Chinese. */
  warnings: RowIssue[];
}

export interface MapHeaderOptions {
  /** The header's row number as the user sees it (1 unless the sheet has a title row). */
  headerRow?: number;
}

/** Missing required columns, e.g. “表头缺少必填列：党组织名称、成立日期（表头须在第 1 行）”. */
export function missingColumnsText(headers: readonly string[]): string {
  return `表头缺少必填列：${headers.join('、')}（表头须在第 1 行）`;
}

/**
 * A lookup from normalised header text (header, aliases and the English key) to the column.
 * A Map, never a plain object: header text is data from the file, so “__proto__” is just
 * another unknown column. Throws when two columns would share a spelling (a programming error).
 */
export function headerLookup<K extends string>(defs: readonly ImportColumnDef<K>[]): Map<string, K> {
  const lookup = new Map<string, K>();
  for (const c of defs) {
    for (const spelling of [c.header, c.key, ...(c.aliases ?? [])]) {
      const normalized = normalizeHeader(spelling);
      const other = lookup.get(normalized);
      if (other !== undefined && other !== c.key) {
        throw new Error(`header “${spelling}” would match both ${other} and ${c.key}`);
      }
      lookup.set(normalized, c.key);
    }
  }
  return lookup;
}

/**
 * Matches a header row to the columns. Indexes are those of `headerCells` as given; the
 * messages count columns from 1 for index 0 (Column A first, as the server's `readRows` gives
 * cells). Empty header cells are skipped: a blank column is not worth a warning.
 */
export function mapColumns<K extends string>(
  defs: readonly ImportColumnDef<K>[],
  lookup: ReadonlyMap<string, K>,
  headerCells: readonly unknown[],
  { headerRow = 1 }: MapHeaderOptions = {},
): ImportHeaderMapping<K> {
  const { columns, unknown, missing, duplicates } = matchHeader(defs, lookup, headerCells);
  const headerOf = (key: K) => (defs.find((c) => c.key === key) as ImportColumnDef<K>).header;

  const errors: RowIssue[] = [];
  for (const d of duplicates) {
    errors.push({
      row: headerRow,
      column: d.header,
      message: duplicateColumnMessage(
        d.header,
        d.indexes.map((i) => i + 1),
      ),
    });
  }
  if (missing.length > 0) {
    const headers = missing.map(headerOf);
    errors.push({ row: headerRow, column: headers.join('、'), message: missingColumnsText(headers) });
  }
  const warnings = unknown.map((u) => ({
    row: headerRow,
    column: u.header,
    message: unknownColumnMessage(u.header, u.index + 1),
  }));
  return { columns, unknown, missing, duplicates, errors, warnings };
}

/** One data row as the cells of each known column, ready for the row parser. */
export function pickCells<K extends string>(
  columns: ReadonlyMap<number, K>,
  values: readonly unknown[],
): Map<K, unknown> {
  const cells = new Map<K, unknown>();
  for (const [index, key] of columns) cells.set(key, values[index]);
  return cells;
}

/**
 * What a file's column list gives its parser and its error reports: a column by key, its zh-CN
 * header, the header row matched to the columns (by header text, an alias or the English key,
 * ignoring width, spaces and required marks; missing required and repeated columns as `errors`,
 * unknown ones as `warnings`), and a data row as the cells of each known column.
 */
export function importColumnSet<K extends string>(defs: readonly ImportColumnDef<K>[]) {
  const byKey = new Map(defs.map((c) => [c.key, c]));
  const lookup = headerLookup(defs);
  const columnOf = (key: K) => byKey.get(key) as ImportColumnDef<K>;
  return {
    columnOf,
    headerOf: (key: K): string => columnOf(key).header,
    mapHeader: (headerCells: readonly unknown[], options?: MapHeaderOptions): ImportHeaderMapping<K> =>
      mapColumns(defs, lookup, headerCells, options),
    rowCells: (columns: ReadonlyMap<number, K>, values: readonly unknown[]): Map<K, unknown> =>
      pickCells(columns, values),
  };
}
