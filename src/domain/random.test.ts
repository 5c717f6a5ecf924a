import { describe, expect, it } from 'vitest';
import { pick, randomString } from './random.ts';

describe('pick', () => {
  it('maps [0, 1) evenly onto the items', () => {
    expect(pick(() => 0, 'abcd')).toBe('a');
    expect(pick(() => 0.25, 'abcd')).toBe('b');
    expect(pick(() => 0.999999, 'abcd')).toBe('d');
  });

  it('stays in bounds even if a generator misbehaves', () => {
    expect(pick(() => 1, 'abcd')).toBe('d');
    expect(pick(() => -0.5, 'abcd')).toBe('a');
  });

  it('refuses an empty list', () => {
    expect(() => pick(() => 0, [])).toThrow(RangeError);
  });
});

describe('randomString', () => {
  it('draws one character per call', () => {
    const draws = [0, 0.5, 0.9];
    let i = 0;
    expect(randomString(() => draws[i++], '0123456789', 3)).toBe('059');
    expect(randomString(() => 0, 'ab', 0)).toBe('');
  });
});
