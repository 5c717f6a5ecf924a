// 新社会阶层类型: the national member system's code of the new social strata (shared/domain/codes.md).
// Stored on the member as the code (members.new_class_code); shown by its label.
import type { Choice } from '../enterprise/codes.ts';

export const NEW_CLASS_CODES = [
  { code: '1', label: '民营科技企业创业人员和技术人员' },
  { code: '2', label: '受聘于外资企业的管理技术人员' },
  { code: '3', label: '个体户' },
  { code: '31', label: '城镇个体户' },
  { code: '4', label: '私营企业主' },
  { code: '41', label: '民营科技企业创业私营企业主' },
  { code: '5', label: '中介组织和社会组织从业人员' },
  { code: '6', label: '自由职业人员' },
] as const satisfies readonly Choice<string>[];
export type NewClassCode = (typeof NEW_CLASS_CODES)[number]['code'];
