import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './idNumber.ts';

describe('maskIdNumber', () => {
  it.each([
    // The first 3 and last 4 characters stay, and the length.
    ['11010519491231002X', '110***********002X'],
    [' 110105194912310021 ', '110***********0021'],
    // Everything is masked when there is nothing left to hide.
    ['1101051', '*******'],
    ['12345678', '123*5678'],
    ['', ''],
  ])('masks %j as %j', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it('preserves length, keeps only the ends and stars the middle', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 30 }), (s) => {
        const t = s.trim();
        const masked = maskIdNumber(s);
        expect(masked.length).toBe(t.length);
        if (t.length <= 7) {
          expect(masked).toBe('*'.repeat(t.length));
        } else {
          expect(masked.slice(0, 3)).toBe(t.slice(0, 3));
          expect(masked.slice(-4)).toBe(t.slice(-4));
          expect(masked.slice(3, -4)).toMatch(/^\*+$/);
        }
      }),
    );
  });
});

describe('maskPhone', () => {
  it.each([
    // A mobile number keeps its first 3 and last 4.
    ['13812345678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    // Anything else keeps only its last 4.
    ['010-12345678', '********5678'],
    ['+8613812345678', '**********5678'],
    ['23812345678', '*******5678'],
    ['12345', '*2345'],
    // 4 characters or fewer are masked entirely.
    ['5678', '****'],
    ['', ''],
  ])('masks %j as %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
