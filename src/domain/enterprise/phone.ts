// Contact phone numbers: landlines with area codes and extensions (0591-8888 8888), mobiles,
// international (+852 …). Only the characters the spec lists; the length bounds catch two
// numbers typed into one cell and fragments.
import type { Cell } from './cell.ts';
import { cellText } from './cell.ts';
import type { Parsed } from './parsed.ts';
import { charLength, normalizeCode } from './text.ts';

export const PHONE_MIN_LENGTH = 5;
export const PHONE_MAX_LENGTH = 20;

export function parsePhoneCell(cell: Cell, header: string): Parsed<string> {
  // Full-width digits and dashes folded, spacing collapsed so the same number is stored the same way.
  const value = normalizeCode(cellText(cell)).replace(/\s+/g, ' ');
  const illegal = Array.from(value).find((c) => !/[\d\- +]/.test(c));
  if (illegal !== undefined) {
    return {
      ok: false,
      message: `${header}“${value}”含有非法字符“${illegal}”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）`,
    };
  }
  if (!/\d/.test(value)) return { ok: false, message: `${header}“${value}”中没有数字` };
  const n = charLength(value);
  if (n < PHONE_MIN_LENGTH || n > PHONE_MAX_LENGTH) {
    return { ok: false, message: `${header}应为 ${PHONE_MIN_LENGTH}–${PHONE_MAX_LENGTH} 个字符，当前为 ${n} 个` };
  }
  return { ok: true, value };
}
