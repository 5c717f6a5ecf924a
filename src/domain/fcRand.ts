// Test-only: a fast-check arbitrary for `Rand`, built from a finite list of draws so that
// failing cases shrink to readable inputs (a seeded PRNG would not shrink).
import fc from 'fast-check';
import type { Rand } from './random.ts';

export const unitDouble = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

export const arbRand: fc.Arbitrary<Rand> = fc.array(unitDouble, { minLength: 1, maxLength: 40 }).map((draws) => {
  let i = 0;
  const rand: Rand = () => draws[i++ % draws.length];
  // fast-check prints this when a property fails.
  Object.defineProperty(rand, 'toString', { value: () => `rand(${JSON.stringify(draws)})` });
  return rand;
});
