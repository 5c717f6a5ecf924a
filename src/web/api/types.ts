// The names the pages give to what the API answers, each derived from the types that
// `npm run gen:api` generates from the server's schemas (schema.ts), so a page that reads a
// field the server does not send no longer compiles. A call's own answer needs no name:
// `api.get<ApiResponse<'/api/orgs/{id}'>>(…)`. Only the generic Page is written out.
import type { components, paths } from './schema.ts';

type Schemas = components['schemas'];
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : never;

/** A schema the server names (`.openapi('Name')`). */
type Schema<N extends keyof Schemas> = Schemas[N];

/** What a successful `method path` answers with, `path` as the OpenAPI document writes it (`/api/orgs/{id}`). */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends {
  responses: { 200: infer R };
}
  ? Json<R>
  : never;

/** The query parameters `GET path` takes. */
type ApiQuery<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

/** What every paged list answers with; a page's own type is `ApiResponse<path>`. */
export interface Page<T> {
  total: number;
  items: T[];
}

/** An element of a list the server answers with. */
type Item<L> = L extends readonly (infer I)[] ? I : never;

// ---- Session, users, audit, regions, settings ----

export type SessionInfo = Schema<'SessionInfo'>;
export type SessionUser = NonNullable<SessionInfo['user']>;
export type User = Schema<'User'>;
export type UserWithPassword = ApiResponse<'/api/users', 'post'>;
export type Region = Schema<'Region'>;
export type RegionWithPath = ApiResponse<'/api/regions/{code}'>;
export type SecurityPolicy = ApiResponse<'/api/settings/security'>;
export type AuditItem = Schema<'AuditItem'>;
export type AuditResult = NonNullable<ApiQuery<'/api/audit'>['result']>;
export type TotpEnrolment = ApiResponse<'/api/auth/totp/enrol', 'post'>;

// ---- The enterprise ledger and its imports ----

export type Enterprise = Schema<'Enterprise'>;
export type LedgerList = ApiResponse<'/api/enterprises'>;
export type EnterprisePageDetail = ApiResponse<'/api/enterprises/{id}'>;
/** The enterprise page's profile part of it. */
export type EnterpriseDetail = Pick<EnterprisePageDetail, 'enterprise' | 'regionPath' | 'industry' | 'history'>;
export type HistoryEntry = Item<EnterprisePageDetail['history']>;
export type EnterpriseOrg = Item<EnterprisePageDetail['orgs']>;
export type Industry = Item<ApiResponse<'/api/industries'>>;
export type RestructuringState = ApiResponse<'/api/enterprises/{id}/restructuring'>;
export type Restructuring = NonNullable<RestructuringState['restructuring']>;
export type RestructuringItem = Item<RestructuringState['prompts']>['item'];

/** A batch of any of the three imports; period and source only for the enterprise file. */
export type AnyBatch = Schema<'ImportBatch'>;
export type BatchStatus = AnyBatch['status'];
export type RowOutcome = ApiQuery<'/api/imports/enterprises/batches/{id}/rows'>['outcome'];
export type BatchRow = Item<ApiResponse<'/api/imports/enterprises/batches/{id}/rows'>['items']>;
export type BatchIssue = Item<ApiResponse<'/api/imports/enterprises/batches/{id}/issues'>['items']>;
export type MissingEnterprise = Item<ApiResponse<'/api/imports/enterprises/batches/{id}/missing'>['items']>;
export type KindBatchRow = Item<ApiResponse<'/api/imports/orgs/batches/{id}/rows'>['items']>;

// ---- Party organizations ----

export type OrgSummary = Schema<'OrgSummary'>;
export type OrgDetail = Schema<'OrgDetail'>;
export type OrgFacts = OrgDetail['facts'];
export type OrgFinding = Item<OrgDetail['findings']>;
export type OrgRef = NonNullable<OrgDetail['parent']>;
export type OrgCoverage = Item<OrgDetail['coverages']>;
export type OrgOfficer = Item<OrgDetail['officers']>;
export type OrgElection = Item<OrgDetail['elections']>;

// ---- Members, transfers and development ----

export type Member = Schema<'Member'>;
export type MemberListItem = Schema<'MemberListItem'>;
export type MemberCard = Schema<'MemberCard'>;
export type MemberTransfer = Schema<'MemberTransfer'>;
export type MemberTransferListItem = Item<ApiResponse<'/api/member-transfers'>['items']>;
export type MemberDetail = ApiResponse<'/api/members/{id}'>;
export type RevealedNumbers = ApiResponse<'/api/members/{id}/reveal', 'post'>;

