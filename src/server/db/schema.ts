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
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { instructors } from './instructor-schema.ts';
import { partyOrgs } from './org-schema.ts';
import { regions } from './reference-schema.ts';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
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
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
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

/** Deployment settings (lockout policy, session timeouts, …) as key → JSON value. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

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
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actorName),
    index('audit_action_idx').on(t.action),
    check('audit_result_values', sql`${t.result} in ('success', 'failure', 'denied')`),
  ],
);

export * from './instructor-schema.ts';
export * from './ledger-schema.ts';
export * from './org-schema.ts';
export * from './reference-schema.ts';
export * from './stats-schema.ts';
