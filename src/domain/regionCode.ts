import { toHalfWidth } from './fullwidth.ts';

/** The pseudo-region above the provinces: a national deployment's root. */
export const ROOT_REGION = '000000';

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';

/** First two digits of every province-level division in GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门). */
// biome-ignore format: one row per 大区 (华北, 东北, 华东, 中南, 西南, 西北, 港澳台) reads better than one per line.
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
];

const PROVINCE_PREFIX_SET = new Set(PROVINCE_PREFIXES);

export type RegionCodeResult = { ok: true; value: string; level: RegionLevel } | { ok: false; message: string };

export function normalizeRegionCode(s: string): string {
  return toHalfWidth(s).trim();
}

/** Checks the shape of a code only; whether the division actually exists is the loader's business. */
export function validateRegionCodeFormat(code: string): RegionCodeResult {
  const value = normalizeRegionCode(code);
  if (value === '') return { ok: false, message: '请填写行政区划代码' };

  const chars = Array.from(value);
  const bad = chars.findIndex((c) => c < '0' || c > '9');
  if (bad >= 0) {
    return { ok: false, message: `行政区划代码只能由数字组成，第 ${bad + 1} 位“${chars[bad]}”不是数字` };
  }
  if (chars.length !== 6 && chars.length !== 9 && chars.length !== 12) {
    return {
      ok: false,
      message: `行政区划代码应为 6 位（省、市、县）、9 位（乡镇街道）或 12 位（村、社区），当前为 ${chars.length} 位`,
    };
  }

  const province = value.slice(0, 2);
  if (!PROVINCE_PREFIX_SET.has(province)) {
    return { ok: false, message: `行政区划代码前两位“${province}”不是有效的省级代码` };
  }
  // In GB/T 2260 digits 3–4 are “00” only for the province itself, never for a city.
  if (value.slice(2, 4) === '00' && value.slice(4, 6) !== '00') {
    return { ok: false, message: `行政区划代码“${value.slice(0, 6)}”无效：第 3–4 位为 00 时，第 5–6 位也必须为 00` };
  }
  if (chars.length >= 9) {
    // A town may sit directly under a city without counties (e.g. 东莞 441900003), but never under a province.
    if (value.slice(2, 6) === '0000') {
      return { ok: false, message: `乡镇（街道）级代码的前 6 位“${value.slice(0, 6)}”是省级代码，应为市级或县级代码` };
    }
    if (value.slice(6, 9) === '000') {
      return { ok: false, message: '乡镇（街道）级代码第 7–9 位不能为 000' };
    }
  }
  if (chars.length === 12 && value.slice(9, 12) === '000') {
    return { ok: false, message: '村（社区）级代码第 10–12 位不能为 000' };
  }
  return { ok: true, value, level: levelOf(value) };
}

function levelOf(code: string): RegionLevel {
  if (code.length === 12) return 'village';
  if (code.length === 9) return 'town';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

// Callers are expected to validate at the boundary; a malformed code here means corrupt data, so fail loudly.
function assertValid(code: string): string {
  const r = validateRegionCodeFormat(code);
  if (!r.ok) throw new RangeError(`${r.message}（${JSON.stringify(code)}）`);
  return r.value;
}

/**
 * The shortest prefix shared by exactly the region and its descendants, so that data scope
 * can be a single `code LIKE prefix || '%'` range scan.
 */
export function regionPrefix(code: string): string {
  const value = assertValid(code);
  switch (levelOf(value)) {
    case 'province':
      return value.slice(0, 2);
    case 'city':
      return value.slice(0, 4);
    default:
      return value;
  }
}

/**
 * Purely arithmetic parent. Real data has exceptions (e.g. 省直辖县 419001 sits directly under
 * 410000, though this returns 419000); resolving those is the loader's job.
 */
export function parentCode(code: string): string | null {
  const value = assertValid(code);
  switch (levelOf(value)) {
    case 'village':
      return value.slice(0, 9);
    case 'town':
      return value.slice(0, 6);
    case 'county':
      return `${value.slice(0, 4)}00`;
    case 'city':
      return `${value.slice(0, 2)}0000`;
    case 'province':
      return null;
  }
}
