// 党组织所在单位情况: whether an org sits in one legal-person unit, covers several (联合党支部), or
// sits in the same unit as its parent (shared/domain/codes.md). Derived from how the org was
// formed and what its parent covers, never typed.
import type { Choice } from '../enterprise/codes.ts';

export const UNIT_SITUATIONS = [
  { code: 'same_as_parent', label: '与上级党组织相同', aliases: ['与上级党组织所在单位相同'] },
  { code: 'legal_person', label: '法人单位' },
  { code: 'joint', label: '联合党支部', aliases: ['多个单位联合', '联合'] },
] as const satisfies readonly Choice<string>[];
export type UnitSituation = (typeof UNIT_SITUATIONS)[number]['code'];

/**
 * A joint org covers several units; a standalone org whose parent covers the same enterprise
 * sits in its parent's unit; any other standalone org sits in its own legal-person unit.
 */
export function unitSituationOf(formation: 'standalone' | 'joint', sameUnitAsParent: boolean): UnitSituation {
  if (formation === 'joint') return 'joint';
  return sameUnitAsParent ? 'same_as_parent' : 'legal_person';
}
