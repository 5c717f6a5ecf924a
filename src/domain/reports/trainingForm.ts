// The columns of 培训情况 (issue #16 item 7), shared by the screen and the .xlsx. Classes, 人次,
// people and hours count by the region that held the class; the people with a requirement and
// those below it count by the person's own region (their org's, or the instructor's). Every
// column sums into the 合计 row (people trained in two child regions count in each).
import type { FormColumn } from './forms.ts';
import type { RegionKey } from './rows.ts';

export const TRAINING_COUNT_KEYS = [
  'classes',
  'attendances',
  'people',
  'hours',
  'assessed',
  'belowRequirement',
] as const;
export type TrainingCountKey = (typeof TRAINING_COUNT_KEYS)[number];
export type TrainingRow = RegionKey & Record<TrainingCountKey, number>;

export const TRAINING_COLUMNS: FormColumn<TrainingCountKey>[] = [
  { key: 'classes', group: '举办培训班', label: '期数', kind: 'count' },
  { key: 'attendances', group: '举办培训班', label: '培训人次', kind: 'count' },
  { key: 'people', group: '举办培训班', label: '培训人数', kind: 'count' },
  { key: 'hours', group: '举办培训班', label: '培训学时（人学时）', kind: 'points' },
  { key: 'assessed', group: '年度学时要求', label: '应参训人数', kind: 'count' },
  { key: 'belowRequirement', group: '年度学时要求', label: '未达要求人数', kind: 'count' },
];
