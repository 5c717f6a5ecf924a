// 统一社会信用代码, GB 32100-2015.
import { toAsciiUpperCase, toHalfWidth } from './fullwidth.ts';
import { pick, type Rand, randomString } from './random.ts';
import { PROVINCE_PREFIXES } from './regionCode.ts';

/** The 31 characters GB 32100 allows; I, O, Z, S, V are left out because they look like 1, 0, 2, 5, U. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const LENGTH = 18;
const LOOKALIKES = new Set(['I', 'O', 'Z', 'S', 'V']);

export type UsccResult = { ok: true; value: string } | { ok: false; message: string };

export function normalizeUscc(s: string): string {
  return toAsciiUpperCase(toHalfWidth(s).trim());
}

/** The 18th (check) character for the first 17; throws on input that is not 17 charset characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== WEIGHTS.length) {
    throw new RangeError(`usccCheckChar expects 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`usccCheckChar: ${JSON.stringify(first17[i])} is not in the charset`);
    sum += v * WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

function positionName(i: number): string {
  // Positions 1 and 2 have their own meaning in the standard; naming it helps users spot typos.
  if (i === 0) return '第 1 位（登记管理部门代码）';
  if (i === 1) return '第 2 位（机构类别代码）';
  if (i === LENGTH - 1) return '第 18 位（校验码）';
  return `第 ${i + 1} 位`;
}

export function validateUscc(s: string): UsccResult {
  const value = normalizeUscc(s);
  if (value === '') return { ok: false, message: '请填写统一社会信用代码' };

  const chars = Array.from(value);
  if (chars.length !== LENGTH) {
    return { ok: false, message: `统一社会信用代码应为 18 位，当前为 ${chars.length} 位` };
  }
  for (let i = 0; i < LENGTH; i++) {
    const c = chars[i];
    if (!USCC_CHARSET.includes(c)) {
      const hint = LOOKALIKES.has(c) ? '（统一社会信用代码不使用字母 I、O、Z、S、V）' : '';
      return { ok: false, message: `统一社会信用代码${positionName(i)}的“${c}”是非法字符${hint}` };
    }
  }
  const expected = usccCheckChar(value.slice(0, 17));
  if (chars[17] !== expected) {
    return {
      ok: false,
      message: `统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“${expected}”，实际为“${chars[17]}”，请核对是否输错`,
    };
  }
  return { ok: true, value };
}

// Realistic (authority, org-type) pairs for the organisations this system deals with.
const AUTHORITY_AND_TYPE = [
  '91', // 工商：企业
  '92', // 工商：个体工商户
  '93', // 工商：农民专业合作社
  '51', // 民政：社会团体
  '52', // 民政：民办非企业单位
  '53', // 民政：基金会
];

/**
 * A random, checksum-valid code for demo data. Positions 3–8 look like a region code;
 * positions 9–17 are random and do not carry a GB 11714 organisation-code check digit.
 */
export function makeUscc(rand: Rand): string {
  const first17 =
    pick(rand, AUTHORITY_AND_TYPE) +
    pick(rand, PROVINCE_PREFIXES) +
    randomString(rand, '0123456789', 4) +
    randomString(rand, USCC_CHARSET, 9);
  return first17 + usccCheckChar(first17);
}
