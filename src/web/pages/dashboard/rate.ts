/** A coverage rate as rules.md §2 shows it: a percentage with one decimal, “—” when nothing is in scope. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}
