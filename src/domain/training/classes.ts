import { daysBetween } from '../calendarDate.ts';
// The kinds of training class (rules.md §12, documents 002–004) and who may sit in each: a
// 发展对象 class trains candidates (development records), the others members and instructors.
export const CLASS_KINDS = [
  { code: 'officer', label: '党务干部培训班', en: 'Party affairs officers' },
  { code: 'secretary', label: '书记培训班', en: 'Branch secretaries' },
  { code: 'candidate', label: '发展对象集中培训', en: 'Candidates (centralised training)' },
  { code: 'member', label: '党员集中轮训', en: 'Members (rotational training)' },
  { code: 'instructor', label: '指导员培训', en: 'Instructors' },
] as const;
export type ClassKind = (typeof CLASS_KINDS)[number]['code'];

export const classKindLabel = (kind: string) => CLASS_KINDS.find((k) => k.code === kind)?.label ?? kind;

/** The calendar days a class runs, both ends counted. */
export function classDays(startsOn: string, endsOn: string): number {
  return daysBetween(startsOn, endsOn) + 1;
}
