import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalizeRegionCode,
  PROVINCE_PREFIXES,
  parentCode,
  type RegionLevel,
  regionPrefix,
  validateRegionCodeFormat,
} from './regionCode.ts';

// The level and the ancestry, as oracles for the properties below (the product reads both from
// the regions table): from the format check and the prefix alone.
function regionLevel(code: string): RegionLevel {
  const r = validateRegionCodeFormat(code);
  if (!r.ok) throw new RangeError(r.message);
  return r.level;
}
const isWithinRegion = (code: string, ancestor: string) => {
  regionLevel(code);
  return code.startsWith(regionPrefix(ancestor));
};

function messageOf(code: string): string {
  const r = validateRegionCodeFormat(code);
  if (r.ok) throw new Error(`expected ${code} to be rejected`);
  return r.message;
}

const twoDigits = (min: number) => fc.integer({ min, max: 99 }).map((n) => String(n).padStart(2, '0'));
const threeDigits = fc.integer({ min: 1, max: 999 }).map((n) => String(n).padStart(3, '0'));
const arbProvincePrefix = fc.constantFrom(...PROVINCE_PREFIXES);
// Digits 5–6 may be 00 under a town: cities without counties (东莞 441900) have towns directly.
const arbSixDigitNonProvince = fc.tuple(arbProvincePrefix, twoDigits(1), twoDigits(0)).map(([p, c, d]) => p + c + d);

/** Any well-formed code at any of the five levels. */
const arbRegionCode = fc.oneof(
  arbProvincePrefix.map((p) => `${p}0000`),
  fc.tuple(arbProvincePrefix, twoDigits(1)).map(([p, c]) => `${p}${c}00`),
  fc.tuple(arbProvincePrefix, twoDigits(1), twoDigits(1)).map(([p, c, d]) => p + c + d),
  fc.tuple(arbSixDigitNonProvince, threeDigits).map(([s, t]) => s + t),
  fc.tuple(arbSixDigitNonProvince, threeDigits, threeDigits).map(([s, t, v]) => s + t + v),
);

function ancestorsOrSelf(code: string): string[] {
  const chain = [code];
  for (let p = parentCode(code); p !== null; p = parentCode(p)) chain.push(p);
  return chain;
}

describe('normalizeRegionCode', () => {
  it('trims and folds full-width digits', () => {
    expect(normalizeRegionCode(' １１０１０１\u3000')).toBe('110101');
  });
});

describe('validateRegionCodeFormat', () => {
  it.each([
    ['110000', 'province'],
    ['110100', 'city'],
    ['110101', 'county'],
    ['419001', 'county'],
    ['110101001', 'town'],
    ['441900003', 'town'],
    ['110101001001', 'village'],
    ['820000', 'province'],
  ] as const)('accepts %s as a %s', (code, level) => {
    expect(validateRegionCodeFormat(code)).toEqual({ ok: true, value: code, level });
  });

  it('normalises before checking', () => {
    expect(validateRegionCodeFormat('１１０１０１ ')).toEqual({ ok: true, value: '110101', level: 'county' });
  });

  it('asks for a value when empty', () => {
    expect(messageOf(' ')).toBe('请填写行政区划代码');
  });

  it('names a non-digit and its position', () => {
    expect(messageOf('1101a1')).toBe('行政区划代码只能由数字组成，第 5 位“a”不是数字');
  });

  it.each(['11', '1101010', '1101010010', '1101010010011'])('rejects length of %s', (code) => {
    expect(messageOf(code)).toBe(
      `行政区划代码应为 6 位（省、市、县）、9 位（乡镇街道）或 12 位（村、社区），当前为 ${code.length} 位`,
    );
  });

  it.each([
    '100000',
    '160000',
    '240000',
    '380000',
    '470000',
    '550000',
    '600000',
    '660000',
    '720000',
    '830000',
    '990000',
  ])('rejects the unknown province prefix of %s', (code) => {
    expect(messageOf(code)).toBe(`行政区划代码前两位“${code.slice(0, 2)}”不是有效的省级代码`);
  });

  it('rejects a city part of 00 below a non-province', () => {
    expect(messageOf('110001')).toBe('行政区划代码“110001”无效：第 3–4 位为 00 时，第 5–6 位也必须为 00');
    expect(messageOf('110001001')).toContain('“110001”无效');
  });

  it('rejects a town directly under a province', () => {
    expect(messageOf('110000001')).toBe('乡镇（街道）级代码的前 6 位“110000”是省级代码，应为市级或县级代码');
    expect(messageOf('110000001001')).toContain('是省级代码');
  });

  it('rejects an all-zero town or village part', () => {
    expect(messageOf('110101000')).toBe('乡镇（街道）级代码第 7–9 位不能为 000');
    expect(messageOf('110101000001')).toBe('乡镇（街道）级代码第 7–9 位不能为 000');
    expect(messageOf('110101001000')).toBe('村（社区）级代码第 10–12 位不能为 000');
  });
});