export type Development = Schema<'Development'>;
export type DevelopmentBoard = ApiResponse<'/api/orgs/{id}/developments'>;
export type DevelopmentOverdueItem = Item<ApiResponse<'/api/developments/overdue'>['items']>;
export type DevelopmentEarlyItem = Item<ApiResponse<'/api/developments/early'>['items']>;

// ---- Work prompts ----

export type Prompts = ApiResponse<'/api/prompts'>;
export type PromptSection = Item<Prompts['sections']>;
export type PromptSectionKey = PromptSection['key'];
export type PromptItem = Item<PromptSection['items']>;
export type PromptLevel = PromptItem['level'];

// ---- Dashboard, statistics, reports, snapshots ----

export type DashboardData = Schema<'Dashboard'>;
export type DashboardChild = Item<DashboardData['children']>;
export type LedgerFigures = NonNullable<Schema<'LedgerFigures'>>;
export type Scope = Schema<'Coverage'>['scope'];
export type TrendPoint = Item<ApiResponse<'/api/stats/trend'>>;
export type AsOfRow = Item<ApiResponse<'/api/stats/enterprises'>['rows']>;

export type QuarterlyReport = Schema<'QuarterlyReport'>;
export type RemoteStanding = NonNullable<Schema<'RemoteStanding'>>;
export type UpwardChildPackages = Schema<'UpwardChildPackages'>;
export type AnnualReport = Schema<'AnnualReport'>;
export type Nb27Report = Schema<'Nb27Report'>;
export type Nb30Report = Schema<'Nb30Report'>;
export type Nb43Report = Schema<'Nb43Report'>;
export type MemberLostContact = Schema<'MemberLostContact'>;
export type LostContactCase = Schema<'LostContactCase'>;
export type LostContactList = Schema<'LostContactList'>;
export type LaggingReport = Schema<'LaggingReport'>;
export type LaggingRegion = Item<LaggingReport['regions']>;
export type LaggingEnterprise = Item<LaggingReport['shouldForm']['rows']>;

export type Snapshot = Schema<'Snapshot'>;
export type Comparison = ApiResponse<'/api/snapshots/compare'>;
export type TransitionRow = Item<ApiResponse<'/api/snapshots/compare/enterprises'>['rows']>;
export type SnapshotState = Item<Comparison['transitions']>['from'];
export type SideFacts = NonNullable<TransitionRow['from']>;

// ---- Instructors and casework ----

export type Instructor = Schema<'Instructor'>;
export type InstructorDetail = ApiResponse<'/api/instructors/{id}'>;
export type Department = Schema<'Department'>;
export type EnterpriseInstructors = ApiResponse<'/api/enterprises/{id}/instructors'>;
export type EnterpriseAssignment = Item<EnterpriseInstructors['assignments']>;
export type Suggestions = ApiResponse<'/api/enterprises/{id}/instructor-suggestions'>;
export type Reason = Item<Item<Suggestions['items']>['reasons']>;

export type Assignments = ApiResponse<'/api/casework/assignments'>;
export type CaseworkAssignment = Schema<'CaseworkAssignment'>;
export type Contact = Item<ApiResponse<'/api/casework/contacts'>['items']>;
export type CaseRequest = Schema<'CaseworkRequest'>;
export type Outcome = Schema<'CaseworkOutcome'>;
export type InstructorSummary = ApiResponse<'/api/reports/instructors'>;
/** A summary row's figures by column. */
export type Figures = InstructorSummary['total'];
export type SummaryInstructor = Item<InstructorSummary['instructors']>;

// ---- Assessments and owner surveys ----

export type AssessmentSettings = Schema<'AssessmentSettings'>;
export type Results = ApiResponse<'/api/assessments/results'>;
export type ResultRow = Schema<'AssessmentResult'>;
export type DailyEntry = Item<ApiResponse<'/api/assessments/daily'>>;
export type PeriodicEntry = Item<ApiResponse<'/api/assessments/periodic'>>;
export type BallotEnterprise = Item<ApiResponse<'/api/assessments/ballots'>>;
export type Appraiser = Item<BallotEnterprise['ballots']>['appraiser'];
export type OwnerSurveySummary = Item<ApiResponse<'/api/owner-surveys'>>;
export type OwnerSurveyDetail = ApiResponse<'/api/owner-surveys/{id}'>;
export type Share = OwnerSurveyDetail['results']['satisfied'];
export type QuarterlySubmission = Schema<'QuarterlySubmission'>;
export type QuarterlyChildSubmissions = Schema<'QuarterlyChildSubmissions'>;

export type Todo = ApiResponse<'/api/todo'>;
export type TodoSection = Item<Todo['sections']>;
export type TodoItem = Item<TodoSection['items']>;
export type TodoCount = ApiResponse<'/api/todo/count'>;
