import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbRand } from './fcRand.ts';
import { makeUscc, normalizeUscc, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.ts';

// Codes in public circulation (the third is listed for 腾讯科技（深圳）有限公司; the fourth was
// issued by a 机构编制 authority, so position 1 is “1”).
const KNOWN_VALID = [
  '91350100M000100Y43',
  '91110000600037341L',
  '91440300708461136T',
  '112302070019030687',
  '91110108551385082Q',
];

function messageOf(s: string): string {
  const r = validateUscc(s);
  if (r.ok) throw new Error(`expected ${s} to be rejected`);
  return r.message;
}

describe('usccCheckChar', () => {
  it.each(KNOWN_VALID)('reproduces the check character of %s', (code) => {
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('maps a zero weighted sum to “0”, not to the out-of-range 31', () => {
    expect(usccCheckChar('0'.repeat(17))).toBe('0');
  });

  it('throws on input that is not 17 charset characters', () => {
    expect(() => usccCheckChar('9135')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100O000100Y4')).toThrow(RangeError);
  });
});

describe('normalizeUscc', () => {
  it('trims, folds full-width and upper-cases', () => {
    expect(normalizeUscc('  ９１３５０１００ｍ０００１００ｙ４３\u3000')).toBe('91350100M000100Y43');
    expect(normalizeUscc('91110000600037341l')).toBe('91110000600037341L');
  });
});

describe('validateUscc', () => {
  it.each(KNOWN_VALID)('accepts %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, value: code });
  });

  it('accepts sloppy input and returns the normalised value', () => {
    expect(validateUscc(' ９１１１００００６０００３７３４１ｌ ')).toEqual({ ok: true, value: '91110000600037341L' });
  });

  it('asks for a value when empty', () => {
    expect(messageOf('   ')).toBe('请填写统一社会信用代码');
  });

  it('reports the actual length', () => {
    expect(messageOf('91350100M000100Y4')).toBe('统一社会信用代码应为 18 位，当前为 17 位');
    expect(messageOf('91350100M000100Y433')).toBe('统一社会信用代码应为 18 位，当前为 19 位');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(messageOf('91350100M000100Y😀')).toBe('统一社会信用代码应为 18 位，当前为 17 位');
    expect(messageOf('91350100M000100Y4😀')).toContain('第 18 位（校验码）的“😀”是非法字符');
  });

  it('names an illegal character and its position', () => {
    expect(messageOf('91350100M000100-43')).toBe('统一社会信用代码第 16 位的“-”是非法字符');
  });

  it('explains the letters the standard leaves out', () => {
    expect(messageOf('913501000000100O43')).toBe(
      '统一社会信用代码第 16 位的“O”是非法字符（统一社会信用代码不使用字母 I、O、Z、S、V）',
    );
    for (const c of 'IOZSV') expect(messageOf(`9135010000001000${c}3`)).toContain(`“${c}”是非法字符（`);
  });

  it('names positions 1 and 2 by their meaning', () => {
    expect(messageOf('S1350100M000100Y43')).toContain('第 1 位（登记管理部门代码）的“S”是非法字符');
    expect(messageOf('9Z350100M000100Y43')).toContain('第 2 位（机构类别代码）的“Z”是非法字符');
  });

  it('says what the check character should be', () => {
    expect(messageOf('91350100M000100Y44')).toBe(
      '统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“3”，实际为“4”，请核对是否输错',
    );
  });

  it('reports an illegal check character as illegal rather than as a mismatch', () => {
    expect(messageOf('91350100M000100Y4I')).toContain('第 18 位（校验码）的“I”是非法字符');
  });
});

describe('makeUscc', () => {
  it('always produces a valid, already-normalised code', () => {
    fc.assert(
      fc.property(arbRand, (rand) => {
        const code = makeUscc(rand);
        expect(validateUscc(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('starts with a realistic authority/type pair and a province code', () => {
    fc.assert(
      fc.property(arbRand, (rand) => {
        expect(makeUscc(rand)).toMatch(/^(9[123]|5[123])(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])\d{4}/);
      }),
    );
  });
});

describe('check character properties', () => {
  // 31 is prime and no weight is a multiple of it, so w·Δ ≢ 0 (mod 31) for any Δ ≠ 0:
  // every single-character substitution within the charset changes the expected check character.
  it('detects every single-character substitution', () => {
    const arbCase = fc.tuple(arbRand.map(makeUscc), fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(arbCase, ([code, pos, shift]) => {
        const replacement = USCC_CHARSET[(USCC_CHARSET.indexOf(code[pos]) + shift) % 31];
        const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
        const r = validateUscc(mutated);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.message).toContain('校验码错误');
      }),
    );
  });

  it('holds exhaustively for the known codes', () => {
    for (const code of KNOWN_VALID) {
      for (let pos = 0; pos < 18; pos++) {
        for (const c of USCC_CHARSET) {
          if (c === code[pos]) continue;
          expect(validateUscc(code.slice(0, pos) + c + code.slice(pos + 1)).ok).toBe(false);
        }
      }
    }
  });

  it('normalisation is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeUscc(normalizeUscc(s)) === normalizeUscc(s)));
  });
});
