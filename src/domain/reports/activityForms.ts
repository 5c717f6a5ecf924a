// The columns of the two organisational-life reports (issue #15 item 9): 组织生活情况 and
// 作用发挥情况, shared by the screen and the .xlsx so both show the same figures in the same order.
// Amounts are in 万元 (the records' unit); every figure but a rate sums into the 合计 row.
import type { FormColumn } from './forms.ts';
import type { RegionKey } from './rows.ts';

export const ORGLIFE_COUNT_KEYS = [
  'orgs',
  'orgsAllHeld',
  'generalMeetings',
  'committeeMeetings',
  'groupMeetings',
  'partyLectures',
  'themeDays',
  'lifeMeetings',
  'memberReviews',
  'expected',
  'present',
] as const;
export type OrglifeCountKey = (typeof ORGLIFE_COUNT_KEYS)[number];
export interface OrglifeRow extends RegionKey, Record<OrglifeCountKey, number> {
  attendanceRate: number | null;
}

export const ORGLIFE_COLUMNS: FormColumn<OrglifeCountKey | 'attendanceRate'>[] = [
  { key: 'orgs', group: '党组织', label: '党组织数', kind: 'count' },
  { key: 'orgsAllHeld', group: '党组织', label: '应开会议均已召开', kind: 'count' },
  { key: 'generalMeetings', group: '召开会议次数', label: '支部党员大会', kind: 'count' },
  { key: 'committeeMeetings', group: '召开会议次数', label: '支委会', kind: 'count' },
  { key: 'groupMeetings', group: '召开会议次数', label: '党小组会', kind: 'count' },
  { key: 'partyLectures', group: '召开会议次数', label: '党课', kind: 'count' },
  { key: 'themeDays', group: '召开会议次数', label: '主题党日', kind: 'count' },
  { key: 'lifeMeetings', group: '召开会议次数', label: '组织生活会', kind: 'count' },
  { key: 'memberReviews', group: '召开会议次数', label: '民主评议党员', kind: 'count' },
  { key: 'expected', group: '参会情况', label: '应到人次', kind: 'count' },
  { key: 'present', group: '参会情况', label: '实到人次', kind: 'count' },
  {
    key: 'attendanceRate',
    group: '参会情况',
    label: '参会率',
    kind: 'rate',
    ratio: { n: 'present', d: 'expected' },
  },
];

export const ACHIEVEMENT_COUNT_KEYS = [
  'proposals',
  'proposalsAdopted',
  'pledges',
  'pledgesFulfilled',
  'problemsSolved',
  'innovations',
  'innovationBenefit',
  'contribution',
  'modelPosts',
  'responsibilityZones',
  'communications',
  'applications',
  'orgRequests',
  'funds',
  'orgAdvanced',
  'orgOrdinary',
  'orgLagging',
  'orgWeak',
  'memberExcellent',
  'memberQualified',
  'memberBasicallyQualified',
  'memberUnqualified',
] as const;
export type AchievementCountKey = (typeof ACHIEVEMENT_COUNT_KEYS)[number];
export type AchievementRow = RegionKey & Record<AchievementCountKey, number>;
/** The figures in 万元 (two decimals); the rest are counts. */
export const ACHIEVEMENT_MONEY_KEYS = ['innovationBenefit', 'contribution', 'funds'] as const;

export const ACHIEVEMENT_COLUMNS: FormColumn<AchievementCountKey>[] = [
  { key: 'proposals', group: '合理化建议', label: '条数', kind: 'count' },
  { key: 'proposalsAdopted', group: '合理化建议', label: '其中被采纳', kind: 'count' },
  { key: 'pledges', group: '党员承诺', label: '件数', kind: 'count' },
  { key: 'pledgesFulfilled', group: '党员承诺', label: '其中已践诺', kind: 'count' },
  { key: 'problemsSolved', group: '解决难题（个）', kind: 'count' },
  { key: 'innovations', group: '创新项目', label: '个数', kind: 'count' },
  { key: 'innovationBenefit', group: '创新项目', label: '效益（万元）', kind: 'money' },
  { key: 'contribution', group: '社会贡献（万元）', kind: 'money' },
  { key: 'modelPosts', group: '党员示范岗（个）', kind: 'count' },
  { key: 'responsibilityZones', group: '党员责任区（个）', kind: 'count' },
  { key: 'communications', group: '出资人工作', label: '沟通次数', kind: 'count' },
  { key: 'applications', group: '出资人工作', label: '申请入党', kind: 'count' },
  { key: 'orgRequests', group: '出资人工作', label: '要求建立党组织', kind: 'count' },
  { key: 'funds', group: '出资人工作', label: '提供经费（万元）', kind: 'money' },
  { key: 'orgAdvanced', group: '党组织评定', label: '先进', kind: 'count' },
  { key: 'orgOrdinary', group: '党组织评定', label: '一般', kind: 'count' },
  { key: 'orgLagging', group: '党组织评定', label: '后进', kind: 'count' },
  { key: 'orgWeak', group: '党组织评定', label: '其中软弱涣散', kind: 'count' },
  { key: 'memberExcellent', group: '党员评议', label: '优秀', kind: 'count' },
  { key: 'memberQualified', group: '党员评议', label: '合格', kind: 'count' },
  { key: 'memberBasicallyQualified', group: '党员评议', label: '基本合格', kind: 'count' },
  { key: 'memberUnqualified', group: '党员评议', label: '不合格', kind: 'count' },
];
