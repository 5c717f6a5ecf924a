// The coded values of the instructor system (glossary: instructor, assignment, request):
// the zh-CN label users read, the code the system stores.
import type { Choice } from '../enterprise/codes.ts';

export const INSTRUCTOR_KINDS = [
  { code: 'instructor', label: '党建指导员' },
  { code: 'liaison', label: '联络员' },
] as const satisfies readonly Choice<string>[];
export type InstructorKind = (typeof INSTRUCTOR_KINDS)[number]['code'];

/** The categories of an enterprise's request (诉求), as the requests table's check lists them. */
export const REQUEST_CATEGORIES = [
  { code: 'environment', label: '环保' },
  { code: 'land', label: '用地' },
  { code: 'project_approval', label: '项目审批' },
  { code: 'labour_dispute', label: '劳资纠纷' },
  { code: 'market', label: '市场开拓' },
  { code: 'financing', label: '融资' },
  { code: 'hiring', label: '招工' },
  { code: 'training', label: '培训' },
  { code: 'policy', label: '政策咨询' },
  { code: 'other', label: '其他' },
] as const satisfies readonly Choice<string>[];
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number]['code'];

/** What a department's functions relate to: industry sections (GB/T 4754 letters) and request categories. */
export type RelevanceKind = 'industry' | 'request';
