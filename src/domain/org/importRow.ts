// Cell parsers of the organization and member files that the enterprise file has no use for:
// dates that may lie ahead, and USCCs in a column other than 统一社会信用代码. Reading a row
// is src/domain/enterprise/rowReader.ts, shared with the enterprise file.
import { cellText } from '../enterprise/cell.ts';
import { numericCodeMessage } from '../enterprise/cellParsers.ts';
import { parseDateCell } from '../enterprise/date.ts';
import type { CellParser } from '../enterprise/rowReader.ts';
import { validateUscc } from '../uscc.ts';

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

/**
 * One USCC in a column other than 统一社会信用代码: the checker's message, prefixed with the
 * column so that “工作单位信用代码：统一社会信用代码校验码错误…” says where the code was.
 */
export const usccParser: CellParser<string> = (cell, header) => {
  if (cell.type === 'number') return { ok: false, message: numericCodeMessage(header) };
  const r = validateUscc(cellText(cell));
  return r.ok ? r : { ok: false, message: `${header}：${r.message}` };
};
