// Messages for the checks that need more than one row or the database — the header, the
// whole file, the region table, the user's data scope — so that the server words them the
// same way as the row checks: column header, value, rule.
import { type ColumnKey, headerOf } from './columns.ts';

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(columnNumber: number): string {
  if (!Number.isInteger(columnNumber) || columnNumber < 1) throw new RangeError(`no column ${columnNumber}`);
  let n = columnNumber;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function at(columnNumber: number): string {
  return `第 ${columnNumber} 列（${columnLetter(columnNumber)} 列）`;
}

/** The region-table check the row parser cannot make (it checks the format only). */
export function regionNotFoundMessage(code: string): string {
  return `${headerOf('regionCode')}“${code}”不存在，请核对是否为现行的统计用区划代码`;
}

export function regionOutOfScopeMessage(code: string): string {
  return `${headerOf('regionCode')}“${code}”不在您的数据范围内，不能导入该地区的企业`;
}

/** Two rows with one key: the batch fails, naming every row (spec § Semantics). */
export function duplicateUsccMessage(uscc: string, rowNumbers: readonly number[]): string {
  const rows = rowNumbers.map((r) => `第 ${r} 行`).join('、');
  return `${headerOf('uscc')}“${uscc}”在文件中重复出现（${rows}），同一企业只能占一行`;
}

export function missingColumnsMessage(keys: readonly ColumnKey[]): string {
  return `表头缺少必填列：${keys.map(headerOf).join('、')}（表头须在第 1 行）`;
}

/** `columnNumbers` are 1-based, as Excel counts. */
export function duplicateColumnMessage(header: string, columnNumbers: readonly number[]): string {
  return `列“${header}”在表头中重复出现（${columnNumbers.map(at).join('、')}），请只保留一列`;
}

/** `columnNumber` is 1-based, as Excel counts. */
export function unknownColumnMessage(header: string, columnNumber: number): string {
  return `无法识别${at(columnNumber)}“${header}”，该列已忽略`;
}

export const NO_DATA_ROWS_MESSAGE = '文件中没有数据行：第 1 行为表头，其后至少需要一行企业数据';
