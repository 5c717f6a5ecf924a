import { invalid, notAfterToday } from '../orgs/invalid.ts';
import type { OrgRow } from '../orgs/load.ts';

/**
 * A date of an org's record: not after today, not before the org was established, not after
 * it was dissolved — naming the field and the bound.
 */
export function checkOrgDate(field: string, label: string, date: string, org: OrgRow, today: string) {
  notAfterToday(field, label, date, { today });
  if (date < org.establishedOn) {
    invalid(field, `${label}（${date}）早于 ${org.name} 的成立日期（${org.establishedOn}）`);
  }
  if (org.dissolvedOn !== null && date > org.dissolvedOn) {
    invalid(field, `${label}（${date}）晚于 ${org.name} 的撤销日期（${org.dissolvedOn}）`);
  }
}

/** The appraised year: the one the appraisal is dated in or the year before, and the org existed in it. */
export function checkAppraisedYear(year: number, appraisedOn: string, org: OrgRow) {
  const dated = Number(appraisedOn.slice(0, 4));
  if (year > dated) invalid('year', `评定年度（${year}）晚于评定日期（${appraisedOn}）`);
  if (year < dated - 1) invalid('year', `评定年度（${year}）应为评定日期所在年度或上一年度`);
  if (year < Number(org.establishedOn.slice(0, 4))) {
    invalid('year', `评定年度（${year}）早于 ${org.name} 的成立年度（${org.establishedOn.slice(0, 4)}）`);
  }
}