describe('regionLevel / regionPrefix / parentCode', () => {
  it.each([
    ['110000', 'province', '11', null],
    ['110100', 'city', '1101', '110000'],
    ['110101', 'county', '110101', '110100'],
    ['419001', 'county', '419001', '419000'],
    ['110101001', 'town', '110101001', '110101'],
    ['441900003', 'town', '441900003', '441900'],
    ['110101001001', 'village', '110101001001', '110101001'],
  ] as const)('%s is a %s with prefix %s and parent %s', (code, level, prefix, parent) => {
    expect(regionLevel(code)).toBe(level);
    expect(regionPrefix(code)).toBe(prefix);
    expect(parentCode(code)).toBe(parent);
  });

  it('throws on malformed codes instead of guessing', () => {
    for (const fn of [regionLevel, regionPrefix, parentCode]) {
      expect(() => fn('11010')).toThrow(RangeError);
      expect(() => fn('990000')).toThrow(/不是有效的省级代码/);
    }
    expect(() => isWithinRegion('110101', 'abc')).toThrow(RangeError);
    expect(() => isWithinRegion('abc', '110000')).toThrow(RangeError);
  });
});

describe('isWithinRegion', () => {
  it('follows the hierarchy', () => {
    expect(isWithinRegion('110101001001', '110000')).toBe(true);
    expect(isWithinRegion('110101001001', '110100')).toBe(true);
    expect(isWithinRegion('110101001001', '110101')).toBe(true);
    expect(isWithinRegion('110101001001', '110101001')).toBe(true);
    expect(isWithinRegion('419001', '410000')).toBe(true);
  });

  it('is inclusive', () => {
    expect(isWithinRegion('110100', '110100')).toBe(true);
  });

  it('does not look upwards or sideways', () => {
    expect(isWithinRegion('110000', '110101')).toBe(false);
    expect(isWithinRegion('110102', '110101')).toBe(false);
    expect(isWithinRegion('120101', '110000')).toBe(false);
    expect(isWithinRegion('110101002', '110101001')).toBe(false);
    // 1101010 is not a prefix boundary: county 110101 does not contain county 110102's towns.
    expect(isWithinRegion('110102001', '110101')).toBe(false);
  });
});

describe('hierarchy properties', () => {
  it('every generated code is well-formed', () => {
    fc.assert(fc.property(arbRegionCode, (code) => validateRegionCodeFormat(code).ok));
  });

  it('a child is always within its parent, and the parent is well-formed', () => {
    fc.assert(
      fc.property(arbRegionCode, (code) => {
        const parent = parentCode(code);
        if (parent === null) return regionLevel(code) === 'province';
        return validateRegionCodeFormat(parent).ok && isWithinRegion(code, parent) && !isWithinRegion(parent, code);
      }),
    );
  });

  it('the parent chain reaches a province in at most four steps', () => {
    fc.assert(
      fc.property(arbRegionCode, (code) => {
        const chain = ancestorsOrSelf(code);
        expect(chain.length).toBeLessThanOrEqual(5);
        expect(regionLevel(chain[chain.length - 1])).toBe('province');
      }),
    );
  });

  it('a code starts with its own prefix', () => {
    fc.assert(fc.property(arbRegionCode, (code) => code.startsWith(regionPrefix(code))));
  });

  it('isWithinRegion(a, b) holds exactly when b is a or one of its ancestors', () => {
    // b is sometimes drawn from a's chain, or the pair would almost never be related.
    const arbPair = arbRegionCode.chain((a) =>
      fc.tuple(fc.constant(a), fc.oneof(arbRegionCode, fc.constantFrom(...ancestorsOrSelf(a)))),
    );
    fc.assert(fc.property(arbPair, ([a, b]) => isWithinRegion(a, b) === ancestorsOrSelf(a).includes(b)));
  });
});
