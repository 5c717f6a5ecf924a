// Assessment and owner survey periods: a half year ('2026H2', the periodic assessment's rhythm,
// rules.md §8) or, for owner surveys only, a whole year ('2026').

const HALF_YEAR = /^(\d{4})H([12])$/;
const YEAR = /^(\d{4})$/;

export function isHalfYear(period: string): boolean {
  return HALF_YEAR.test(period);
}

export function isOwnerSurveyPeriod(period: string): boolean {
  return HALF_YEAR.test(period) || YEAR.test(period);
}

/** First and last calendar day of the period, both inclusive. */
export function periodRange(period: string): { from: string; to: string } {
  const half = HALF_YEAR.exec(period);
  if (half) {
    const y = half[1];
    return half[2] === '1' ? { from: `${y}-01-01`, to: `${y}-06-30` } : { from: `${y}-07-01`, to: `${y}-12-31` };
  }
  const year = YEAR.exec(period);
  if (year) return { from: `${year[1]}-01-01`, to: `${year[1]}-12-31` };
  throw new RangeError(`not a period: ${period}`);
}

/** The half year a date falls in: '2026-07-01' → '2026H2'. */
export function halfYearOf(date: string): string {
  return `${date.slice(0, 4)}H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
}

/** The period as people write it: 2026年下半年, 2026年度. */
export function periodLabel(period: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  const half = HALF_YEAR.exec(period);
  if (half) {
    if (lang === 'en-US') return `${half[2] === '1' ? 'H1' : 'H2'} ${half[1]}`;
    return `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  }
  return lang === 'en-US' ? period : `${period}年度`;
}
