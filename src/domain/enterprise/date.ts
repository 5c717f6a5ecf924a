// Dates in import files: typed text in the three spellings of the spec, Excel date cells
// (ExcelJS gives a Date at UTC midnight), and raw Excel serial numbers (a date cell whose
// format was lost, or a CSV saved from such a sheet).
import { formatDate, isRealDate, localDateString } from '../calendarDate.ts';
import type { Cell } from './cell.ts';
import { cellText } from './cell.ts';
import type { Parsed } from './parsed.ts';
import { normalizeCode } from './text.ts';

/** No registered organization in the ledger predates this; earlier means a typo. */
export const EARLIEST_DATE = '1900-01-01';

// 2019-03-01, 2019/3/1, 2019.3.1, 2019年3月1日 — optionally followed by a time of day, as
// database exports write it (“2019-03-01 00:00:00”), which is dropped.
const SEPARATED =
  /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*(日?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
// 20190301, as the market regulator's exports write it.
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const MIN_SERIAL = 10_000;
const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * `today` decides what “in the future” means; pass the server's date (北京时间).
 */
export function parseDateCell(cell: Cell, header: string, today: Date): Parsed<string> {
  const shown = cellText(cell);
  let ymd: [number, number, number] | null;
  if (cell.type === 'date') {
    // ExcelJS stores the cell's calendar date at UTC midnight: the UTC parts are the date.
    const d = cell.value;
    ymd = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  } else if (cell.type === 'number') {
    ymd = fromNumber(cell.value);
  } else if (cell.type === 'string') {
    ymd = fromText(normalizeCode(cell.value));
  } else {
    ymd = null;
  }
  if (!ymd) {
    return { ok: false, message: `${header}“${shown}”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期` };
  }
  const [y, m, d] = ymd;
  if (!isRealDate(y, m, d)) return { ok: false, message: `${header}“${shown}”不是有效日期` };
  const value = formatDate(y, m, d);
  const todayText = localDateString(today);
  // ISO dates compare correctly as strings while the year has four digits; past 9999 it has more.
  if (y > 9999 || value > todayText) return { ok: false, message: `${header} ${value} 晚于今天（${todayText}）` };
  if (value < EARLIEST_DATE) return { ok: false, message: `${header} ${value} 早于 ${EARLIEST_DATE}，请核对` };
  return { ok: true, value };
}

function fromText(s: string): [number, number, number] | null {
  const sep = SEPARATED.exec(s);
  if (sep) {
    const [, y, sep1, m, sep2, d, dayMark] = sep;
    // One style per date: “2019年3-1” or “2019-3-1日” is more likely a typo than a date.
    const chinese = sep1 === '年';
    if (chinese !== (sep2 === '月') || chinese !== (dayMark === '日')) return null;
    if (!chinese && sep1 !== sep2) return null;
    return [Number(y), Number(m), Number(d)];
  }
  const compact = COMPACT.exec(s);
  if (compact) return [Number(compact[1]), Number(compact[2]), Number(compact[3])];
  // A serial number that reached us as text (CSV saved from a sheet that lost the format).
  if (/^\d+(?:\.\d+)?$/.test(s)) return fromNumber(Number(s));
  return null;
}

/**
 * An 8-digit YYYYMMDD, or an Excel serial (days since 1899-12-30; the fraction is the time of
 * day). Numbers below 10000 (before 1927-05-18) are refused rather than read as serials: a
 * bare “2019” is a year someone typed, not 11 July 1905. Real date cells arrive as Dates anyway.
 */
function fromNumber(n: number): [number, number, number] | null {
  if (!Number.isFinite(n) || n < MIN_SERIAL) return null;
  // Serials stay below 2,958,466 (year 9999); 19000101–99991231 can only be YYYYMMDD.
  if (Number.isInteger(n) && n >= 19000101 && n <= 99991231) {
    return [Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100];
  }
  const d = new Date(EXCEL_EPOCH + Math.floor(n) * MS_PER_DAY);
  if (Number.isNaN(d.getTime())) return null;
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
