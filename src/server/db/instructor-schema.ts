import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROOT_REGION } from '../../domain/regionCode.ts';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { enterprises } from './ledger-schema.ts';
import { stamps } from './stamps.ts';

/**
 * Functional departments instructors come from (组织, 市场监管, 工信, …). Each belongs to a
 * region; a region uses its own and those of the regions above it.
 */
export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    /** The deployment's own catalogue (the root region) unless a region made the department. */
    regionCode: regionCodeColumn().default(ROOT_REGION),
    name: text('name').notNull(),
    sortOrder: smallint('sort_order').notNull().default(0),
    ...stamps,
  },
  (t) => [unique('departments_region_name_unique').on(t.regionCode, t.name)],
);

/**
 * The relevance map (职能相关、业务相近): which industry sections (GB/T 4754 letters) and which
 * request categories a department's functions relate to. Configurable per deployment.
 */
export const departmentRelevance = pgTable(
  'department_relevance',
  {
    departmentId: requiredRef('department_id', () => departments.id, 'cascade'),
    /** 'industry' (code = section letter) | 'request' (code = request category) */
    kind: text('kind').notNull(),
    code: text('code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.kind, t.code] }),
    check('department_relevance_kind_values', sql`${t.kind} in ('industry','request')`),
  ],
);

/**
 * A functional instructor (职能党建指导员) or liaison (联络员) from a department. The phone is
 * AES-256-GCM ciphertext with a keyed hash, as members' are. The account an instructor signs
 * in with points here (`users.instructor_id`): their scope is then their assigned enterprises.
 */
export const instructors = pgTable(
  'instructors',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    sourceDepartmentId: requiredRef('source_department_id', () => departments.id),
    post: text('post'),
    fullTime: boolean('full_time').notNull().default(false),
    regionCode: regionCodeColumn(),
    phone: text('phone'),
    phoneHash: text('phone_hash'),
    /** From this date no longer serving; the record and its history stay. */
    leftOn: date('left_on'),
    ...stamps,
  },
  (t) => [
    index('instructors_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('instructors_source_department_idx').on(t.sourceDepartmentId),
    check('instructors_kind_values', sql`${t.kind} in ('instructor','liaison')`),
  ],
);

/** An instructor assigned to an enterprise over [startOn, endOn): endOn is the first day no longer assigned. */
export const assignments = pgTable(
  'assignments',
  {
    id: serial('id').primaryKey(),
    instructorId: requiredRef('instructor_id', () => instructors.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    note: text('note'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('assignments_instructor_idx').on(t.instructorId, t.startOn),
    index('assignments_enterprise_idx').on(t.enterpriseId, t.startOn),
    index('assignments_end_idx').on(t.endOn),
    check('assignments_interval', sql`${t.endOn} is null or ${t.endOn} > ${t.startOn}`),
  ],
);

/** A visit, call or meeting (走访/沟通) under an assignment. Counted for missed weeks, never scored by count. */
export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    assignmentId: requiredRef('assignment_id', () => assignments.id),
    onDate: date('on_date').notNull(),
    kind: text('kind').notNull(),
    withWhom: text('with_whom').notNull(),
    notes: text('notes'),
    actorId: integer('actor_id'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('contacts_assignment_idx').on(t.assignmentId, t.onDate),
    check('contacts_kind_values', sql`${t.kind} in ('visit','phone','meeting')`),
  ],
);

/**
 * An enterprise's request (诉求) worked by an instructor from received through coordinating to
 * resolved or closed unresolved, with the values obtained (万元 amounts, head counts).
 */
export const requests = pgTable(
  'requests',
  {
    id: serial('id').primaryKey(),
    assignmentId: requiredRef('assignment_id', () => assignments.id),
    /** The contact it was raised in, when it was. */
    contactId: integer('contact_id').references(() => contacts.id),
    category: text('category').notNull(),
    description: text('description').notNull(),
    departmentIds: integer('department_ids').array().notNull().default(sql`'{}'::int[]`),
    status: text('status').notNull().default('received'),
    receivedOn: date('received_on').notNull(),
    /** Resolved or closed unresolved on this date. */
    closedOn: date('closed_on'),
    /** The last status change or progress note: a request silent for too long is a prompt. */
    lastUpdateOn: date('last_update_on').notNull(),
    grants: numeric('grants', { mode: 'number' }),
    loans: numeric('loans', { mode: 'number' }),
    hires: integer('hires'),
    trainees: integer('trainees'),
    feesReduced: numeric('fees_reduced', { mode: 'number' }),
    ...stamps,
  },
  (t) => [
    index('requests_assignment_idx').on(t.assignmentId),
    index('requests_open_idx').on(t.lastUpdateOn).where(sql`${t.closedOn} is null`),
    check(
      'requests_category_values',
      sql`${t.category} in ('environment','land','project_approval','labour_dispute','market','financing','hiring','training','policy','other')`,
    ),
    check('requests_status_values', sql`${t.status} in ('received','coordinating','resolved','unresolved')`),
    check('requests_closed', sql`(${t.status} in ('resolved','unresolved')) = (${t.closedOn} is not null)`),
    check(
      'requests_dates',
      sql`(${t.closedOn} is null or ${t.closedOn} >= ${t.receivedOn}) and ${t.lastUpdateOn} >= ${t.receivedOn}`,
    ),
    check(
      'requests_values',
      sql`coalesce(${t.grants}, 0) >= 0 and coalesce(${t.loans}, 0) >= 0 and coalesce(${t.hires}, 0) >= 0 and coalesce(${t.trainees}, 0) >= 0 and coalesce(${t.feesReduced}, 0) >= 0`,
    ),
  ],
);

/** A request's progress notes and status changes, in order. */
export const requestUpdates = pgTable(
  'request_updates',
  {
    id: serial('id').primaryKey(),
    requestId: requiredRef('request_id', () => requests.id),
    onDate: date('on_date').notNull(),
    status: text('status').notNull(),
    note: text('note'),
    actorId: integer('actor_id'),
    createdAt: stamps.createdAt,
  },
  (t) => [index('request_updates_request_idx').on(t.requestId, t.onDate)],
);

/**
 * An outcome typed in by hand (成果), per instructor, enterprise, date and role. Outcomes the
 * system already knows (members developed, resolved requests and their values) are derived
 * in queries and are never stored here.
 */
export const outcomes = pgTable(
  'outcomes',
  {
    id: serial('id').primaryKey(),
    assignmentId: requiredRef('assignment_id', () => assignments.id),
    onDate: date('on_date').notNull(),
    /** guide 党建指导 | service 发展服务 | coordination 和谐协调 */
    role: text('role').notNull(),
    kind: text('kind').notNull(),
    quantity: numeric('quantity', { mode: 'number' }).notNull(),
    /** Economic benefit (万元) of an innovation project. */
    benefit: numeric('benefit', { mode: 'number' }),
    note: text('note'),
    actorId: integer('actor_id'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('outcomes_assignment_idx').on(t.assignmentId, t.onDate),
    check('outcomes_role_values', sql`${t.role} in ('guide','service','coordination')`),
    check('outcomes_quantity', sql`${t.quantity} > 0 and coalesce(${t.benefit}, 0) >= 0`),
  ],
);

/** A daily assessment entry (日常考核), scored 0–100. */
export const dailyAssessments = pgTable(
  'daily_assessments',
  {
    id: serial('id').primaryKey(),
    instructorId: requiredRef('instructor_id', () => instructors.id),
    onDate: date('on_date').notNull(),
    score: numeric('score', { mode: 'number' }).notNull(),
    note: text('note'),
    actorId: integer('actor_id'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('daily_assessments_instructor_idx').on(t.instructorId, t.onDate),
    check('daily_assessments_score', sql`${t.score} between 0 and 100`),
  ],
);

/** The half-yearly assessment (定期考核, period '2026H2') on three dimensions, each 0–100. */
export const periodicAssessments = pgTable(
  'periodic_assessments',
  {
    instructorId: requiredRef('instructor_id', () => instructors.id),
    period: text('period').notNull(),
    duties: numeric('duties', { mode: 'number' }).notNull(),
    discipline: numeric('discipline', { mode: 'number' }).notNull(),
    effectiveness: numeric('effectiveness', { mode: 'number' }).notNull(),
    note: text('note'),
    actorId: integer('actor_id'),
    ...stamps,
  },
  (t) => [
    primaryKey({ columns: [t.instructorId, t.period] }),
    check('periodic_assessments_period', sql`${t.period} ~ '^[0-9]{4}H[12]$'`),
    check(
      'periodic_assessments_scores',
      sql`${t.duties} between 0 and 100 and ${t.discipline} between 0 and 100 and ${t.effectiveness} between 0 and 100`,
    ),
  ],
);

/** An owner satisfaction survey (满意度测评) of one period over a region's assigned enterprises. */
export const ownerSurveys = pgTable(
  'owner_surveys',
  {
    id: serial('id').primaryKey(),
    period: text('period').notNull(),
    regionCode: regionCodeColumn(),
    title: text('title').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex('owner_surveys_region_period_idx').on(t.regionCode, t.period)],
);

/**
 * A one-time link that needs no account: an owner survey response or an appraiser's
 * democratic-appraisal ballot for one enterprise and period. Only the token's hash is kept.
 */
export const oneTimeLinks = pgTable(
  'one_time_links',
  {
    id: serial('id').primaryKey(),
    /** 'owner_survey' | 'ballot' */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    ownerSurveyId: integer('owner_survey_id').references(() => ownerSurveys.id),
    /** Ballots: the half-year period ('2026H2') and who appraises: owner | secretary | member. */
    period: text('period'),
    appraiser: text('appraiser'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    actorId: integer('actor_id'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    uniqueIndex('one_time_links_token_idx').on(t.tokenHash),
    // One owner survey link per enterprise per owner survey.
    uniqueIndex('one_time_links_owner_survey_idx')
      .on(t.ownerSurveyId, t.enterpriseId)
      .where(sql`${t.purpose} = 'owner_survey'`),
    index('one_time_links_enterprise_idx').on(t.enterpriseId),
    check('one_time_links_purpose_values', sql`${t.purpose} in ('owner_survey','ballot')`),
    check(
      'one_time_links_shape',
      sql`(${t.purpose} = 'owner_survey' and ${t.ownerSurveyId} is not null) or (${t.purpose} = 'ballot' and ${t.period} ~ '^[0-9]{4}H[12]$' and ${t.appraiser} in ('owner','secretary','member'))`,
    ),
  ],
);

/** An owner's answers to an owner survey: one response per enterprise per owner survey. */
export const ownerSurveyResponses = pgTable(
  'owner_survey_responses',
  {
    ownerSurveyId: requiredRef('owner_survey_id', () => ownerSurveys.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    answers: jsonb('answers').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ownerSurveyId, t.enterpriseId] })],
);

/**
 * A democratic-appraisal score (民主测评) for one instructor, from a ballot. It keeps the
 * enterprise and the appraiser's kind for the breakdown, but not the link: results are anonymous.
 */
export const appraisalScores = pgTable(
  'appraisal_scores',
  {
    id: serial('id').primaryKey(),
    period: text('period').notNull(),
    instructorId: requiredRef('instructor_id', () => instructors.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    appraiser: text('appraiser').notNull(),
    score: numeric('score', { mode: 'number' }).notNull(),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [
    index('appraisal_scores_period_idx').on(t.period, t.instructorId),
    check('appraisal_scores_score', sql`${t.score} between 0 and 100`),
    check('appraisal_scores_appraiser_values', sql`${t.appraiser} in ('owner','secretary','member')`),
  ],
);
