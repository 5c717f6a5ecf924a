// The shapes the server's JSON API answers with (see src/server/*/routes.ts).
import type { LedgerCategory } from '../domain/enterprise/categories.ts';
import type { Permission, Role } from '../domain/roles.ts';

export type { LedgerCategory, Permission, Role };

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  roles: Role[];
  permissions: Permission[];
  totpEnabled: boolean;
}

export interface SessionState {
  mfaRequired: boolean;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
}

export interface SessionInfo {
  csrfToken: string;
  user: SessionUser | null;
  state: SessionState | null;
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  regionCode: string;
  regionName: string;
  roles: Role[];
  /** A branch secretary's own party org. */
  orgId: number | null;
  /** An instructor account's own instructor record. */
  instructorId: number | null;
  disabled: boolean;
  locked: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface UserWithPassword {
  user: User;
  oneTimePassword: string;
}

export interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
}

export interface RegionWithPath extends Region {
  path: Region[];
}

export interface SecurityPolicy {
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleMinutes: number;
  absoluteHours: number;
}

export type AuditResult = 'success' | 'failure' | 'denied';

export interface AuditItem {
  seq: number;
  at: string;
  actorName: string;
  ip: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  result: AuditResult;
  diff: unknown;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

// ---- The enterprise ledger (src/server/enterprises/*, src/server/dashboard/ledger.ts) ----

export interface Enterprise {
  id: number;
  uscc: string;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string | null;
  industryCode: string | null;
  employees: number;
  memberCount: number;
  fullMemberCount: number;
  fullMemberEstimated: boolean;
  ownerName: string | null;
  ownerPoliticalStatus: string | null;
  aboveScale: boolean;
  cluster: string | null;
  foundedOn: string | null;
  registrationStatus: string;
  /** Masked by the server. */
  phone: string | null;
  reportedHasOrg: boolean | null;
  reportedFormation: string | null;
  hasUnion: boolean | null;
  hasLeague: boolean | null;
  orgCoverage: 'standalone' | 'joint' | null;
  hasInstructor: boolean;
  missingSinceBatchId: number | null;
  lastBatchId: number | null;
  inScope: boolean | null;
  category: LedgerCategory | null;
  createdAt: string;
  updatedAt: string;
}

export interface LedgerList extends Page<Enterprise> {
  /** Counts by category of the in-scope enterprises the filter matches. */
  categories: Partial<Record<LedgerCategory, number>>;
}

export interface HistoryEntry {
  id: number;
  at: string;
  /** A field key, or 'created' (then `after` is the whole first record). */
  field: string;
  before: unknown;
  after: unknown;
  batchId: number | null;
  actorName: string;
  period: string | null;
  source: string | null;
}

export interface EnterpriseDetail {
  enterprise: Enterprise;
  regionPath: Region[];
  industry: { code: string; section: string; name: string } | null;
  history: HistoryEntry[];
}

export interface Industry {
  code: string;
  section: string;
  name: string;
  nameEn: string;
  isSection: boolean;
}

export type BatchStatus = 'reading' | 'staged' | 'applied' | 'rejected' | 'dry-run' | 'failed' | 'discarded';

export interface BatchCounts {
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  discrepancies: number;
  errorRows: number;
  errors: number;
  warnings: number;
}

/** A batch of any import (src/server/imports/routes.ts, schema ImportBatch). */
export interface ImportBatch {
  id: number;
  kind: 'enterprises' | 'orgs' | 'members';
  /** The enterprise file's period and source; the org and member files have none, and the API leaves them out. */
  period?: string;
  source?: string;
  fileName: string;
  size: number;
  sha256: string;
  status: BatchStatus;
  partial: boolean;
  rowsRead: number;
  failure: string | null;
  actorName: string;
  regionCode: string;
  /** Empty while the file is being read. */
  counts: Partial<BatchCounts>;
  createdAt: string;
  appliedAt: string | null;
}

export type RowOutcome = 'added' | 'changed' | 'unchanged' | 'error' | 'discrepancy';

export interface BatchRow {
  row: number;
  uscc: string | null;
  name: string | null;
  outcome: string | null;
  /** Field → before and after, for a changed row. */
  diff: Record<string, { before: unknown; after: unknown }> | null;
  discrepancy: string | null;
  enterpriseId: number | null;
}

export interface BatchIssue {
  row: number;
  column: string;
  message: string;
}

export interface MissingEnterprise {
  id: number;
  uscc: string;
  name: string;
  regionCode: string;
}

// ---- Party organizations (src/server/orgs/*) ----

export type OrgFindingLevel = 'overdue' | 'due' | 'warning' | 'info';

/** What the formation and term rules say about an org today (src/domain/org/orgFindings.ts). */
export interface OrgFinding {
  code: string;
  level: OrgFindingLevel;
  /** zh-CN, with the figures involved. */
  message: string;
}

/** An org's figures as of today (src/server/orgs/facts.ts). */
export interface OrgFacts {
  id: number;
  name: string;
  type: string;
  formation: string;
  regionCode: string;
  establishedOn: string;
  dissolvedOn: string | null;
  /** Enterprises covered today. */
  units: number;
  recordedFull: number;
  recordedProbationary: number;
  relationElsewhere: number;
  mobile: number;
  /** The recorded full members, or the reported count while none are recorded. */
  fullMembers: number;
  members: number;
  /** false: the counts are the reported ones (填报). */
  membersRecorded: boolean;
  officers: number;
  secretaryName: string | null;
  termElectedOn: string | null;
  termEndsOn: string | null;
}

export interface OrgSummary extends OrgFacts {
  findings: OrgFinding[];
}

export interface PartyOrg {
  id: number;
  name: string;
  orgCode: string | null;
  regionCode: string;
  regionName: string | null;
  type: string;
  formation: string;
  jointBasis: string | null;
  parentId: number | null;
  managingOrgId: number | null;
  management: string | null;
  approvedBy: string | null;
  secretarySource: string | null;
  reportedFullCount: number | null;
  reportedProbationaryCount: number | null;
  establishedOn: string;
  dissolvedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrgCoverage {
  id: number;
  enterpriseId: number;
  startOn: string;
  endOn: string | null;
  /** null when the enterprise is beyond the user's scope. */
  uscc: string | null;
  enterpriseName: string | null;
  category: LedgerCategory | null;
  memberCount: number | null;
  fullMemberCount: number | null;
}

export interface OrgOfficer {
  id: number;
  orgId: number;
  post: string;
  personName: string;
  memberId: number | null;
  startOn: string | null;
  endOn: string | null;
  createdAt: string;
}

export interface OrgElection {
  id: number;
  orgId: number;
  electedOn: string;
  termYears: number;
  adjustmentMonths: number;
  adjustmentApprovedBy: string | null;
  adjustmentApprovedOn: string | null;
  endsOn: string;
  createdAt: string;
}

/** An org named by id; the name is null for one beyond the user's scope. */
export interface OrgRef {
  id: number;
  name: string | null;
}

export interface OrgDetail {
  org: PartyOrg;
  regionPath: Region[];
  parent: OrgRef | null;
  managingOrg: OrgRef | null;
  facts: OrgFacts;
  findings: OrgFinding[];
  coverages: OrgCoverage[];
  officers: OrgOfficer[];
  elections: OrgElection[];
  children: { id: number; name: string; type: string; dissolvedOn: string | null }[];
}

// ---- Party members, transfers and development (src/server/members/*, src/server/developments/*) ----

// A secretary's own party org (GET /api/session); null for everyone else.
export interface SessionUser {
  orgId?: number | null;
}

export type MemberStatus = 'full' | 'probationary';

/** A member as the server shows them: ID and phone numbers masked. */
export interface Member {
  id: number;
  name: string;
  /** Masked: 110***********123X. */
  idNumber: string;
  /** Masked: 138****5678. */
  phone: string | null;
  birthDate: string;
  sex: string;
  sexLabel: string | null;
  ethnicity: string | null;
  education: string | null;
  educationLabel: string | null;
  status: MemberStatus;
  statusLabel: string | null;
  joinedOn: string;
  fullOn: string | null;
  orgId: number;
  employerId: number | null;
  position: string | null;
  mobile: boolean;
  workOrgId: number | null;
  relationOrgName: string | null;
  cultivation: string[];
  leftOn: string | null;
  leaveReason: string | null;
  leaveReasonLabel: string | null;
  createdAt: string;
  updatedAt: string;
  orgName: string | null;
  workOrgName: string | null;
  employerName: string | null;
}

export interface MemberListItem extends Member {
  /** The mobile view: out 流出 (works elsewhere), in 流入 (works here, relation elsewhere). */
  side: 'out' | 'in' | null;
  sideLabel: string | null;
}

/** What a 党员信息卡 prints: labels, not codes; numbers masked. */
export interface MemberCard {
  name: string;
  sex: string | null;
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
  status: string | null;
  joinedOn: string;
  fullOn: string | null;
  orgName: string | null;
  employerName: string | null;
  position: string | null;
  idNumber: string;
  phone: string | null;
}

export type TransferStatus = 'pending' | 'expired' | 'received';

export interface MemberTransfer {
  id: number;
  memberId: number;
  direction: 'in' | 'out';
  orgId: number;
  counterpart: string;
  letterNo: string | null;
  issuedOn: string;
  validUntil: string;
  receivedOn: string | null;
  status: TransferStatus;
  /** Received after the letter had expired. */
  late: boolean;
  createdAt: string;
}

export interface MemberTransferListItem extends MemberTransfer {
  memberName: string | null;
  orgName: string | null;
}

export interface MemberDetail {
  member: Member;
  /** The actor's org holds the relation: may change, reveal, transfer. */
  writable: boolean;
  transfers: MemberTransfer[];
  card: MemberCard;
}

/** POST /api/members/{id}/reveal: the full numbers, audited. Never cached. */
export interface RevealedNumbers {
  idNumber: string;
  phone: string | null;
}

export interface DevelopmentOverdue {
  step: string;
  code: string;
  dueOn: string;
  message: string;
}

export interface DevelopmentEarly {
  step: string;
  code: string;
  message: string;
  reason: string;
}

export interface DevelopmentDue {
  talkDue?: string;
  candidateEarliest?: string;
  approvalDue?: string;
  approvalLimit?: string;
  probationEnd?: string;
  fullApprovalDue?: string;
}

export interface Development {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  /** Masked. */
  idNumber: string;
  birthDate: string;
  sex: string;
  employerId: number | null;
  employerName: string | null;
  appliedOn: string;
  talkedOn: string | null;
  activistOn: string | null;
  contacts: string[];
  candidateOn: string | null;
  politicalReviewOn: string | null;
  trainingDays: number | null;
  trainingHours: number | null;
  introducers: string[];
  admittedOn: string | null;
  approvedOn: string | null;
  extensionMonths: number;
  fullMeetingOn: string | null;
  fullApprovedOn: string | null;
  earlyReasons: Record<string, string>;
  memberId: number | null;
  closedOn: string | null;
  closedReason: string | null;
  stage: string | null;
  stageLabel: string | null;
  due: DevelopmentDue;
  overdue: DevelopmentOverdue[];
  early: DevelopmentEarly[];
}

export interface DevelopmentBoard {
  org: { id: number; name: string };
  today: string;
  completedSince: string;
  stages: { stage: string; label: string; items: Development[] }[];
  overdue: number;
  early: number;
}

/** Who a list of overdue or early steps is about. */
export interface DevelopmentPerson {
  developmentId: number;
  name: string;
  idNumber: string;
  orgId: number;
  orgName: string;
  regionCode: string;
}

export interface DevelopmentOverdueItem extends DevelopmentPerson, DevelopmentOverdue {
  daysOverdue: number;
}

export interface DevelopmentEarlyItem extends DevelopmentPerson {
  step: string;
  message: string;
  reason: string;
}

// ---- Work prompts (src/server/prompts/*) ----

export type PromptLevel = 'overdue' | 'due' | 'warning' | 'info';
export type PromptSectionKey =
  | 'should_form'
  | 'key_watch'
  | 'joint_candidate'
  | 'reelection'
  | 'org_rules'
  | 'development'
  | 'development_review'
  | 'transfer'
  | 'restructuring'
  | 'request_silent'
  | 'contact_missed';

export interface PromptItem {
  level: PromptLevel;
  /** The record's name (zh-CN as recorded). */
  title: string;
  /** zh-CN, with the figures involved. */
  message: string;
  dueOn?: string;
  link: { type: 'enterprise' | 'org' | 'member' | 'development' | 'request' | 'assignment'; id: number };
}

export interface PromptSection {
  key: PromptSectionKey;
  /** All of the section in scope; `items` holds the first of them. */
  total: number;
  items: PromptItem[];
  /** Enterprise sections: the ledger filter that lists all of them. */
  listFilter?: Record<string, unknown>;
}

export interface Prompts {
  today: string;
  sections: PromptSection[];
}

// ---- The enterprise page's orgs, roster and 三同步 (src/server/enterprises/ledger/detail.ts, src/server/restructurings) ----

/** An org covering (or that covered) the enterprise; name, type and formation are null for one beyond the user's scope. */
export interface EnterpriseOrg {
  coverageId: number;
  orgId: number;
  name: string | null;
  type: string | null;
  formation: string | null;
  startOn: string;
  endOn: string | null;
}

export interface EnterprisePageDetail extends EnterpriseDetail {
  orgs: EnterpriseOrg[];
  /** Members recorded one by one with this enterprise as employer. */
  roster: { recorded: number; full: number };
}

export interface Restructuring {
  restructuredOn: string;
  plansSubmittedOn: string | null;
  headsFixedOn: string | null;
  supervisionOn: string | null;
}

export type RestructuringItem = 'plansSubmittedOn' | 'headsFixedOn' | 'supervisionOn';

export interface RestructuringState {
  restructuring: Restructuring | null;
  /** The items still missing after the grace period (zh-CN messages). */
  prompts: { item: RestructuringItem; dueOn: string; message: string }[];
}

// ---- Org and member imports (src/server/imports/adapters/orgFile.ts) ----

/** A row of an org or member batch; `idNumber` is the member's masked ID number. */
export interface KindBatchRow {
  row: number;
  name: string | null;
  idNumber: string | null;
  outcome: string | null;
  diff: Record<string, { before: unknown; after: unknown }> | null;
}
