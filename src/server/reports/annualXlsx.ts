// The annual statistics as the paper form (reports.md §2).
import { ANNUAL_COLUMNS } from '../../domain/reports/forms.ts';
import { today } from '../today.ts';
import type { AnnualReport } from './annual.ts';
import { SCOPE_LABEL } from './common.ts';
import { bookBuffer, formSheet, newBook } from './sheet.ts';

export function annualTitle(r: AnnualReport): string {
  return `${r.name}非公有制企业党建工作情况统计表（${r.year}年）`;
}

export function annualNote(r: AnnualReport): string {
  const asOf = r.partial ? `截至 ${r.asOf}（年度未结束，按当日数据）` : `截至 ${r.asOf}`;
  return `${asOf}；统计口径：${SCOPE_LABEL[r.scope]}；本年情况为 ${r.year}-01-01 至 ${r.asOf}`;
}

export async function annualWorkbook(report: AnnualReport, filledOn: string = today()): Promise<Buffer> {
  const book = newBook();
  formSheet(
    book,
    '年度统计',
    { title: annualTitle(report), unit: report.name, filledOn, note: annualNote(report) },
    ANNUAL_COLUMNS,
    report.total,
    report.rows,
  );
  return bookBuffer(book);
}
