// Everything the rules say about one org today (rules.md §4–§5), as prompts for its page, the
// org list and the work prompts. Computed from recorded facts, never stored.
import type { OrgType } from './codes.ts';
import {
  branchOverSize,
  checkCommitteeSize,
  DEFAULT_FORMATION_RULES,
  type FormationRules,
  jointOrgFindings,
  upgradeOptions,
} from './formation.ts';
import { DEFAULT_ELECTION_REMINDER_MONTHS, DEFAULT_TERM_YEARS, electionStatus } from './terms.ts';

export interface OrgFindingFacts {
  type: string;
  formation: string;
  dissolvedOn: string | null;
  units: number;
  fullMembers: number;
  members: number;
  officers: number;
  termEndsOn: string | null;
}

export type OrgFindingCode =
  | 'over_unit_limit'
  | 'under_full_members'
  | 'committee_too_small'
  | 'committee_above_usual'
  | 'committee_too_large'
  | 'committee_not_required'
  | 'no_secretary'
  | 'branch_over_size'
  | 'may_become_general_branch'
  | 'may_become_committee'
  | 'reelection_due'
  | 'reelection_overdue'
  | 'no_election';

/** `overdue` counts as lagging; `warning` needs attention; `info` is a possibility, not a duty. */
export const FINDING_LEVELS = ['overdue', 'due', 'warning', 'info'] as const;
export type OrgFindingLevel = (typeof FINDING_LEVELS)[number];

export interface OrgFinding {
  code: OrgFindingCode;
  level: OrgFindingLevel;
  message: string;
  /** The message in English (the server answers in the UI's language). */
  en?: string;
}

const BRANCH_TYPES = new Set(['branch', 'joint_branch', 'temporary_branch']);

export function orgFindings(
  f: OrgFindingFacts,
  today: string,
  rules: FormationRules = DEFAULT_FORMATION_RULES,
  reminderMonths: readonly number[] = DEFAULT_ELECTION_REMINDER_MONTHS,
): OrgFinding[] {
  if (f.dissolvedOn !== null && f.dissolvedOn <= today) return [];
  const type = f.type as OrgType;
  const out: OrgFinding[] = [];
  if (f.formation === 'joint') {
    for (const j of jointOrgFindings({ units: f.units, fullMembers: f.fullMembers }, rules)) {
      out.push({ ...j, level: 'warning' });
    }
  }
  if (BRANCH_TYPES.has(type)) {
    for (const c of checkCommitteeSize(f.fullMembers, f.officers, rules)) {
      out.push({ ...c, level: c.code === 'committee_above_usual' ? 'info' : 'warning' });
    }
  }
  if (branchOverSize(type, f.members, rules)) {
    out.push({
      code: 'branch_over_size',
      level: 'warning',
      message: `党支部有党员 ${f.members} 名，一般不超过 ${rules.branchMaxMembers} 名，可分设支部或成立党总支`,
      en: `The branch has ${f.members} members, usually no more than ${rules.branchMaxMembers}: split it or set up a general branch`,
    });
  }
  for (const option of upgradeOptions(type, f.members, rules)) {
    out.push(
      option === 'general_branch'
        ? {
            code: 'may_become_general_branch',
            level: 'info',
            message: `党员 ${f.members} 名，达到 ${rules.generalBranchMinMembers} 名，可以成立党总支`,
            en: `${f.members} members, ${rules.generalBranchMinMembers} or more: a general branch may be set up`,
          }
        : {
            code: 'may_become_committee',
            level: 'info',
            message: `党员 ${f.members} 名，达到 ${rules.primaryCommitteeMinMembers} 名，经上级党组织批准可以成立基层党委`,
            en: `${f.members} members, ${rules.primaryCommitteeMinMembers} or more: a primary committee may be set up with the higher organization's approval`,
          },
    );
  }
  if (f.termEndsOn === null) {
    if (DEFAULT_TERM_YEARS[type] !== null) {
      out.push({
        code: 'no_election',
        level: 'warning',
        message: '未登记选举和任期，无法提示换届',
        en: 'No election or term recorded: re-elections cannot be prompted',
      });
    }
  } else {
    const s = electionStatus(f.termEndsOn, today, reminderMonths);
    if (s.status === 'overdue') {
      out.push({
        code: 'reelection_overdue',
        level: 'overdue',
        message: `任期已于 ${f.termEndsOn} 届满，逾期 ${-s.daysLeft} 天未换届`,
        en: `The term ended on ${f.termEndsOn}; re-election ${-s.daysLeft} days overdue`,
      });
    } else if (s.status === 'due') {
      out.push({
        code: 'reelection_due',
        level: 'due',
        message: `任期将于 ${f.termEndsOn} 届满（${s.monthsBefore} 个月内），请做好换届准备`,
        en: `The term ends on ${f.termEndsOn} (within ${s.monthsBefore} months): prepare the re-election`,
      });
    }
  }
  return out;
}
