import { integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { regionCodeColumn } from './columns.ts';

/** This deployment's Ed25519 signing key pair (migration 0040): one row, never read by the application role. */
export const deploymentKeys = pgTable('deployment_keys', {
  id: integer('id').primaryKey().default(1),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  lastSequence: integer('last_sequence').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A child deployment whose packages this one accepts: its region and public key. */
export const trustedDeployments = pgTable('trusted_deployments', {
  regionCode: regionCodeColumn().primaryKey(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  lastSequence: integer('last_sequence').notNull().default(0),
  registeredBy: text('registered_by').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A package received from a child deployment, or its return (append-only). */
export const upwardPackageEvents = pgTable('upward_package_events', {
  id: serial('id').primaryKey(),
  regionCode: text('region_code').notNull(),
  period: text('period').notNull(),
  action: text('action').notNull().$type<'receive' | 'return'>(),
  sequence: integer('sequence'),
  signedAt: timestamp('signed_at', { withTimezone: true }),
  figures: jsonb('figures'),
  signature: text('signature'),
  digest: text('digest'),
  reason: text('reason'),
  via: text('via'),
  actorName: text('actor_name').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});
