import ExcelJS from 'exceljs';
import { type ImportKind, KINDS } from './kinds.ts';

const DATA_ROWS = 5000;

/**
 * The import template of an organization or member file, as the enterprise template is made:
 * the header row frozen, required columns in red, drop-down lists for every coded column (kept
 * on a hidden sheet), code columns formatted as text, and a sheet explaining each column.
 */
export async function kindTemplate(kind: ImportKind): Promise<Buffer> {
  const { title, columns, textColumns } = KINDS[kind];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = book.addWorksheet('选项', { state: 'veryHidden' });
  const guide = book.addWorksheet('填写说明');

  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4, textColumns.includes(c.key) ? 22 : 0),
    style: textColumns.includes(c.key) ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });

  let listColumn = 0;
  columns.forEach((c, i) => {
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
    { header: '说明', key: 'note', width: 90 },
  ];
  guide.getRow(1).font = { bold: true };
  for (const c of columns) {
    const choices = c.choices ? `可选：${c.choices.map((x) => x.label).join('、')}` : '';
    guide.addRow({
      header: c.header,
      required: c.required ? '是' : '否',
      note: [c.hint, choices].filter(Boolean).join('；'),
    });
  }
  guide.addRow({});
  guide.addRow({
    header:
      kind === 'orgs'
        ? '第 1 行为表头，列的顺序不限；空行会被跳过；同一文件中党组织代码不能重复，同一地区的党组织名称不能重复；上级党组织须已在系统中或写在更靠前的行。'
        : '第 1 行为表头，列的顺序不限；空行会被跳过；同一文件中公民身份号码不能重复；所在党组织须已在系统中（请先导入党组织台账）。',
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
