// 组织生活情况 and 作用发挥情况 as paper forms: the annual table's layout (sheet.ts), printed on A4.
import { ACHIEVEMENT_COLUMNS, ORGLIFE_COLUMNS } from '../../domain/reports/activityForms.ts';
import { TRAINING_COLUMNS } from '../../domain/reports/trainingForm.ts';
import { today } from '../today.ts';
import type { AchievementsReport } from './achievementsReport.ts';
import type { OrglifeReport } from './orglifeReport.ts';
import { bookBuffer, formSheet, newBook } from './sheet.ts';
import type { TrainingReport } from './trainingReport.ts';

type ActivityReport = OrglifeReport | AchievementsReport | TrainingReport;

const TITLE = {
  orglife: '党组织生活情况统计表',
  achievements: '党组织作用发挥情况统计表',
  training: '党员和党务干部培训情况统计表',
} as const;

export function activityTitle(r: ActivityReport): string {
  return `${r.name}非公有制企业${TITLE[r.report]}（${r.year}年）`;
}

export function activityFileName(r: ActivityReport): string {
  return `${TITLE[r.report]}-${r.name}-${r.year}.xlsx`;
}

function note(r: ActivityReport): string {
  const asOf = r.partial ? `${r.asOf}（年度未结束，按当日数据）` : r.asOf;
  if (r.report === 'training')
    return `统计期间：${r.year}-01-01 至 ${asOf}；培训班按举办地区、学时要求按本人所在地区统计；学时含网上党校课程`;
  return `统计期间：${r.year}-01-01 至 ${asOf}；金额单位：万元`;
}

export async function activityWorkbook(report: ActivityReport, filledOn: string = today()): Promise<Buffer> {
  const book = newBook();
  const heading = { title: activityTitle(report), unit: report.name, filledOn, note: note(report) };
  if (report.report === 'orglife') formSheet(book, '组织生活情况', heading, ORGLIFE_COLUMNS, report.total, report.rows);
  else if (report.report === 'training')
    formSheet(book, '培训情况', heading, TRAINING_COLUMNS, report.total, report.rows);
  else formSheet(book, '作用发挥情况', heading, ACHIEVEMENT_COLUMNS, report.total, report.rows);
  return bookBuffer(book);
}
