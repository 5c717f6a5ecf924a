// The org pages' coded values and findings in the user's language.

import { FINDING_LEVELS, type OrgFindingLevel } from '../../../domain/org/orgFindings.ts';
import type { OrgFinding } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/index.tsx';

/** Levels from the most to the least pressing. */
export { FINDING_LEVELS };

export const FINDING_ALERT: Record<OrgFindingLevel, 'error' | 'warning' | 'info'> = {
  overdue: 'error',
  due: 'warning',
  warning: 'warning',
  info: 'info',
};

export const FINDING_COLOR: Record<OrgFindingLevel, string> = {
  overdue: 'red',
  due: 'orange',
  warning: 'gold',
  info: 'blue',
};

export const findingLevelKey = (level: OrgFindingLevel): MessageKey => `org.findingLevel.${level}`;

/** 逾期未换届 or 即将换届, from the findings; null when the term is neither. */
export function termState(findings: OrgFinding[]): 'overdue' | 'due' | null {
  if (findings.some((f) => f.code === 'reelection_overdue')) return 'overdue';
  if (findings.some((f) => f.code === 'reelection_due')) return 'due';
  return null;
}

/** Whether an org is dissolved as of today (a dissolution date not after today). */
export const isDissolved = (dissolvedOn: string | null, today: string) => dissolvedOn !== null && dissolvedOn <= today;
