// How one list filter lives in the URL: read from its values (`?k=a&k=b`), written back, and
// left out of the URL where it holds its default, so a plain link and a reset list agree.

export interface Param<T> {
  read(values: string[]): T;
  write(value: T): string[];
}

/** Free text (a name search, a region code); blank counts as unset. */
export const text = (): Param<string | undefined> => ({
  read: (v) => v[0]?.trim() || undefined,
  write: (x) => (x ? [x] : []),
});

/** A row id (an org, an employer): a positive whole number or unset. */
export const id = (): Param<number | undefined> => ({
  read: (v) => {
    const n = Number(v[0]);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  },
  write: (x) => (x === undefined ? [] : [String(x)]),
});

/** One of a closed list of codes; anything else counts as unset (or as `fallback`, which the URL leaves out). */
export function oneOf<T extends string>(values: readonly T[]): Param<T | undefined>;
export function oneOf<T extends string>(values: readonly T[], fallback: T): Param<T>;
export function oneOf<T extends string>(values: readonly T[], fallback?: T): Param<T | undefined> {
  return {
    read: (v) => (values.includes(v[0] as T) ? (v[0] as T) : fallback),
    write: (x) => (x === undefined || x === fallback ? [] : [x]),
  };
}

/** Several values (`?category=a&category=b`); none counts as unset. */
export const many = <T extends string = string>(): Param<T[] | undefined> => ({
  read: (v) => {
    const values = v.filter(Boolean) as T[];
    return values.length ? values : undefined;
  },
  write: (x) => x ?? [],
});

/** A switch that is on when the URL says `true`. */
export const flag = (): Param<boolean> => ({
  read: (v) => v[0] === 'true',
  write: (x) => (x ? ['true'] : []),
});

export type Params = Record<string, Param<unknown>>;
export type Values<P extends Params> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/** The declared filters as the URL holds them. */
export function readParams<P extends Params>(params: P, search: URLSearchParams): Values<P> {
  const values: Record<string, unknown> = {};
  for (const [k, p] of Object.entries(params)) values[k] = p.read(search.getAll(k));
  return values as Values<P>;
}

/** The filters as URL parameters (or an API query), in the order declared, defaults left out. */
export function writeParams<P extends Params>(params: P, values: Partial<Values<P>>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [k, p] of Object.entries(params)) for (const v of p.write(values[k])) search.append(k, v);
  return search;
}

/** How many of `keys` are set (the badge on a phone's filter button). */
export function countSet<V extends object>(values: V, keys: readonly (keyof V)[]): number {
  return keys.filter((k) => {
    const v = values[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false && v !== '';
  }).length;
}

/** Every declared filter unset (a reset: spread it, then keep what must stay). */
export function unset<P extends Params>(params: P): Partial<Values<P>> {
  return Object.fromEntries(Object.keys(params).map((k) => [k, undefined])) as Partial<Values<P>>;
}
