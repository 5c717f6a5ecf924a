import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { enterprises } from './ledger-schema.ts';

/**
 * The ledger's facts per enterprise over time, [validFrom, validTo): what the coverage engine
 * reads for a past date. Kept by triggers on `enterprises` (migration 0013): a change opens a
 * new state from the day it is recorded; the first state reaches back to the founding date.
 */
export const enterpriseStates = pgTable(
  'enterprise_states',
  {
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull().default(sql`'infinity'`),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    industryCode: text('industry_code'),
    employees: integer('employees').notNull(),
    memberCount: integer('member_count').notNull(),
    fullMemberCount: integer('full_member_count').notNull(),
    aboveScale: boolean('above_scale').notNull(),
    inScope: boolean('in_scope').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.validFrom] }),
    index('enterprise_states_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.validFrom, t.validTo),
  ],
);

/**
 * The keys ledger_counts and past_counts both count by, and the counts they keep for each key.
 * Functions, so that each table gets column builders of its own.
 */
const placeKeys = () => ({
  regionCode: text('region_code').notNull(),
  inScope: boolean('in_scope').notNull(),
  category: text('category').notNull(),
  /** 'standalone' | 'joint' | 'none' */
  orgCoverage: text('org_coverage').notNull(),
});
const sizeKeys = () => ({
  band: smallint('band').notNull(),
  kind: text('kind').notNull(),
  aboveScale: boolean('above_scale').notNull(),
});
const counted = () => ({
  n: bigint('n', { mode: 'number' }).notNull(),
  employees: bigint('employees', { mode: 'number' }).notNull(),
  members: bigint('members', { mode: 'number' }).notNull(),
  fullMembers: bigint('full_members', { mode: 'number' }).notNull(),
  withMembers: bigint('with_members', { mode: 'number' }).notNull(),
});

/**
 * Today's ledger counted by every key a dashboard figure or filter needs, per leaf region:
 * kept by statement-level triggers on `enterprises` in the same transaction as the change,
 * so a figure summed from it is never stale. `band` is width_bucket(employees, {10,30,50,100,300}).
 */
export const ledgerCounts = pgTable(
  'ledger_counts',
  {
    ...placeKeys(),
    hasInstructor: boolean('has_instructor').notNull(),
    ...sizeKeys(),
    missing: boolean('missing').notNull(),
    ...counted(),
  },
  (t) => [
    primaryKey({
      columns: [
        t.regionCode,
        t.inScope,
        t.category,
        t.orgCoverage,
        t.hasInstructor,
        t.band,
        t.kind,
        t.aboveScale,
        t.missing,
      ],
    }),
  ],
);

/**
 * The (date, region prefix) pairs whose facts past_counts holds (migration 0027): filled on
 * the first request for a past date, dropped by triggers when a change alters that date.
 */
export const pastCountsFilled = pgTable(
  'past_counts_filled',
  { onDate: date('on_date').notNull(), within: text('within').notNull() },
  (t) => [primaryKey({ columns: [t.onDate, t.within] })],
);

/** The facts of a past date counted by the keys of ledger_counts, per (date, filled prefix). */
export const pastCounts = pgTable(
  'past_counts',
  {
    onDate: date('on_date').notNull(),
    within: text('within').notNull(),
    ...placeKeys(),
    workCovered: boolean('work_covered').notNull(),
    ...sizeKeys(),
    ...counted(),
  },
  (t) => [
    foreignKey({
      name: 'past_counts_on_date_within_past_counts_filled_on_date_within_fk',
      columns: [t.onDate, t.within],
      foreignColumns: [pastCountsFilled.onDate, pastCountsFilled.within],
    }).onDelete('cascade'),
    index('past_counts_date_region_idx').on(t.onDate, t.within, t.regionCode),
  ],
);

/** A survey snapshot (rules.md §9): the whole ledger of a region frozen as of a date. */
export const snapshots = pgTable('snapshots', {
  id: serial('id').primaryKey(),
  takenOn: date('taken_on').notNull(),
  regionCode: regionCodeColumn(),
  label: text('label').notNull(),
  enterpriseCount: integer('enterprise_count').notNull(),
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One enterprise as a snapshot froze it. */
export const snapshotRows = pgTable(
  'snapshot_rows',
  {
    snapshotId: requiredRef('snapshot_id', () => snapshots.id, 'cascade'),
    enterpriseId: integer('enterprise_id').notNull(),
    regionCode: text('region_code').notNull(),
    inScope: boolean('in_scope').notNull(),
    category: text('category').notNull(),
    orgCoverage: text('org_coverage'),
    workCovered: boolean('work_covered').notNull(),
    keyWatch: boolean('key_watch').notNull(),
    employees: integer('employees').notNull(),
    memberCount: integer('member_count').notNull(),
    fullMemberCount: integer('full_member_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.enterpriseId] })],
);
