// The coded values of the instructor system (glossary: instructor, assignment, request):
// the zh-CN label users read, the code the system stores.
import { choices } from '../enterprise/codes.ts';

export const INSTRUCTOR_KINDS = choices({ instructor: '党建指导员', liaison: '联络员' });
export type InstructorKind = (typeof INSTRUCTOR_KINDS)[number]['code'];

/** The categories of an enterprise's request (诉求), as the requests table's check lists them. */
export const REQUEST_CATEGORIES = choices({
  environment: '环保',
  land: '用地',
  project_approval: '项目审批',
  labour_dispute: '劳资纠纷',
  market: '市场开拓',
  financing: '融资',
  hiring: '招工',
  training: '培训',
  policy: '政策咨询',
  other: '其他',
});
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number]['code'];

/** What a department's functions relate to: industry sections (GB/T 4754 letters) and request categories. */
export type RelevanceKind = 'industry' | 'request';
