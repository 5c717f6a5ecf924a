import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { categorySql } from '../../domain/enterprise/categories.ts';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { industries } from './reference-schema.ts';

const CATEGORY_SQL = categorySql({
  standaloneCovered: "org_coverage = 'standalone'",
  jointCovered: "org_coverage = 'joint'",
  memberCount: 'member_count',
  fullMemberCount: 'full_member_count',
});

/**
 * The ledger (台账): one row per enterprise, with the figures the categories are computed
 * from. `orgCoverage` is kept by the organization area whenever coverage changes, so the
 * category and flags below are generated columns: always current, indexable, and written
 * in the same CASE as the pure rule in src/domain/enterprise/categories.ts.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: regionCodeColumn(),
    industryCode: text('industry_code').references(() => industries.code),
    employees: integer('employees').notNull(),
    memberCount: integer('member_count').notNull(),
    fullMemberCount: integer('full_member_count').notNull(),
    fullMemberEstimated: boolean('full_member_estimated').notNull().default(false),
    ownerName: text('owner_name'),
    ownerPoliticalStatus: text('owner_political_status'),
    aboveScale: boolean('above_scale').notNull().default(false),
    cluster: text('cluster'),
    foundedOn: date('founded_on'),
    registrationStatus: text('registration_status').notNull().default('active'),
    /** AES-256-GCM ciphertext: an individual business's number is usually the owner's own phone. */
    phone: text('phone'),
    /** Keyed hash of the phone number, to tell a changed number from an unchanged one. */
    phoneHash: text('phone_hash'),
    reportedHasOrg: boolean('reported_has_org'),
    reportedFormation: text('reported_formation'),
    hasUnion: boolean('has_union'),
    hasLeague: boolean('has_league'),
    /** 法人单位标识; null: taken from the kind (an individual business is no legal person). */
    legalPerson: boolean('legal_person'),
    /** 'sole' 独资 | 'hmt_invested' 含港澳台商投资 | 'foreign_invested' 含外商投资 (年报 table 27). */
    ownership: text('ownership'),
    /** 在岗职工数; null: the 从业人员 stand in (docs/annual-tables.md). */
    staffOnPost: integer('staff_on_post'),
    /** 中介组织类型: 'law_firm' | 'accounting_firm' | 'tax_firm' (年报 table 30). */
    intermediaryKind: text('intermediary_kind'),
    /** 'standalone' | 'joint' | null: the coverage in force today, kept by the organization area. */
    orgCoverage: text('org_coverage'),
    /** An active instructor or liaison assignment today, kept by the instructor area. */
    hasInstructor: boolean('has_instructor').notNull().default(false),
    /** Set when a later batch of the same source lacked the enterprise: flagged for review, never deleted. */
    missingSinceBatchId: integer('missing_since_batch_id'),
    lastBatchId: integer('last_batch_id'),
    /** rules.md §1: 存续, 在营 and 迁入 count; 吊销, 注销 and 迁出 leave every denominator. */
    inScope: boolean('in_scope').generatedAlwaysAs(sql`registration_status in ('active', 'operating', 'moved_in')`),
    /** rules.md §3, first match wins. */
    category: text('category').generatedAlwaysAs(sql.raw(CATEGORY_SQL)),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enterprises_uscc_idx').on(t.uscc),
    // Region prefixes as ranges of text_pattern_ops (leakproof, so usable under row-level
    // security); with the category, scope and kind, the list's counts read only this index.
    index('enterprises_scope_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.category, t.inScope, t.kind),
    index('enterprises_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    index('enterprises_category_idx').on(t.category, t.regionCode),
    // The list's sorts (the id breaks ties): a page of 50 reads 50 index entries, not the ledger.
    index('enterprises_name_sort_idx').on(t.name, t.id),
    index('enterprises_employees_sort_idx').on(t.employees.desc(), t.id),
    index('enterprises_updated_sort_idx').on(t.updatedAt.desc(), t.id),
    // The dashboard's calls (migration 0034): the prompts' lists by category in head-count
    // order, and counts of conditions the kept counts do not hold, each read from its index.
    // enterprises_region_names_idx (region_code text_pattern_ops) INCLUDE (id, name), for the
    // missed-contact search, is in the migration only: drizzle cannot declare INCLUDE.
    index('enterprises_category_employees_idx').on(t.category, t.employees.desc(), t.id),
    index('enterprises_missing_idx')
      .using('btree', sql`${t.regionCode} text_pattern_ops`, t.kind, t.employees)
      .where(sql`${t.missingSinceBatchId} is not null`),
    index('enterprises_mass_org_only_idx')
      .using('btree', sql`${t.regionCode} text_pattern_ops`, t.kind, t.employees)
      .where(sql`${t.inScope} and ${t.orgCoverage} is null and (${t.hasUnion} or ${t.hasLeague})`),
    index('enterprises_no_mass_org_idx')
      .using('btree', sql`${t.regionCode} text_pattern_ops`, t.employees)
      .where(
        sql`${t.inScope} and ${t.category} = 'no_member' and ${t.employees} >= 50 and ${t.hasUnion} is not true and ${t.hasLeague} is not true`,
      ),
    check(
      'enterprises_kind_values',
      sql`${t.kind} in ('private','individual','foreign','hmt','association','social_service','foundation','other')`,
    ),
    check(
      'enterprises_status_values',
      sql`${t.registrationStatus} in ('active','operating','moved_in','moved_out','revoked','cancelled')`,
    ),
    check('enterprises_ownership_values', sql`${t.ownership} in ('sole','hmt_invested','foreign_invested')`),
    check('enterprises_intermediary_values', sql`${t.intermediaryKind} in ('law_firm','accounting_firm','tax_firm')`),
    check('enterprises_staff_on_post', sql`${t.staffOnPost} >= 0`),
    check('enterprises_counts', sql`${t.employees} >= 0 and ${t.fullMemberCount} between 0 and ${t.memberCount}`),
  ],
);

