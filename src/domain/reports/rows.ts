// What every report row shares: a child region (or the region's own level), numbers that sum
// into the 合计 row, and rates recomputed from those sums (reports.md: never averaged).

export interface RegionKey {
  region: string;
  name: string;
  /** Records registered at the report's region itself rather than in one of its children. */
  direct?: boolean;
}

/** The total of `keys` over the rows: the 合计 row is the exact sum of the rows beneath it. */
export function sumFields<K extends string>(rows: readonly Record<K, number>[], keys: readonly K[]): Record<K, number> {
  const t = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) for (const k of keys) t[k] += r[k];
  return t;
}

/** The child a record of `regionCode` is counted under: the child whose prefix it starts with, else the region itself. */
export function childOf(
  children: readonly { code: string; prefix: string }[],
  regionCode: string,
  own: string,
): string {
  for (const c of children) if (regionCode.startsWith(c.prefix)) return c.code;
  return own;
}

/** A change of rate in percentage points as the forms print it, one decimal; null without both rates. */
export function changePoints(now: number | null, before: number | null): number | null {
  if (now === null || before === null) return null;
  return Math.round((now - before) * 1000) / 10;
}
