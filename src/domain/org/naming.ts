// The formal name of a party organization set up in one enterprise, as the county writes it on
// the approval and the seal (中共 + the unit + the body's name): 中共宜昌某某有限公司支部委员会,
// not 宜昌某某有限公司党支部. The create form suggests it from the enterprise picked.
import type { OrgType } from './codes.ts';

const BODY: Readonly<Record<OrgType, string>> = {
  committee: '委员会',
  general_branch: '总支部委员会',
  branch: '支部委员会',
  joint_branch: '联合支部委员会',
  temporary_branch: '临时支部委员会',
};

export const formalOrgName = (unitName: string, type: OrgType): string => `中共${unitName.trim()}${BODY[type]}`;

/** Whether a name is the formal name suggested for the unit under any type (so a type change may replace it). */
export const isSuggestedName = (name: string, unitName: string): boolean =>
  (Object.keys(BODY) as OrgType[]).some((type) => formalOrgName(unitName, type) === name);
