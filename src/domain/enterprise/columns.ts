// The columns of the enterprise import file (shared/formats/enterprise-import.md), in the
// spec's order — which is also the order of the downloadable template — and how a header
// row is matched to them.
import { toHalfWidth } from '../fullwidth.ts';
import { cellText, resolveCell } from './cell.ts';
import {
  type Choice,
  ENTERPRISE_KINDS,
  FORMATIONS,
  INTERMEDIARY_KINDS,
  OWNERSHIPS,
  POLITICAL_STATUSES,
  REGISTRATION_STATUSES,
  YES_NO,
} from './codes.ts';

export const COLUMN_KEYS = [
  'uscc',
  'name',
  'kind',
  'regionCode',
  'industryCode',
  'employees',
  'memberCount',
  'fullMemberCount',
  'ownerName',
  'ownerPoliticalStatus',
  'aboveScale',
  'cluster',
  'foundedOn',
  'registrationStatus',
  'phone',
  'reportedHasOrg',
  'reportedFormation',
  'hasUnion',
  'hasLeague',
  'legalPerson',
  'staffOnPost',
  'ownership',
  'intermediaryKind',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnDef {
  readonly key: ColumnKey;
  /** The zh-CN header, as in the template and in every message about this column. */
  readonly header: string;
  readonly required: boolean;
  /** For coded columns: the allowed values (the template's drop-down list) and their codes. */
  readonly choices?: readonly Choice<string | boolean>[];
}

export const ENTERPRISE_COLUMNS: readonly ColumnDef[] = [
  { key: 'uscc', header: '统一社会信用代码', required: true },
  { key: 'name', header: '企业名称', required: true },
  { key: 'kind', header: '市场主体类型', required: true, choices: ENTERPRISE_KINDS },
  { key: 'regionCode', header: '行政区划代码', required: true },
  { key: 'industryCode', header: '行业代码', required: false },
  { key: 'employees', header: '从业人员数', required: true },
  { key: 'memberCount', header: '党员数', required: true },
  { key: 'fullMemberCount', header: '正式党员数', required: false },
  { key: 'ownerName', header: '负责人姓名', required: false },
  { key: 'ownerPoliticalStatus', header: '负责人政治面貌', required: false, choices: POLITICAL_STATUSES },
  { key: 'aboveScale', header: '是否规模以上', required: false, choices: YES_NO },
  { key: 'cluster', header: '所在园区楼宇市场', required: false },
  { key: 'foundedOn', header: '成立日期', required: false },
  { key: 'registrationStatus', header: '登记状态', required: false, choices: REGISTRATION_STATUSES },
  { key: 'phone', header: '联系电话', required: false },
  { key: 'reportedHasOrg', header: '是否建立党组织', required: false, choices: YES_NO },
  { key: 'reportedFormation', header: '党组织组建形式', required: false, choices: FORMATIONS },
  { key: 'hasUnion', header: '是否建立工会', required: false, choices: YES_NO },
  { key: 'hasLeague', header: '是否建立团组织', required: false, choices: YES_NO },
  { key: 'legalPerson', header: '是否法人单位', required: false, choices: YES_NO },
  { key: 'staffOnPost', header: '在岗职工数', required: false },
  { key: 'ownership', header: '资本构成', required: false, choices: OWNERSHIPS },
  { key: 'intermediaryKind', header: '中介组织类型', required: false, choices: INTERMEDIARY_KINDS },
];

const BY_KEY = new Map(ENTERPRISE_COLUMNS.map((c) => [c.key, c]));

export function columnOf(key: ColumnKey): ColumnDef {
  return BY_KEY.get(key) as ColumnDef;
}

/** The zh-CN header of a column: what error reports name. */
export function headerOf(key: ColumnKey): string {
  return columnOf(key).header;
}

/**
 * A header cell as compared: half-width, without any whitespace (“企业 名称”, “ 党员数　”),
 * lower-cased (for the English keys), and without the marks templates use for required
 * columns (“*企业名称”, “企业名称(必填)”).
 */
export function normalizeHeader(text: string): string {
  const compact = trimStars(toHalfWidth(text).replace(/\s+/g, ''));
  return trimStars(compact.replace(/\((?:必填|选填)\)$/, '')).toLowerCase();
}

/** Without leading and trailing `*`; a loop, as `/\*+$/` may backtrack over a long run of them. */
function trimStars(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === '*') start++;
  while (end > start && s[end - 1] === '*') end--;
  return s.slice(start, end);
}

// Header text is data from the file: a Map, never a plain object, so “__proto__” or
// “constructor” in a header is just another unknown column.
const BY_HEADER = new Map<string, ColumnKey>();
for (const c of ENTERPRISE_COLUMNS) {
  BY_HEADER.set(normalizeHeader(c.header), c.key);
  // The English key too, for files produced by scripts or exported with codes.
  BY_HEADER.set(normalizeHeader(c.key), c.key);
}

export interface HeaderMapping<K extends string = ColumnKey> {
  /** Cell index → column; for a repeated column, its first occurrence. */
  columns: Map<number, K>;
  /** Headers that match no column (a warning: the spec ignores them). */
  unknown: { index: number; header: string }[];
  /** Required columns the header row lacks (an error: no row can be read without them). */
  missing: K[];
  /** Columns that appear more than once; `header` is the column's zh-CN header. */
  duplicates: { header: string; indexes: number[] }[];
}

/**
 * Matches a header row to the columns. Indexes are those of `headerCells` as given (ExcelJS's
 * `row.values` is 1-based, so there they are Excel column numbers). Empty header cells are
 * skipped: a blank column is not worth a warning.
 */
export function mapHeader(headerCells: readonly unknown[]): HeaderMapping {
  return matchHeader(ENTERPRISE_COLUMNS, BY_HEADER, headerCells);
}

/**
 * Matches a header row to any file's columns (`lookup`: normalized header → column), the one
 * way every import reads its header.
 */
export function matchHeader<K extends string>(
  defs: readonly { readonly key: K; readonly header: string; readonly required: boolean }[],
  lookup: ReadonlyMap<string, K>,
  headerCells: readonly unknown[],
): HeaderMapping<K> {
  const columns = new Map<number, K>();
  const unknown: { index: number; header: string }[] = [];
  const seen = new Map<K, number[]>();
  // An indexed loop, not for…of: `row.values` from ExcelJS is sparse and starts at 1.
  for (let index = 0; index < headerCells.length; index++) {
    const text = cellText(resolveCell(headerCells[index]));
    if (text === '') continue;
    const key = lookup.get(normalizeHeader(text));
    if (key === undefined) {
      unknown.push({ index, header: text });
      continue;
    }
    const at = seen.get(key);
    if (at) {
      at.push(index);
    } else {
      seen.set(key, [index]);
      columns.set(index, key);
    }
  }
  const missing = defs.filter((c) => c.required && !seen.has(c.key)).map((c) => c.key);
  const headerOf = (key: K) => (defs.find((c) => c.key === key) as { header: string }).header;
  const duplicates = [...seen]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([key, indexes]) => ({ header: headerOf(key), indexes }));
  return { columns, unknown, missing, duplicates };
}

/** One data row as the cells of each known column, ready for `parseEnterpriseRow`. */
export function rowCells(columns: ReadonlyMap<number, ColumnKey>, values: readonly unknown[]): Map<ColumnKey, unknown> {
  const cells = new Map<ColumnKey, unknown>();
  for (const [index, key] of columns) cells.set(key, values[index]);
  return cells;
}
