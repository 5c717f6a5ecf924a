// The casework API's shapes as the pages use them (src/server/casework/routes.ts).
import type { ContactKind } from '../../../domain/casework/contacts.ts';

export type ThisWeek = 'done' | 'open' | 'not_required';

export interface CaseworkAssignment {
  id: number;
  instructorId: number;
  instructorName: string;
  instructorKind: string;
  sourceDepartmentId: number;
  sourceDepartmentName: string;
  enterpriseId: number;
  enterpriseName: string;
  regionCode: string;
  startOn: string;
  endOn: string | null;
  thisWeek: ThisWeek;
  contactsThisWeek: number;
  /** Mondays of the missed weeks, oldest first. */
  missedWeeks: string[];
  lastContactOn: string | null;
  openRequests: number;
}

export interface Assignments {
  contactsPerWeek: number;
  items: CaseworkAssignment[];
}

export type { ContactKind };

export interface Contact {
  id: number;
  assignmentId: number;
  onDate: string;
  kind: ContactKind;
  withWhom: string;
  notes: string | null;
  enterpriseId: number;
  enterpriseName: string;
  instructorName: string;
  requestIds: number[];
}

export type RequestStatus = 'received' | 'coordinating' | 'resolved' | 'unresolved';
export const REQUEST_STATUSES: RequestStatus[] = ['received', 'coordinating', 'resolved', 'unresolved'];
export const REQUEST_CATEGORIES = [
  'environment',
  'land',
  'project_approval',
  'labour_dispute',
  'market',
  'financing',
  'hiring',
  'training',
  'policy',
  'other',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const VALUE_KEYS = ['grants', 'loans', 'hires', 'trainees', 'feesReduced'] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];
/** 万元 amounts; the others are head counts. */
export const MONEY: readonly ValueKey[] = ['grants', 'loans', 'feesReduced'];

export interface CaseRequest extends Record<ValueKey, number | null> {
  id: number;
  assignmentId: number;
  contactId: number | null;
  category: RequestCategory;
  description: string;
  departmentIds: number[];
  departmentNames: string[];
  status: RequestStatus;
  receivedOn: string;
  closedOn: string | null;
  lastUpdateOn: string;
  enterpriseId: number;
  enterpriseName: string;
  instructorId: number;
  instructorName: string;
  silent: boolean;
}

export interface RequestUpdate {
  id: number;
  onDate: string;
  status: RequestStatus;
  note: string | null;
}

export const OUTCOME_KINDS = [
  'activists',
  'members',
  'systems',
  'venues',
  'funds',
  'pledges',
  'proposals',
  'problems',
  'innovations',
  'grants',
  'loans',
  'hires',
  'trainees',
  'feesReduced',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
/** The kinds typed in; the others are counted from the records they come from. */
export const TYPED_KINDS: OutcomeKind[] = ['systems', 'venues', 'funds', 'pledges', 'proposals', 'innovations'];
export const OUTCOME_ROLES = ['guide', 'service', 'coordination'] as const;
export type OutcomeRole = (typeof OUTCOME_ROLES)[number];

export interface Outcome {
  source: 'typed' | 'development' | 'member' | 'request';
  id: number;
  assignmentId: number;
  enterpriseId: number;
  enterpriseName: string;
  instructorId: number;
  instructorName: string;
  onDate: string;
  role: OutcomeRole;
  kind: OutcomeKind;
  quantity: number;
  benefit: number | null;
  note: string | null;
}

export const SUMMARY_GROUPS: { key: string; columns: string[] }[] = [
  { key: 'people', columns: ['instructors', 'liaisons'] },
  { key: 'contact', columns: ['enterprises', 'contacts', 'weeksMissed'] },
  { key: 'requests', columns: ['requestsReceived', 'requestsResolved'] },
  { key: 'guide', columns: ['activists', 'members', 'systems', 'venues', 'funds', 'pledges', 'proposals'] },
  {
    key: 'service',
    columns: ['problems', 'innovations', 'benefit', 'grants', 'loans', 'hires', 'trainees', 'feesReduced'],
  },
];

export type Figures = Record<string, number>;

export interface SummaryInstructor {
  id: number;
  name: string;
  kind: 'instructor' | 'liaison';
  department: string;
  enterprises: number;
  contacts: number;
  weeksMissed: number;
  requestsReceived: number;
  requestsResolved: number;
  score: number | null;
  grade: string | null;
  gradeLabel: string | null;
}

export interface InstructorSummary {
  region: string;
  regionName: string;
  from: string;
  to: string;
  assessmentPeriod: string;
  rows: (Figures & { department: string })[];
  total: Figures;
  instructors: SummaryInstructor[];
}
