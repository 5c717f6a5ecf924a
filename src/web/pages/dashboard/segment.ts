// The part of the ledger a dashboard looks at (rules.md §1 filters): enterprise kinds, size
// bands, above scale, an industry section or division. Kept in the dashboard's URL under the
// ledger list's own parameter names, so a figure's link to the list carries them unchanged.
import type { Query } from '../../api.ts';
import { KINDS, type LedgerFilter, SIZE_BAND_CODES } from '../ledger/filter.ts';

export type Segment = Pick<LedgerFilter, 'kind' | 'sizeBand' | 'aboveScale' | 'section' | 'industry'>;

// The ledger's size bands in the engine's band indexes (0: <10, 1: 10–29, 2: 30–49, 3: 50–99,
// 4: 100–299, 5: 300+): 10–49 is two of them.
const ENGINE_BANDS: Record<string, number[]> = {
  lt10: [0],
  '10_49': [1, 2],
  '50_99': [3],
  '100_299': [4],
  '300plus': [5],
};

const among = (values: string[], allowed: readonly string[]) => values.filter((v) => allowed.includes(v));

export function readSegment(params: URLSearchParams): Segment {
  const kind = among(params.getAll('kind'), KINDS);
  const sizeBand = among(params.getAll('sizeBand'), SIZE_BAND_CODES);
  const aboveScale = params.get('aboveScale');
  const section = params.get('section');
  const industry = params.get('industry');
  return {
    ...(kind.length ? { kind } : {}),
    ...(sizeBand.length ? { sizeBand } : {}),
    ...(aboveScale === 'true' || aboveScale === 'false' ? { aboveScale } : {}),
    ...(industry && /^\d{2}$/.test(industry) ? { industry } : section && /^[A-T]$/.test(section) ? { section } : {}),
  };
}

export const SEGMENT_KEYS = ['kind', 'sizeBand', 'aboveScale', 'section', 'industry'] as const;

export const isWhole = (s: Segment) => Object.keys(s).length === 0;

/** The segment as the figures' API (FigureQuery) takes it. */
export function segmentQuery(s: Segment): Query {
  const industry = s.industry ?? s.section;
  return {
    ...(s.kind ? { kinds: s.kind.join(',') } : {}),
    ...(s.sizeBand ? { bands: s.sizeBand.flatMap((b) => ENGINE_BANDS[b] ?? []).join(',') } : {}),
    ...(s.aboveScale ? { aboveScale: s.aboveScale } : {}),
    ...(industry ? { industry } : {}),
  };
}
