// 失联情形: the national member system's code for why a member lost contact with the org
// (codes.md; rules.md §13; the columns U–AA of 年报 table 43). Stored as the national code, shown
// as the label; both are accepted on import. Sources: docs/sources/annual-tables-27-30.md §4.
import type { Choice } from '../enterprise/codes.ts';

export const LOST_CONTACT_CIRCUMSTANCES = [
  { code: '1', label: '外出务工经商' },
  { code: '2', label: '单位改制或破产' },
  { code: '3', label: '毕业后去向不明' },
  { code: '4', label: '工作单位改变' },
  { code: '5', label: '出国(境)', aliases: ['出国（境）', '出国', '出境'] },
  { code: '6', label: '居住地改变' },
  // The official 填表要求: the concrete reason goes in the remark (备注) when 其他.
  { code: '7', label: '其他' },
] as const satisfies readonly Choice<string>[];

export type LostContactCircumstance = (typeof LOST_CONTACT_CIRCUMSTANCES)[number]['code'];

export const LOST_CONTACT_CIRCUMSTANCE_CODES = LOST_CONTACT_CIRCUMSTANCES.map((c) => c.code) as [
  LostContactCircumstance,
  ...LostContactCircumstance[],
];

/** The English labels (the zh-CN label is the official one). */
export const LOST_CONTACT_CIRCUMSTANCE_EN: Record<LostContactCircumstance, string> = {
  '1': 'Working or trading away',
  '2': 'Employer restructured or bankrupt',
  '3': 'Whereabouts unknown after graduation',
  '4': 'Changed employer',
  '5': 'Went abroad',
  '6': 'Moved home',
  '7': 'Other',
};
