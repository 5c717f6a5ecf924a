// The quarterly report of new organizations as the paper form (reports.md §1): Part A by
// region, Part B one row per new organization.
import { QUARTERLY_COLUMNS } from '../../domain/reports/forms.ts';
import { parseQuarter } from '../../domain/stats/quarter.ts';
import { today } from '../today.ts';
import { SCOPE_LABEL } from './common.ts';
import type { QuarterlyReport } from './quarterly.ts';
import { bookBuffer, formSheet, listSheet, newBook } from './sheet.ts';

export const PART_B_HEADERS = [
  '所属地区',
  '党组织名称',
  '类别',
  '组建方式',
  '覆盖企业',
  '正式党员',
  '预备党员',
  '书记',
  '成立日期',
  '批准机关',
];

export function quarterlyTitle(r: QuarterlyReport): string {
  const { year, quarter } = parseQuarter(r.quarter);
  return `${r.name}非公企业新建党组织季报（${year}年第${quarter}季度）`;
}

export function quarterlyNote(r: QuarterlyReport): string {
  const asOf = r.asOf === r.to ? `季末 ${r.to}` : `截至 ${r.asOf}（本季度未结束）`;
  return `${r.from} 至 ${r.asOf}；覆盖率为${asOf}，较上季变化与 ${r.previousDate} 相比；统计口径：${SCOPE_LABEL[r.scope]}`;
}

export function partBRow(o: QuarterlyReport['orgs'][number]): (string | number | null)[] {
  return [
    o.regionName,
    o.name,
    o.typeLabel,
    o.formationLabel,
    o.enterprises.join('、'),
    o.fullMembers,
    o.probationaryMembers,
    o.secretary,
    o.establishedOn,
    o.approvedBy,
  ];
}

export async function quarterlyWorkbook(report: QuarterlyReport, filledOn: string = today()): Promise<Buffer> {
  const book = newBook();
  const title = quarterlyTitle(report);
  formSheet(
    book,
    '新建党组织情况',
    { title, unit: report.name, filledOn, note: quarterlyNote(report) },
    QUARTERLY_COLUMNS,
    report.total,
    report.rows,
  );
  listSheet(
    book,
    '新建党组织名单',
    { title: `${title}：新建党组织名单`, unit: report.name, filledOn },
    PART_B_HEADERS,
    report.orgs.map(partBRow),
  );
  return bookBuffer(book);
}
