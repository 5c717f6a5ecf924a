import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './idNumber.ts';

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters and the length', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber(' 110105194912310021 ')).toBe('110***********0021');
  });

  it('masks everything when there is nothing left to hide', () => {
    expect(maskIdNumber('1101051')).toBe('*******');
    expect(maskIdNumber('12345678')).toBe('123*5678');
    expect(maskIdNumber('')).toBe('');
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
  it('keeps the first 3 and last 4 of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
  });

  it('keeps only the last 4 of anything else', () => {
    expect(maskPhone('010-12345678')).toBe('********5678');
    expect(maskPhone('+8613812345678')).toBe('**********5678');
    expect(maskPhone('23812345678')).toBe('*******5678');
    expect(maskPhone('12345')).toBe('*2345');
  });

  it('masks everything when there are 4 characters or fewer', () => {
    expect(maskPhone('5678')).toBe('****');
    expect(maskPhone('')).toBe('');
  });
});
