import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbRand } from './fcRand.ts';
import { idNumberCheckChar, makeIdNumber, normalizeIdNumber, type Sex, validateIdNumber } from './idNumber.ts';

const TODAY = new Date(2024, 5, 15); // 2024-06-15, local time

/** A checksum-valid number for the given first 17 characters. */
function withCheck(first17: string): string {
  return first17 + idNumberCheckChar(first17);
}

function messageOf(s: string, today = TODAY): string {
  const r = validateIdNumber(s, today);
  if (r.ok) throw new Error(`expected ${s} to be rejected`);
  return r.message;
}

describe('idNumberCheckChar', () => {
  it('matches the example in GB 11643-1999', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('throws on anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('validateIdNumber', () => {
  it('accepts the standard’s example and extracts its fields', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      regionCode: '110105',
    });
  });

  it('accepts a lower-case x and full-width input, returning the normalised value', () => {
    const r = validateIdNumber(' 11010519491231002x ', TODAY);
    expect(r.ok && r.value).toBe('11010519491231002X');
    const fw = validateIdNumber('１１０１０５１９４９１２３１００２ｘ', TODAY);
    expect(fw.ok && fw.value).toBe('11010519491231002X');
  });

  it('reads sex from the 17th digit: odd is male', () => {
    const male = validateIdNumber(withCheck('11010519491231001'), TODAY);
    const female = validateIdNumber(withCheck('11010519491231000'), TODAY);
    expect(male.ok && male.sex).toBe('male');
    expect(female.ok && female.sex).toBe('female');
  });

  it('asks for a value when empty', () => {
    expect(messageOf('')).toBe('请填写身份证号码');
  });

  it('reports the actual length', () => {
    expect(messageOf('11010519491231002')).toBe('身份证号码应为 18 位，当前为 17 位');
    expect(messageOf('11010519491231002X1')).toBe('身份证号码应为 18 位，当前为 19 位');
  });

  it('explains that 15-digit numbers are the old format', () => {
    expect(messageOf('110105491231002')).toBe(
      '身份证号码应为 18 位，当前为 15 位（15 位旧号码请使用换发后的 18 位号码）',
    );
  });

  it('names a non-digit in the first 17 and its position', () => {
    expect(messageOf('1101051949123100XX')).toBe('身份证号码第 17 位“X”不是数字（前 17 位必须都是数字）');
    expect(messageOf('11010５1949-231002X')).toBe('身份证号码第 11 位“-”不是数字（前 17 位必须都是数字）');
  });

  it('rejects a last character other than a digit or X', () => {
    expect(messageOf('11010519491231002Y')).toBe('身份证号码第 18 位“Y”无效，只能是数字或 X');
  });

  it('accepts the leap day of 2000 and rejects that of 1900', () => {
    const leap = validateIdNumber(withCheck('11010520000229001'), TODAY);
    expect(leap.ok && leap.birthDate).toBe('2000-02-29');
    expect(messageOf(withCheck('11010519000229001'))).toBe(
      '身份证号码中的出生日期 1900-02-29 不是有效日期（第 7–14 位）',
    );
    expect(messageOf(withCheck('11010520230229001'))).toContain('2023-02-29 不是有效日期');
  });

  it.each(['19901301', '19900001', '19900100', '19900431', '19900230'])('rejects the impossible date %s', (date) => {
    expect(messageOf(withCheck(`110105${date}001`))).toContain('不是有效日期');
  });

  it('accepts 1900-01-01 and rejects anything earlier', () => {
    const first = validateIdNumber(withCheck('11010519000101001'), TODAY);
    expect(first.ok && first.birthDate).toBe('1900-01-01');
    expect(messageOf(withCheck('11010518991231001'))).toBe('身份证号码中的出生日期 1899-12-31 早于 1900-01-01');
    // Valid checksum in the standard’s annex, but born 1880.
    expect(messageOf('440524188001010014')).toBe('身份证号码中的出生日期 1880-01-01 早于 1900-01-01');
  });

  it('accepts someone born today and rejects tomorrow', () => {
    const born = validateIdNumber(withCheck('11010520240615001'), TODAY);
    expect(born.ok && born.birthDate).toBe('2024-06-15');
    expect(messageOf(withCheck('11010520240616001'))).toBe('身份证号码中的出生日期 2024-06-16 晚于今天');
  });

  it('uses the local calendar day of `today`, not its UTC day', () => {
    const lateEvening = new Date(2024, 5, 15, 23, 59, 59);
    expect(validateIdNumber(withCheck('11010520240615001'), lateEvening).ok).toBe(true);
    expect(validateIdNumber(withCheck('11010520240616001'), lateEvening).ok).toBe(false);
  });

  it('defaults `today` to now', () => {
    expect(validateIdNumber(withCheck('11010520990101001')).ok).toBe(false);
    expect(validateIdNumber('11010519491231002X').ok).toBe(true);
  });

  it('says what the check character should be', () => {
    expect(messageOf('110105194912310021')).toBe(
      '身份证号码校验码错误：按前 17 位计算，第 18 位应为“X”，实际为“1”，请核对是否输错',
    );
  });
});

const arbBirthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-06-15T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const arbSex = fc.constantFrom<Sex>('male', 'female');
const arbRegion = fc.stringMatching(/^[1-8]\d{5}$/);
const arbOptions = fc.record({ regionCode: arbRegion, birthDate: arbBirthDate, sex: arbSex });

describe('makeIdNumber', () => {
  it('round-trips region, birth date and sex', () => {
    fc.assert(
      fc.property(arbRand, arbOptions, (rand, options) => {
        const id = makeIdNumber(rand, options);
        expect(validateIdNumber(id, TODAY)).toEqual({ ok: true, value: id, ...options });
      }),
    );
  });

  it('throws on malformed options', () => {
    const rand = () => 0;
    expect(() => makeIdNumber(rand, { regionCode: '11010', birthDate: '2000-01-01', sex: 'male' })).toThrow(RangeError);
    expect(() => makeIdNumber(rand, { regionCode: '110105', birthDate: '2000-02-30', sex: 'male' })).toThrow(
      RangeError,
    );
    expect(() => makeIdNumber(rand, { regionCode: '110105', birthDate: '20000101', sex: 'male' })).toThrow(RangeError);
  });
});

describe('check character properties', () => {
  // 11 is prime and no weight is a multiple of it, so changing one digit always changes the sum mod 11,
  // and the check map is one-to-one, so changing the check character is caught too.
  it('detects every single-character substitution', () => {
    const arbCase = fc.tuple(
      fc.tuple(arbRand, arbOptions).map(([rand, o]) => makeIdNumber(rand, o)),
      fc.integer({ min: 0, max: 17 }),
      fc.constantFrom(...'0123456789X'),
    );
    fc.assert(
      fc.property(arbCase, ([id, pos, c]) => {
        fc.pre(c !== id[pos]);
        expect(validateIdNumber(id.slice(0, pos) + c + id.slice(pos + 1), TODAY).ok).toBe(false);
      }),
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeIdNumber(normalizeIdNumber(s)) === normalizeIdNumber(s)));
  });
});
