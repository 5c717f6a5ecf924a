import ExcelJS from 'exceljs';

const DATA_ROWS = 5000;

export interface TemplateColumn {
  key: string;
  header: string;
  required: boolean;
  choices?: readonly { label: string }[];
  /** What the guide sheet says of the column. */
  note: string;
  /** Codes that Excel would turn into numbers: the column is formatted as text. */
  text?: boolean;
}

/**
 * An import template: the header row frozen, required columns in red, drop-down lists for
 * every coded column (the lists live on a hidden sheet, so any length works), text columns
 * formatted as text, and a sheet explaining each column, ending with `footer`.
 */
export async function importTemplate(title: string, columns: readonly TemplateColumn[], footer: string) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(title, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = book.addWorksheet('选项', { state: 'veryHidden' });
  const guide = book.addWorksheet('填写说明');

  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length * 2 + 4, c.text ? 22 : 0),
    style: c.text ? { numFmt: '@' } : {},
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
  for (const c of columns) guide.addRow({ header: c.header, required: c.required ? '是' : '否', note: c.note });
  guide.addRow({});
  guide.addRow({ header: footer });
  return Buffer.from(await book.xlsx.writeBuffer());
}
