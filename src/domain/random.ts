/** A source of floats in [0, 1), like `Math.random`; injectable so demo data can be seeded. */
export type Rand = () => number;

/** Picks uniformly from `items`. */
export function pick<T>(rand: Rand, items: ArrayLike<T>): T {
  if (items.length === 0) throw new RangeError('pick: no items to choose from');
  // Clamped because a sloppy seeded generator returning exactly 1 would otherwise index past the end.
  const i = Math.min(Math.floor(rand() * items.length), items.length - 1);
  return items[Math.max(i, 0)];
}

/** `count` characters drawn independently from `alphabet`. */
export function randomString(rand: Rand, alphabet: string, count: number): string {
  let out = '';
  for (let k = 0; k < count; k++) out += pick(rand, alphabet);
  return out;
}

/** A deterministic generator (mulberry32): the same seed gives the same demo data on every machine. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
