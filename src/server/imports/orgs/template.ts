import { importTemplate } from '../../files/template.ts';
import { type ImportKind, KINDS } from './kinds.ts';

const FOOTERS: Record<ImportKind, string> = {
  orgs: '第 1 行为表头，列的顺序不限；空行会被跳过；同一文件中党组织代码不能重复，同一地区的党组织名称不能重复；上级党组织须已在系统中或写在更靠前的行。',
  members:
    '第 1 行为表头，列的顺序不限；空行会被跳过；同一文件中公民身份号码不能重复；所在党组织须已在系统中（请先导入党组织台账）。',
  national_members:
    '与全国党员管理信息系统导出的党员信息列相同；第 1 行为表头，列的顺序不限，其他列（学位、党龄等）不导入；所在党支部须已在系统中。核对结果分新增、变更（逐项前后对比）和文件中缺少的党员，确认后整批写入，缺少的党员不会被删除。',
};

/** The import template (src/server/files/template.ts) of an organization or member file. */
export function kindTemplate(kind: ImportKind): Promise<Buffer> {
  const { title, columns, textColumns } = KINDS[kind];
  return importTemplate(
    title,
    columns.map((c) => ({
      ...c,
      note: [c.hint, c.choices ? `可选：${c.choices.map((x) => x.label).join('、')}` : ''].filter(Boolean).join('；'),
      text: (textColumns as readonly string[]).includes(c.key),
    })),
    FOOTERS[kind],
  );
}
