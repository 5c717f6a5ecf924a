// 企业控制情况: who controls a non-public enterprise, the columns of 年报 table 27 (shared/domain/
// codes.md). Derived from the enterprise's kind; a social organization has none.
import type { Choice, EnterpriseKind } from '../enterprise/codes.ts';

export const ENTERPRISE_CONTROLS = [
  { code: 'private', label: '私有经济控制' },
  { code: 'hmt', label: '港澳台商经济控制' },
  { code: 'foreign', label: '外商经济控制' },
] as const satisfies readonly Choice<string>[];
export type EnterpriseControl = (typeof ENTERPRISE_CONTROLS)[number]['code'];

export function enterpriseControlOf(kind: EnterpriseKind): EnterpriseControl | null {
  if (kind === 'private' || kind === 'individual') return 'private';
  if (kind === 'hmt' || kind === 'foreign') return kind;
  return null;
}
