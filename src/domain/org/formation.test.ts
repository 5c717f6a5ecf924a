import { describe, expect, it } from 'vitest';
import type { OrgType } from './codes.ts';
import {
  branchOverSize,
  checkCommitteeSize,
  committeeRequirement,
  DEFAULT_FORMATION_RULES,
  jointOrgFindings,
  upgradeOptions,
} from './formation.ts';

describe('DEFAULT_FORMATION_RULES', () => {
  it('holds the numbers of rules.md §4', () => {
    expect(DEFAULT_FORMATION_RULES).toEqual({
      standaloneMinFull: 3,
      jointMaxUnits: 5,
      jointMinFull: 3,
      branchMaxMembers: 50,
      committeeMinFull: 7,
      committeeSize: { min: 3, max: 5, absoluteMax: 7 },
      generalBranchMinMembers: 50,
      primaryCommitteeMinMembers: 100,
      temporaryBranchMinMonths: 6,
    });
  });
});

describe('jointOrgFindings', () => {
  it.each<[number, number, string[]]>([
    [2, 3, []],
    [4, 3, []],
    [5, 3, []],
    [6, 3, ['over_unit_limit']],
    [5, 2, ['under_full_members']],
    [6, 0, ['over_unit_limit', 'under_full_members']],
  ])('%i units, %i full members: %j', (units, fullMembers, codes) => {
    expect(jointOrgFindings({ units, fullMembers }).map((f) => f.code)).toEqual(codes);
  });

  it('says what is wrong in Chinese, and in English for an English screen', () => {
    expect(jointOrgFindings({ units: 6, fullMembers: 2 })).toEqual([
      {
        code: 'over_unit_limit',
        message: '联合党支部覆盖 6 个单位，一般不超过 5 个',
        en: 'The joint branch covers 6 units; usually no more than 5',
      },
      {
        code: 'under_full_members',
        message: '联合党支部共有正式党员 2 名，不足 3 名',
        en: 'The joint branch has 2 full members, fewer than 3',
      },
    ]);
  });

  it('follows a city that allows 10 units', () => {
    const rules = { ...DEFAULT_FORMATION_RULES, jointMaxUnits: 10 };
    expect(jointOrgFindings({ units: 10, fullMembers: 3 }, rules)).toEqual([]);
    expect(jointOrgFindings({ units: 11, fullMembers: 3 }, rules).map((f) => f.code)).toEqual(['over_unit_limit']);
  });
});

describe('committeeRequirement', () => {
  it.each([
    [0, 'secretary_only'],
    [6, 'secretary_only'],
    [7, 'committee'],
    [8, 'committee'],
  ])('%i full members: %s', (full, expected) => {
    expect(committeeRequirement(full)).toBe(expected);
  });
});

describe('checkCommitteeSize', () => {
  it.each<[number, number, string[]]>([
    // Below 7 full members: a secretary, maybe a deputy, no committee.
    [6, 0, ['no_secretary']],
    [6, 1, []],
    [6, 2, []],
    [6, 3, ['committee_not_required']],
    // 7 or more: a committee of 3–5, at most 7.
    [7, 2, ['committee_too_small']],
    [7, 3, []],
    [7, 5, []],
    [7, 6, ['committee_above_usual']],
    [7, 7, ['committee_above_usual']],
    [7, 8, ['committee_too_large']],
    [30, 0, ['committee_too_small']],
  ])('%i full members, %i officers: %j', (full, officers, codes) => {
    expect(checkCommitteeSize(full, officers).map((f) => f.code)).toEqual(codes);
  });

  it('names the numbers', () => {
    expect(checkCommitteeSize(7, 6)[0].message).toBe('支部委员会现有委员 6 名，一般为 3–5 名，最多不超过 7 名');
    expect(checkCommitteeSize(6, 3)[0].message).toBe(
      '正式党员 6 名，不足 7 名，不设支部委员会，只设书记（必要时设副书记），现有 3 名',
    );
  });
});

describe('upgradeOptions', () => {
  it.each<[OrgType, number, string[]]>([
    ['branch', 49, []],
    ['branch', 50, ['general_branch']],
    ['branch', 99, ['general_branch']],
    ['branch', 100, ['general_branch', 'committee']],
    ['joint_branch', 50, ['general_branch']],
    ['joint_branch', 100, ['general_branch', 'committee']],
    ['general_branch', 99, []],
    ['general_branch', 100, ['committee']],
    ['committee', 500, []],
    ['temporary_branch', 120, []],
  ])('%s with %i members: %j', (type, members, expected) => {
    expect(upgradeOptions(type, members)).toEqual(expected);
  });
});

describe('branchOverSize', () => {
  it.each<[OrgType, number, boolean]>([
    ['branch', 50, false],
    ['branch', 51, true],
    ['joint_branch', 51, true],
    ['temporary_branch', 51, true],
    ['general_branch', 51, false],
    ['committee', 300, false],
  ])('%s with %i members: %s', (type, members, expected) => {
    expect(branchOverSize(type, members)).toBe(expected);
  });
});
