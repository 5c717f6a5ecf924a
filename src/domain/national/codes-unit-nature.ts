// 单位性质类别: the kind of unit an org sits in, as the national system's unit block records it
// (shared/domain/codes.md). Our ledger holds only non-public enterprises and social
// organizations, so the category is derived from the enterprise's kind (and its 中介组织类型),
// never typed. The numeric codes of the social organization kinds are not in the public
// sources we found (docs/national-files.md): those are written by label.
import type { Choice, EnterpriseKind } from '../enterprise/codes.ts';

export const UNIT_NATURES = [
  { code: '21', label: '国有经济控制' },
  { code: '22', label: '集体经济控制' },
  { code: '23', label: '非公有经济控制', aliases: ['非公有制经济控制', '非公有制企业'] },
  { code: '3', label: '事业单位' },
  { code: '4', label: '机关' },
  { code: 'association', label: '社会团体' },
  { code: 'foundation', label: '基金会' },
  { code: 'social_service', label: '民办非企业单位', aliases: ['社会服务机构'] },
  { code: 'law_firm', label: '律师事务所' },
  { code: 'accounting_firm', label: '会计师事务所' },
  { code: 'tax_firm', label: '税务师事务所' },
  { code: 'other_social', label: '其他社会组织' },
] as const satisfies readonly Choice<string>[];
export type UnitNature = (typeof UNIT_NATURES)[number]['code'];

/** The 单位性质类别 of an enterprise in our ledger: its kind, and for a professional firm its 中介组织类型. */
export function unitNatureOf(kind: EnterpriseKind, intermediaryKind: string | null): UnitNature {
  if (intermediaryKind === 'law_firm' || intermediaryKind === 'accounting_firm' || intermediaryKind === 'tax_firm') {
    return intermediaryKind;
  }
  switch (kind) {
    case 'association':
    case 'foundation':
    case 'social_service':
      return kind;
    case 'other':
      return 'other_social';
    default:
      return '23';
  }
}
