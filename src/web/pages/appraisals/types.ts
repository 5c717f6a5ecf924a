import type { ApiResponse } from '../../api/types.ts';

export type OrgAppraisals = ApiResponse<'/api/orgs/{id}/appraisals'>;
export type OrgAppraisal = OrgAppraisals['orgAppraisals'][number];
export type MemberAppraisal = OrgAppraisals['memberAppraisals'][number];

export const GRADES = ['advanced', 'ordinary', 'lagging'] as const;
export const RESULTS = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export const FOLLOW_UPS = ['education', 'correct_by', 'persuade_withdraw', 'removal'] as const;

/** The follow-ups open to a result: a 基本合格 member is helped or given a deadline, not disposed of. */
export const followUpsOf = (result: MemberAppraisal['result']) =>
  result === 'unqualified' ? FOLLOW_UPS : FOLLOW_UPS.slice(0, 2);

export const GRADE_COLOR = { advanced: 'green', ordinary: 'blue', lagging: 'orange' } as const;
export const RESULT_COLOR = {
  excellent: 'green',
  qualified: 'blue',
  basically_qualified: 'orange',
  unqualified: 'red',
} as const;
