// Choosing and naming periods on the pages.
import { halfYearOf } from '../../../domain/assessment/period.ts';
import type { Translate } from '../../i18n/index.tsx';

/** The half year holding today and the three before it, newest first. */
export function recentHalfYears(today = new Date()): string[] {
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`;
  let p = halfYearOf(iso);
  const out = [p];
  for (let k = 0; k < 3; k++) {
    const year = Number(p.slice(0, 4));
    p = p.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
    out.push(p);
  }
  return out;
}

export function periodName(t: Translate, period: string): string {
  const m = /^(\d{4})(H[12])?$/.exec(period);
  if (!m) return period;
  return m[2] ? t(m[2] === 'H1' ? 'period.H1' : 'period.H2', { year: m[1] }) : t('period.year', { year: m[1] });
}

/** A score as the pages show it: two decimals at most, '—' for none. */
export const scoreText = (n: number | null) =>
  n === null ? '—' : n.toLocaleString(undefined, { maximumFractionDigits: 2 });
