// Forming party organizations (shared/domain/rules.md §4): when a unit should have its own
// branch, what a joint branch may cover, when a branch needs a committee, when an org may
// grow into a general branch or a primary committee. Member counts here are the org's own
// members: members whose relation is elsewhere do not count (§7).
import { STANDALONE_MIN_FULL_MEMBERS } from '../enterprise/categories.ts';
import type { OrgType } from './codes.ts';
import type { Finding } from './finding.ts';

/**
 * The thresholds of §4. Only `jointMaxUnits` is *(configurable)* in rules.md (some cities
 * allow 10); the others come from party regulations. They are kept together so that each
 * rule reads its number from one place and tests can state them.
 */
export interface FormationRules {
  /** Full members from which a unit should set up its own branch. */
  standaloneMinFull: number;
  /** Units a joint branch covers at most, as a rule (more is a warning). */
  jointMaxUnits: number;
  /** Full members a joint branch needs in total. */
  jointMinFull: number;
  /** Members a branch generally has at most. */
  branchMaxMembers: number;
  /** Full members from which a branch sets up a branch committee. */
  committeeMinFull: number;
  /** Members of a branch committee: usually min–max, never more than absoluteMax. */
  committeeSize: { min: number; max: number; absoluteMax: number };
  /** Members from which a general branch (党总支) may be set up. */
  generalBranchMinMembers: number;
  /** Members from which a primary committee (基层党委) may be set up, with approval. */
  primaryCommitteeMinMembers: number;
  /** Months a project lasts at least for it to form a (temporary) branch. */
  temporaryBranchMinMonths: number;
}

export const DEFAULT_FORMATION_RULES: FormationRules = {
  standaloneMinFull: STANDALONE_MIN_FULL_MEMBERS,
  jointMaxUnits: 5,
  jointMinFull: 3,
  branchMaxMembers: 50,
  committeeMinFull: 7,
  committeeSize: { min: 3, max: 5, absoluteMax: 7 },
  generalBranchMinMembers: 50,
  primaryCommitteeMinMembers: 100,
  temporaryBranchMinMonths: 6,
};

export type JointOrgFindingCode = 'over_unit_limit' | 'under_full_members';

/** Warnings on a joint branch: both are prompts, the branch may still be recorded. */
export function jointOrgFindings(
  { units, fullMembers }: { units: number; fullMembers: number },
  rules: FormationRules = DEFAULT_FORMATION_RULES,
): Finding<JointOrgFindingCode>[] {
  const findings: Finding<JointOrgFindingCode>[] = [];
  if (units > rules.jointMaxUnits) {
    findings.push({
      code: 'over_unit_limit',
      message: `联合党支部覆盖 ${units} 个单位，一般不超过 ${rules.jointMaxUnits} 个`,
      en: `The joint branch covers ${units} units; usually no more than ${rules.jointMaxUnits}`,
    });
  }
  if (fullMembers < rules.jointMinFull) {
    findings.push({
      code: 'under_full_members',
      message: `联合党支部共有正式党员 ${fullMembers} 名，不足 ${rules.jointMinFull} 名`,
      en: `The joint branch has ${fullMembers} full members, fewer than ${rules.jointMinFull}`,
    });
  }
  return findings;
}

export type CommitteeRequirement = 'committee' | 'secretary_only';

/** 7 or more full members: a branch committee; fewer: a secretary (and a deputy if needed). */
export function committeeRequirement(
  fullMembers: number,
  rules: FormationRules = DEFAULT_FORMATION_RULES,
): CommitteeRequirement {
  return fullMembers >= rules.committeeMinFull ? 'committee' : 'secretary_only';
}

export type CommitteeSizeFindingCode =
  | 'committee_too_small'
  | 'committee_above_usual'
  | 'committee_too_large'
  | 'committee_not_required'
  | 'no_secretary';

