import { describe, expect, it } from 'vitest';
import { fractionTenths, percent, ratePercent, rateTenths, tenthsText } from './rate.ts';

/** The rule written out in BigInt: 1000·a / b in tenths, half up. */
function exactTenths(a: number, b: number): number {
  const num = BigInt(a) * 2000n + BigInt(b);
  return Number(num / (BigInt(b) * 2n));
}

describe('a rate printed once, by the domain', () => {
  it('23 of 80 is 28.8 % (toFixed on the float prints 28.7 %)', () => {
    expect(ratePercent(23, 80)).toBe('28.8%');
    expect(percent(23 / 80)).toBe('28.8%');
    // What the dashboard printed before: the float 0.2875 is 0.28749999…
    expect(`${((23 / 80) * 100).toFixed(1)}%`).toBe('28.7%');
  });

  it('prints “—” without a denominator and the ends as 0.0 % and 100.0 %', () => {
    expect(ratePercent(0, 0)).toBe('—');
    expect(percent(null)).toBe('—');
    expect(ratePercent(0, 7)).toBe('0.0%');
    expect(ratePercent(7, 7)).toBe('100.0%');
    expect(tenthsText(5)).toBe('0.5%');
    expect(tenthsText(1000)).toBe('100.0%');
  });

  it('equals the integer rule for every a / b with b ≤ 2000, from counts and from the divided fraction', () => {
    let fromCounts = 0;
    let fromFraction = 0;
    let toFixedWrong = 0;
    for (let b = 1; b <= 2000; b++) {
      for (let a = 0; a <= b; a++) {
        const want = exactTenths(a, b);
        if (rateTenths(a, b) !== want) fromCounts++;
        if (fractionTenths(a / b) !== want) fromFraction++;
        if (((a / b) * 100).toFixed(1) !== tenthsText(want).slice(0, -1)) toFixedWrong++;
      }
    }
    expect({ fromCounts, fromFraction }).toEqual({ fromCounts: 0, fromFraction: 0 });
    // The bug the issue measured: the dashboard's toFixed(1) differed on hundreds of them.
    expect(toFixedWrong).toBeGreaterThan(400);
  });

  it('keeps ties exact for denominators up to 10^8, from the fraction too', () => {
    // Ties k + ½ tenths: n / d = (2k + 1) / 2000 scaled to a large denominator.
    for (const [n, d] of [
      [23_000_000, 80_000_000],
      [1, 2000],
      [50_000, 100_000_000],
      [99_950_000, 100_000_000],
      [12_345_678 * 2 + 1, 99_999_998],
    ] as const) {
      expect(fractionTenths(n / d)).toBe(exactTenths(n, d));
      expect(rateTenths(n, d)).toBe(exactTenths(n, d));
    }
    // And a spread of large fractions drawn by a fixed linear congruential sequence.
    let seed = 20261206;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 200_000; i++) {
      const d = 1 + (next() % 100_000_000);
      const n = next() % (d + 1);
      if (fractionTenths(n / d) !== exactTenths(n, d)) throw new Error(`${n} / ${d}`);
    }
  });

  it('stays exact past 2^53 with BigInt and refuses what is not a count', () => {
    expect(rateTenths(2 ** 52, 2 ** 53)).toBe(500);
    expect(() => rateTenths(1.5, 3)).toThrow(RangeError);
    expect(() => rateTenths(-1, 3)).toThrow(RangeError);
  });
});
