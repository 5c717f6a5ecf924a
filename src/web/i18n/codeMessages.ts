// Messages for a domain code list whose labels the domain keeps (src/domain/enterprise/categories.ts):
// one `prefix.code` key a code, so the two dictionaries and the code list cannot drift apart.
import { SIZE_BANDS, type SizeBand } from '../../domain/enterprise/categories.ts';

export function codeMessages<P extends string, C extends string>(
  prefix: P,
  labels: Record<C, string>,
): Record<`${P}.${C}`, string> {
  const entries = Object.entries<string>(labels).map(([code, label]) => [`${prefix}.${code}`, label]);
  return Object.fromEntries(entries) as Record<`${P}.${C}`, string>;
}

/** The size bands' labels in one language, by code. */
export function sizeBandLabels(lang: 'zh-CN' | 'en-US'): Record<SizeBand, string> {
  return Object.fromEntries(SIZE_BANDS.map((b) => [b.code, b.labels[lang]])) as Record<SizeBand, string>;
}
