// Head counts (employees, members): whole numbers from numeric cells or from text typed
// any way an office worker might — full-width digits, thousands separators.
import type { Cell } from './cell.ts';
import { cellText } from './cell.ts';
import type { Parsed } from './parsed.ts';
import { normalizeCode } from './text.ts';

/**
 * A ceiling that no real organization reaches (the largest private employers in China have
 * about a million staff) but that a phone number or an ID number pasted into the wrong
 * column does: catching the slip here beats a silly total in every report.
 */
export const MAX_COUNT = 10_000_000;

// Either plain digits or correctly grouped thousands (“1,234,567”), then an optional fraction.
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export function parseCount(cell: Cell, header: string): Parsed<number> {
  let n: number;
  let shown: string;
  if (cell.type === 'number') {
    n = cell.value;
    shown = String(n);
  } else {
    shown = cellText(cell);
    const s = normalizeCode(shown);
    if (cell.type !== 'string' || !NUMBER.test(s)) {
      return { ok: false, message: `${header}应为不小于 0 的整数，“${shown}”不是数字` };
    }
    n = Number(s.replace(/,/g, ''));
  }
  if (n < 0) return { ok: false, message: `${header}不能为负数，当前为 ${shown}` };
  // “12.0” is twelve; “12.5” people is a typo.
  if (!Number.isInteger(n)) return { ok: false, message: `${header}应为整数，不能有小数，当前为 ${shown}` };
  if (n > MAX_COUNT) return { ok: false, message: `${header}不能大于 ${MAX_COUNT}，当前为 ${shown}，请核对是否填错列` };
  // `+ 0` turns “-0” into 0, so equal inputs compare equal downstream.
  return { ok: true, value: n + 0 };
}
