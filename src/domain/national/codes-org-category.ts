// 党组织类别: the national member system's code of a party organization's kind (shared/domain/
// codes.md; docs/national-files.md). Derived from the org's type, never stored a second time.
import type { Choice } from '../enterprise/codes.ts';
import type { OrgType } from '../org/codes.ts';

export const ORG_CATEGORIES = [
  { code: '611', label: '党委', aliases: ['基层党委', '党的基层委员会', '基层委员会'] },
  { code: '621', label: '党总支', aliases: ['总支部委员会', '党总支部'] },
  { code: '631', label: '党支部', aliases: ['支部'] },
  { code: '632', label: '联合党支部', aliases: ['联合支部'] },
] as const satisfies readonly Choice<string>[];
export type OrgCategory = (typeof ORG_CATEGORIES)[number]['code'];

const OF_TYPE: Record<OrgType, OrgCategory> = {
  committee: '611',
  general_branch: '621',
  branch: '631',
  joint_branch: '632',
  // The national list has no code of its own for a temporary or functional branch: it is a 党支部.
  temporary_branch: '631',
};

/** The 党组织类别 of one of our org types. */
export function orgCategoryOf(type: OrgType): OrgCategory {
  return OF_TYPE[type];
}

/** Our org type of a 党组织类别 (631 reads as a branch; a temporary branch comes back as one). */
export function orgTypeOfCategory(code: OrgCategory): OrgType {
  return code === '611' ? 'committee' : code === '621' ? 'general_branch' : code === '632' ? 'joint_branch' : 'branch';
}
