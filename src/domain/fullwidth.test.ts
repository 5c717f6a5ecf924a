import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toAsciiUpperCase, toHalfWidth } from './fullwidth.ts';

// Plain random strings almost never hit the full-width block, so bias towards it.
const mixedUnit = fc.oneof(
  fc.integer({ min: 0xff00, max: 0xff60 }).map((cp) => String.fromCharCode(cp)),
  fc.constant('\u3000'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const mixedString = fc.string({ unit: mixedUnit, maxLength: 30 });

describe('toHalfWidth', () => {
  it('folds full-width digits, letters and punctuation', () => {
    expect(toHalfWidth('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(toHalfWidth('ａｂｃ！～（）')).toBe('abc!~()');
  });

  it('maps the whole block FF01–FF5E onto 0021–007E', () => {
    let full = '';
    let half = '';
    for (let cp = 0xff01; cp <= 0xff5e; cp++) {
      full += String.fromCharCode(cp);
      half += String.fromCharCode(cp - 0xfee0);
    }
    expect(toHalfWidth(full)).toBe(half);
  });

  it('turns the ideographic space into an ASCII space', () => {
    expect(toHalfWidth('\u3000１\u3000')).toBe(' 1 ');
  });

  it('leaves block neighbours, CJK and astral characters alone', () => {
    expect(toHalfWidth('\uff00\uff5f\uffe5')).toBe('\uff00\uff5f\uffe5');
    expect(toHalfWidth('党建 😀 abc')).toBe('党建 😀 abc');
    expect(toHalfWidth('')).toBe('');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(mixedString, (s) => toHalfWidth(toHalfWidth(s)) === toHalfWidth(s)));
  });

  it('keeps the number of code points and leaves nothing full-width behind', () => {
    fc.assert(
      fc.property(mixedString, (s) => {
        const out = toHalfWidth(s);
        expect(Array.from(out).length).toBe(Array.from(s).length);
        expect(out).not.toMatch(/[\uff01-\uff5e\u3000]/);
      }),
    );
  });
});

describe('toAsciiUpperCase', () => {
  it('upper-cases ASCII letters only, so lengths never change', () => {
    expect(toAsciiUpperCase('abc-xyz')).toBe('ABC-XYZ');
    expect(toAsciiUpperCase('straße ǆ')).toBe('STRAßE ǆ');
  });
});
