// A rate as every surface prints it (rules.md §2, reports.md): a percentage with one
// decimal, rounded half up, “—” when there is no denominator. The dashboard, the reports
// (screen, JSON, .xlsx), the CLI and the charts all print rates through this module, so 23
// of 80 is 28.8 % everywhere.
//
// The rounding is done on the integers: n / d in tenths of a percent is 1000·n / d, and
// half up is ⌊(2000·n + d) / (2·d)⌋. A float n / d is never rounded directly: 0.2875 is
// stored as 0.28749999…, and toFixed(1) of its hundredfold then prints 28.7.

/** n / d in tenths of a percent, rounded half up; null without a denominator. */
export function rateTenths(n: number, d: number): number | null {
  if (d === 0) return null;
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 0 || d < 0) {
    throw new RangeError(`a rate needs non-negative whole numbers, not ${n} / ${d}`);
  }
  const num = 2000 * n + d;
  const den = 2 * d;
  if (Number.isSafeInteger(num)) return (num - (num % den)) / den;
  // Beyond 2^53 (no ledger is that big, but the rule must not depend on it): BigInt.
  return Number((BigInt(n) * 2000n + BigInt(d)) / (BigInt(d) * 2n));
}

/** Tenths of a percent as text: 288 → “28.8%”, null → “—”. */
export function tenthsText(tenths: number | null): string {
  if (tenths === null) return '—';
  return `${Math.trunc(tenths / 10)}.${tenths % 10}%`;
}

/** The rate n / d as it is printed: “28.8%” for 23 / 80, “—” for d = 0. */
export function ratePercent(n: number, d: number): string {
  return tenthsText(rateTenths(n, d));
}

/**
 * For a rate that reached this code already divided (a fraction sent as JSON, without its
 * counts): the tenths of the fraction n / d it was computed from, exact for every d below
 * 10^8. Why that holds: a fraction that is not a tie lies at least 1 / (2·d) ≥ 5·10^-9 from a
 * tie k + ½ (in tenths), while a double's error on r·1000 for r ≤ 1 is below 10^-12; so
 * nudging by 10^-9 before rounding turns exactly the ties (and only them) upwards, as the
 * integers would. Tested against the integer rule for every a / b with b ≤ 2000.
 */
export function fractionTenths(r: number | null): number | null {
  if (r === null || !Number.isFinite(r)) return null;
  return Math.floor(r * 1000 + 0.5 + 1e-9);
}

/** A rate given as a fraction (0.2875, not 28.75), printed as {@link ratePercent} prints n / d. */
export function percent(r: number | null): string {
  return tenthsText(fractionTenths(r));
}
