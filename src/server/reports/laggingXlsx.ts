// The lagging list as a workbook (reports.md §4): the regions with their reasons, then one
// sheet per list of items to chase, each with who is responsible.
import type ExcelJS from 'exceljs';
import { fractionTenths, percent, rateTenths } from '../../domain/stats/rate.ts';
import { today } from '../today.ts';
import { SCOPE_LABEL } from './common.ts';
import type { LaggingReport } from './lagging.ts';
import { bookBuffer, type ListCell, listSheet, newBook } from './sheet.ts';

export const REGION_HEADERS = [
  '地区',
  '企业总数',
  '已建党组织的企业',
  '党组织覆盖率',
  '上季末覆盖率',
  '逾期未换届',
  '滞后原因',
];

export function laggingTitle(r: LaggingReport): string {
  return `${r.name}非公企业党建工作进展滞后督促清单（${r.date}）`;
}

/** One list of items to chase; the note says when the list is cut short. */
function sheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  r: LaggingReport,
  filledOn: string,
  headers: string[],
  rows: ListCell[][],
  total?: number,
) {
  const note = total !== undefined && total > rows.length ? `共 ${total} 条，此处列出前 ${rows.length} 条` : undefined;
  listSheet(book, name, { title, unit: r.name, filledOn, ...(note ? { note } : {}) }, headers, rows);
}

const RATE = '0.0%';
/** A rate cell holds the fraction as the screen rounds it (0.288 for 28.8%), so Excel shows the same figure. */
const rateCell = (tenths: number | null) => (tenths === null ? null : tenths / 1000);

export async function laggingWorkbook(r: LaggingReport, filledOn: string = today()): Promise<Buffer> {
  const book = newBook();
  const title = laggingTitle(r);
  listSheet(
    book,
    '滞后地区',
    {
      title,
      unit: r.name,
      filledOn,
      note: `本地区党组织覆盖率 ${percent(r.orgCoverageRate)}；低于本地区超过 ${r.laggingPoints} 个百分点、较 ${r.previousDate} 下降、有逾期未换届或未按期报送 ${r.quarterly.quarter} 季报（${r.quarterly.dueOn} 前）的下级地区列为滞后；统计口径：${SCOPE_LABEL[r.scope]}`,
    },
    REGION_HEADERS,
    r.regions.map((g) => [
      g.name,
      g.inScope,
      g.orgCovered,
      rateCell(rateTenths(g.orgCovered, g.inScope)),
      rateCell(fractionTenths(g.previousRate)),
      g.overdueReelections,
      g.reasons.map((x) => x.text).join('；'),
    ]),
    { formats: [undefined, '0', '0', RATE, RATE, '0'], maxWidth: 60 },
  );
  const enterpriseRows = (list: LaggingReport['shouldForm']) =>
    list.rows.map((e) => [e.regionName, e.name, e.employees, e.fullMembers, e.responsible.name]);
  const enterpriseHeaders = ['所在地区', '企业名称', '从业人员', '正式党员', '责任单位'];
  sheet(
    book,
    '应建未建',
    `${title}：应建未建企业`,
    r,
    filledOn,
    enterpriseHeaders,
    enterpriseRows(r.shouldForm),
    r.shouldForm.total,
  );
  sheet(
    book,
    '重点盯住',
    `${title}：重点盯住企业`,
    r,
    filledOn,
    enterpriseHeaders,
    enterpriseRows(r.keyWatch),
    r.keyWatch.total,
  );
  sheet(
    book,
    '逾期未换届',
    `${title}：逾期未换届党组织`,
    r,
    filledOn,
    ['所在地区', '党组织名称', '任期届满', '逾期天数', '责任单位'],
    r.overdueReelections.rows.map((o) => [o.regionName, o.name, o.termEndsOn, o.daysOverdue, o.responsible.name]),
    r.overdueReelections.total,
  );
  sheet(
    book,
    '发展党员逾期',
    `${title}：发展党员逾期事项`,
    r,
    filledOn,
    ['姓名', '党组织', '应完成日期', '事项', '责任单位'],
    r.overdueDevelopments.rows.map((d) => [d.name, d.orgName, d.dueOn, d.message, d.responsible.name]),
    r.overdueDevelopments.total,
  );
  return bookBuffer(book);
}
