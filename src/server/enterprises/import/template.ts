import ExcelJS from 'exceljs';
import { ENTERPRISE_COLUMNS } from '../../../domain/enterprise/columns.ts';

const NOTES: Record<string, string> = {
  uscc: '18 位，字母大写；请将本列设为文本格式，以免 Excel 改写',
  name: '1–200 个字符',
  regionCode: '统计用区划代码：县级 6 位、乡镇（街道）9 位、村（社区）12 位',
  industryCode: 'GB/T 4754-2017 大类代码，如 13 或 C13；只知门类时填字母，如 C',
  employees: '不小于 0 的整数',
  memberCount: '在本单位工作的党员人数（含预备党员）',
  fullMemberCount: '不大于党员数；不填时按党员数计，并标记为估计值',
  foundedOn: '如 2019-03-01、2019/3/1、2019年3月1日，或 Excel 日期',
  phone: '数字、-、+、空格，5–20 个字符',
  cluster: '园区、楼宇、市场或商会名称；文字相同即视为同一处',
};

const DATA_ROWS = 5000;

/**
 * The import template: the header row frozen, required columns marked, drop-down lists
 * for every coded column (the lists live on a hidden sheet, so any length works), and a
 * sheet explaining each column.
 */
export async function enterpriseTemplate(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('企业台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = book.addWorksheet('选项', { state: 'veryHidden' });
  const guide = book.addWorksheet('填写说明');

  sheet.columns = ENTERPRISE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4),
    style: c.key === 'uscc' || c.key === 'regionCode' || c.key === 'industryCode' ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  ENTERPRISE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  let listColumn = 0;
  ENTERPRISE_COLUMNS.forEach((c, i) => {
    if (!c.choices) return;
    listColumn++;
    const labels = c.choices.map((x) => x.label);
    lists.getColumn(listColumn).values = [c.header, ...labels];
    const letter = lists.getColumn(listColumn).letter;
    const target = sheet.getColumn(i + 1).letter;
    (
      sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${target}2:${target}${DATA_ROWS + 1}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`选项!$${letter}$2:$${letter}$${labels.length + 1}`],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从下拉列表中选择：${labels.join('、')}`,
    });
  });

  guide.columns = [
    { header: '列', key: 'header', width: 20 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'note', width: 80 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of ENTERPRISE_COLUMNS) {
    guide.addRow({
      header: c.header,
      required: c.required ? '是' : '否',
      note: c.choices ? `可选：${c.choices.map((x) => x.label).join('、')}` : (NOTES[c.key] ?? ''),
    });
  }
  guide.addRow({});
  guide.addRow({ header: '第 1 行为表头，列的顺序不限；空行会被跳过；同一文件中统一社会信用代码不能重复。' });
  return Buffer.from(await book.xlsx.writeBuffer());
}