/** A branch without a committee has a secretary and at most one deputy. */
const MAX_OFFICERS_WITHOUT_COMMITTEE = 2;

/**
 * The size of a branch's leadership. `officerCount` is the number of committee members
 * (支部委员) where a committee is required, otherwise the secretary and deputy. Above the usual
 * 5 (up to 7) is a prompt; other findings mean the leadership does not fit the branch.
 */
export function checkCommitteeSize(
  fullMembers: number,
  officerCount: number,
  rules: FormationRules = DEFAULT_FORMATION_RULES,
): Finding<CommitteeSizeFindingCode>[] {
  const { min, max, absoluteMax } = rules.committeeSize;
  if (committeeRequirement(fullMembers, rules) === 'secretary_only') {
    if (officerCount === 0) {
      return [{ code: 'no_secretary', message: '党支部未配备书记', en: 'The branch has no secretary' }];
    }
    if (officerCount > MAX_OFFICERS_WITHOUT_COMMITTEE) {
      return [
        {
          code: 'committee_not_required',
          message: `正式党员 ${fullMembers} 名，不足 ${rules.committeeMinFull} 名，不设支部委员会，只设书记（必要时设副书记），现有 ${officerCount} 名`,
          en: `${fullMembers} full members, fewer than ${rules.committeeMinFull}: no branch committee, only a secretary (and a deputy if needed); ${officerCount} recorded`,
        },
      ];
    }
    return [];
  }
  if (officerCount < min) {
    return [
      {
        code: 'committee_too_small',
        message: `支部委员会现有委员 ${officerCount} 名，应为 ${min}–${max} 名`,
        en: `The branch committee has ${officerCount} members; it should have ${min}–${max}`,
      },
    ];
  }
  if (officerCount > absoluteMax) {
    return [
      {
        code: 'committee_too_large',
        message: `支部委员会现有委员 ${officerCount} 名，最多不超过 ${absoluteMax} 名`,
        en: `The branch committee has ${officerCount} members; at most ${absoluteMax}`,
      },
    ];
  }
  if (officerCount > max) {
    return [
      {
        code: 'committee_above_usual',
        message: `支部委员会现有委员 ${officerCount} 名，一般为 ${min}–${max} 名，最多不超过 ${absoluteMax} 名`,
        en: `The branch committee has ${officerCount} members; usually ${min}–${max}, at most ${absoluteMax}`,
      },
    ];
  }
  return [];
}

export type UpgradeOption = 'general_branch' | 'committee';

/** Which types may grow into a larger one; a temporary branch ends with its project instead. */
const UPGRADABLE: Record<OrgType, readonly UpgradeOption[]> = {
  branch: ['general_branch', 'committee'],
  joint_branch: ['general_branch', 'committee'],
  general_branch: ['committee'],
  committee: [],
  temporary_branch: [],
};

/**
 * What the org may become with `memberCount` members (full and probationary): a general
 * branch from 50, a primary committee from 100 — the latter only with the higher committee's
 * approval, which the caller records. “May”, not “must”: a large branch is not an error.
 */
export function upgradeOptions(
  type: OrgType,
  memberCount: number,
  rules: FormationRules = DEFAULT_FORMATION_RULES,
): UpgradeOption[] {
  const threshold: Record<UpgradeOption, number> = {
    general_branch: rules.generalBranchMinMembers,
    committee: rules.primaryCommitteeMinMembers,
  };
  return UPGRADABLE[type].filter((option) => memberCount >= threshold[option]);
}

const BRANCH_TYPES: readonly OrgType[] = ['branch', 'joint_branch', 'temporary_branch'];

/** A branch of any kind with more than 50 members: a prompt to split or upgrade it. */
export function branchOverSize(
  type: OrgType,
  members: number,
  rules: FormationRules = DEFAULT_FORMATION_RULES,
): boolean {
  return BRANCH_TYPES.includes(type) && members > rules.branchMaxMembers;
}
