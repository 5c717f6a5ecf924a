// References to party organizations by name or code (上级党组织, 管理党组织, 所在党组织): an
// org already in the system within the importer's scope, or (for the organization file) a row
// of the same file. A code names one org; a name may be used once per region, so a name found
// in several regions is resolved by the referring row's region, or refused as ambiguous.
import { toAsciiUpperCase, toHalfWidth } from '../../../domain/fullwidth.ts';

/** A code as compared (as the row parser keeps 党组织代码): half-width, no whitespace, upper case. */
export function codeForm(s: string): string {
  return toAsciiUpperCase(toHalfWidth(s).replace(/\s+/g, ''));
}

/** Something a reference may name: an org in the database or a row of the file. */
export interface Candidate<T> {
  name: string | null;
  orgCode: string | null;
  regionCode: string | null;
  target: T;
}

export type Resolved<T> =
  | { ok: true; target: T; name: string }
  | { ok: false; kind: 'missing' | 'ambiguous'; among: Candidate<T>[] };

/**
 * The one candidate `ref` names: by code first, then by name; among several, the one in
 * `region` (the referring row's region) if exactly one is there.
 */
export function resolveRef<T>(ref: string, candidates: readonly Candidate<T>[], region: string | null): Resolved<T> {
  const code = codeForm(ref);
  const byCode = candidates.filter((c) => c.orgCode !== null && c.orgCode === code);
  let found = byCode.length > 0 ? byCode : candidates.filter((c) => c.name === ref);
  if (found.length > 1 && region !== null) {
    const here = found.filter((c) => c.regionCode === region);
    if (here.length === 1) found = here;
  }
  if (found.length === 1) return { ok: true, target: found[0].target, name: found[0].name ?? ref };
  return { ok: false, kind: found.length === 0 ? 'missing' : 'ambiguous', among: found };
}

/** “代码 A、B” or “行政区划 420502、420503”: how the candidates of an ambiguous reference differ. */
export function describeAmbiguity<T>(among: readonly Candidate<T>[]): string {
  const codes = among.map((c) => c.orgCode).filter((c): c is string => c !== null);
  if (codes.length === among.length && new Set(codes).size === codes.length)
    return `党组织代码分别为 ${codes.join('、')}`;
  return `分别在行政区划 ${[...new Set(among.map((c) => c.regionCode ?? '未知'))].join('、')}`;
}
