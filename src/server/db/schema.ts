import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { instructors } from './instructor-schema.ts';
import { partyOrgs } from './org-schema.ts';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    regionCode: regionCodeColumn(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    /** A secretary's own party organization: their scope is that org, not the region. */
    orgId: integer('org_id').references((): AnyPgColumn => partyOrgs.id),
    /** An instructor's own record: their scope is the enterprises assigned to them. */
    instructorId: integer('instructor_id').references((): AnyPgColumn => instructors.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    /** AES-256-GCM ciphertext of the TOTP secret; null until enrolment starts. */
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The last accepted TOTP time step, so a code cannot be replayed. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /**
     * A password reset the system administrator asked for and the security administrator has
     * yet to approve or reject (三员分立: neither alone can take over an account).
     */
    resetRequestedBy: integer('reset_requested_by').references((): AnyPgColumn => users.id),
    resetRequestedAt: timestamp('reset_requested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('users_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    check('users_username_format', sql`${t.username} ~ '^[a-z0-9_.-]{3,32}$'`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not hand out live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: requiredRef('user_id', () => users.id),
    csrfToken: text('csrf_token').notNull(),
    /** Password accepted but the second factor still due. */
    mfaPending: boolean('mfa_pending').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed passwords per user name and client address. A run of them blocks that name from
 * that address only, for longer each time; the name stays open from everywhere else, so no
 * one can keep the real administrator out by guessing wrong from their own machine. Kept for
 * unknown names too, so they answer exactly as known ones do.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    username: text('username').notNull(),
    /** The client address, '' when unknown. */
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    /** How many times this pair has been blocked: each block lasts twice the one before. */
    blocks: integer('blocks').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.username, t.address] }), index('login_throttles_updated_idx').on(t.updatedAt)],
);

/** Deployment settings (lockout policy, session timeouts, …) as key → JSON value. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Settings a region owns (the instructors' work rules, the assessment): a region's value
 * applies to it and, unless they have their own, to the regions below it.
 */
export const regionSettings = pgTable(
  'region_settings',
  {
    key: text('key').notNull(),
    regionCode: text('region_code').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.regionCode] })],
);

/**
 * Append-only, hash-chained audit trail. `seq` is assigned under a transaction-scoped
 * advisory lock so it has no gaps; a missing seq or a broken chain is tampering.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    ip: text('ip'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    result: text('result').notNull(),
    diff: jsonb('diff'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** HMAC under the audit key (audit/chain.ts); false only on rows written before migration 0015. */
    keyed: boolean('keyed').notNull().default(false),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorName),
    index('audit_action_idx').on(t.action),
    check('audit_result_values', sql`${t.result} in ('success', 'failure', 'denied')`),
  ],
);

export * from './achievement-schema.ts';
export * from './appraisal-schema.ts';
export * from './attachment-schema.ts';
export * from './engagement-schema.ts';
export * from './honour-schema.ts';
export * from './instructor-schema.ts';
export * from './ledger-schema.ts';
export * from './lostContact-schema.ts';
export * from './org-schema.ts';
export * from './orglife-schema.ts';
export * from './pool-schema.ts';
export * from './reference-schema.ts';
export * from './report-schema.ts';
export * from './stats-schema.ts';
export * from './training-schema.ts';
export * from './upward-schema.ts';