/** Every change to an enterprise, field by field, with where it came from. */
export const enterpriseHistory = pgTable(
  'enterprise_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    field: text('field').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    batchId: integer('batch_id'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('enterprise_history_enterprise_idx').on(t.enterpriseId, t.at)],
);

/** One import of one file: who, when, what file, and what it did. */
export const importBatches = pgTable(
  'import_batches',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    source: text('source').notNull(),
    fileName: text('file_name').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** reading → staged → applied | discarded; or rejected, dry-run, failed */
    status: text('status').notNull(),
    /** Rows read so far while reading, for the progress shown to whoever waits. */
    rowsRead: integer('rows_read').notNull().default(0),
    /** The file's data rows, counted before they are read; null while counting (and on older batches). */
    rowsTotal: integer('rows_total'),
    /** Why reading failed (status failed): the file could not be read as a whole. */
    failure: text('failure'),
    partial: boolean('partial').notNull().default(false),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** The importer's scope root: missing enterprises are looked for within it only. */
    regionCode: text('region_code').notNull(),
    /** The column keys the file had: a column left out of a file changes nothing. */
    columns: text('columns').array().notNull().default(sql`'{}'::text[]`),
    counts: jsonb('counts').notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    /** The process working on the batch (host:pid) while it holds the batch's lock (imports/ownership.ts). */
    owner: text('owner'),
    /** When the batch left reading/staged (set by a trigger); its kept file's retention runs from here. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_source_idx').on(t.kind, t.source, t.id)],
);

/**
 * The rows of a batch as read from the file and checked, kept until the batch is applied
 * or discarded: the preview the user confirms is computed from them, in SQL, so memory
 * does not grow with the file.
 */
export const importRows = pgTable(
  'import_rows',
  {
    batchId: requiredRef('batch_id', () => importBatches.id, 'cascade'),
    row: integer('row').notNull(),
    uscc: text('uscc'),
    /** The parsed EnterpriseInput, phone replaced by its ciphertext and keyed hash. */
    data: jsonb('data'),
    hasErrors: boolean('has_errors').notNull().default(false),
    /** added | changed | unchanged | error, set by the reconciliation. */
    outcome: text('outcome'),
    enterpriseId: integer('enterprise_id'),
    /** field → { before, after } for a changed row. */
    diff: jsonb('diff'),
    /** Reported party-organization fields that disagree with the records. */
    discrepancy: text('discrepancy'),
  },
  (t) => [index('import_rows_batch_idx').on(t.batchId, t.row), index('import_rows_uscc_idx').on(t.batchId, t.uscc)],
);

/** Errors and warnings of a batch, each naming the spreadsheet row and the column header. */
export const importIssues = pgTable(
  'import_issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: requiredRef('batch_id', () => importBatches.id, 'cascade'),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    message: text('message').notNull(),
    severity: text('severity').notNull(),
  },
  (t) => [index('import_issues_batch_idx').on(t.batchId, t.severity, t.row)],
);

/** Enterprises of the scope that the batch's source had last time and this batch lacks. */
export const importMissing = pgTable(
  'import_missing',
  {
    batchId: requiredRef('batch_id', () => importBatches.id, 'cascade'),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
  },
  (t) => [index('import_missing_batch_idx').on(t.batchId)],
);

/** The members of the orgs a national roster names that the roster lacks (migration 0038). */
export const importMissingMembers = pgTable(
  'import_missing_members',
  {
    batchId: requiredRef('batch_id', () => importBatches.id, 'cascade'),
    memberId: integer('member_id').notNull(),
  },
  (t) => [index('import_missing_members_batch_idx').on(t.batchId)],
);
