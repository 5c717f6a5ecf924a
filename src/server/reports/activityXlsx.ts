// 组织生活情况 and 作用发挥情况 as paper forms: the annual table's layout (sheet.ts), printed on A4.
import { ACHIEVEMENT_COLUMNS, ORGLIFE_COLUMNS } from '../../domain/reports/activityForms.ts';
import { today } from '../today.ts';
import type { AchievementsReport } from './achievementsReport.ts';
import type { OrglifeReport } from './orglifeReport.ts';
import { bookBuffer, formSheet, newBook } from './sheet.ts';

type ActivityReport = OrglifeReport | AchievementsReport;

const TITLE = { orglife: '党组织生活情况统计表', achievements: '党组织作用发挥情况统计表' } as const;

export function activityTitle(r: ActivityReport): string {
  return `${r.name}非公有制企业${TITLE[r.report]}（${r.year}年）`;
}

export function activityFileName(r: ActivityReport): string {
  return `${TITLE[r.report]}-${r.name}-${r.year}.xlsx`;
}

function note(r: ActivityReport): string {
  const asOf = r.partial ? `${r.asOf}（年度未结束，按当日数据）` : r.asOf;
  return `统计期间：${r.year}-01-01 至 ${asOf}；金额单位：万元`;
}

export async function activityWorkbook(report: ActivityReport, filledOn: string = today()): Promise<Buffer> {
  const book = newBook();
  const heading = { title: activityTitle(report), unit: report.name, filledOn, note: note(report) };
  if (report.report === 'orglife') formSheet(book, '组织生活情况', heading, ORGLIFE_COLUMNS, report.total, report.rows);
  else formSheet(book, '作用发挥情况', heading, ACHIEVEMENT_COLUMNS, report.total, report.rows);
  return bookBuffer(book);
}
