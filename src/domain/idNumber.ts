// 公民身份号码, GB 11643-1999: 6-digit region + 8-digit birth date + 3-digit sequence + check.
import { formatDate, isRealDate, localDateString } from './calendarDate.ts';
import { toAsciiUpperCase, toHalfWidth } from './fullwidth.ts';
import { pick, type Rand, randomString } from './random.ts';

export { maskIdNumber, maskPhone } from './mask.ts';

export type Sex = 'male' | 'female';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: Sex; regionCode: string }
  | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const LENGTH = 18;
const EARLIEST_BIRTH_DATE = '1900-01-01';

export function normalizeIdNumber(s: string): string {
  return toAsciiUpperCase(toHalfWidth(s).trim());
}

/** The 18th character for 17 digits; throws on anything else. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idNumberCheckChar expects 17 digits');
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function validateIdNumber(s: string, today: Date = new Date()): IdNumberResult {
  const value = normalizeIdNumber(s);
  if (value === '') return { ok: false, message: '请填写身份证号码' };

  const chars = Array.from(value);
  if (chars.length !== LENGTH) {
    const legacy = chars.length === 15 ? '（15 位旧号码请使用换发后的 18 位号码）' : '';
    return { ok: false, message: `身份证号码应为 18 位，当前为 ${chars.length} 位${legacy}` };
  }
  for (let i = 0; i < LENGTH - 1; i++) {
    if (!/^\d$/.test(chars[i])) {
      return { ok: false, message: `身份证号码第 ${i + 1} 位“${chars[i]}”不是数字（前 17 位必须都是数字）` };
    }
  }
  if (!/^[\dX]$/.test(chars[17])) {
    return { ok: false, message: `身份证号码第 18 位“${chars[17]}”无效，只能是数字或 X` };
  }

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const shown = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: `身份证号码中的出生日期 ${shown} 不是有效日期（第 7–14 位）` };
  }
  const birthDate = formatDate(year, month, day);
  // ISO dates compare correctly as strings.
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, message: `身份证号码中的出生日期 ${birthDate} 早于 1900-01-01` };
  }
  if (birthDate > localDateString(today)) {
    return { ok: false, message: `身份证号码中的出生日期 ${birthDate} 晚于今天` };
  }

  const expected = idNumberCheckChar(value.slice(0, 17));
  if (chars[17] !== expected) {
    return {
      ok: false,
      message: `身份证号码校验码错误：按前 17 位计算，第 18 位应为“${expected}”，实际为“${chars[17]}”，请核对是否输错`,
    };
  }

  return {
    ok: true,
    value,
    birthDate,
    sex: Number(chars[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: value.slice(0, 6),
  };
}

export interface MakeIdNumberOptions {
  /** 6-digit county-level code where the number was first issued. */
  regionCode: string;
  /** 'YYYY-MM-DD' */
  birthDate: string;
  sex: Sex;
}

/** A random, checksum-valid number for demo data; throws on malformed options (a programming error). */
export function makeIdNumber(rand: Rand, { regionCode, birthDate, sex }: MakeIdNumberOptions): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`makeIdNumber: bad regionCode ${JSON.stringify(regionCode)}`);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`makeIdNumber: bad birthDate ${JSON.stringify(birthDate)}`);
  }
  const sexDigit = pick(rand, sex === 'male' ? '13579' : '02468');
  const first17 = regionCode + m[1] + m[2] + m[3] + randomString(rand, '0123456789', 2) + sexDigit;
  return first17 + idNumberCheckChar(first17);
}
