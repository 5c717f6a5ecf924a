import { ENTERPRISE_COLUMNS } from '../../../domain/enterprise/columns.ts';
import { importTemplate } from '../../files/template.ts';

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

/** The import template (src/server/files/template.ts) with the enterprise file's columns. */
export function enterpriseTemplate(): Promise<Buffer> {
  return importTemplate(
    '企业台账',
    ENTERPRISE_COLUMNS.map((c) => ({
      ...c,
      note: c.choices ? `可选：${c.choices.map((x) => x.label).join('、')}` : (NOTES[c.key] ?? ''),
      text: c.key === 'uscc' || c.key === 'regionCode' || c.key === 'industryCode',
    })),
    '第 1 行为表头，列的顺序不限；空行会被跳过；同一文件中统一社会信用代码不能重复。',
  );
}
