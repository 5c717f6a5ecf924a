// 失联情形: why a member is out of contact (rules.md §13, shared/domain/codes.md). Kept in its own
// file: the lost-contact area (issue #17 item 4) uses the same list.
import type { Choice } from '../enterprise/codes.ts';

export const LOST_CONTACT_CIRCUMSTANCES = [
  { code: '1', label: '外出务工经商' },
  { code: '2', label: '单位改制或破产' },
  { code: '3', label: '毕业后去向不明' },
  { code: '4', label: '工作单位改变' },
  { code: '5', label: '出国(境)', aliases: ['出国（境）', '出国', '出境'] },
  { code: '6', label: '居住地改变' },
  { code: '7', label: '其他' },
] as const satisfies readonly Choice<string>[];
export type LostContactCircumstance = (typeof LOST_CONTACT_CIRCUMSTANCES)[number]['code'];
