import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, smallint, text } from 'drizzle-orm/pg-core';
import { requiredRef } from './columns.ts';
import { enterprises } from './ledger-schema.ts';
import { members, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

const LEVELS = sql`('national','province','city','county','town')`;

/**
 * An honour (表彰) given to an org, or to a member (`memberId`): `orgId` is then the org the
 * member belonged to when honoured, so the honour is counted where it was earned.
 */
export const honours = pgTable(
  'honours',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    memberId: integer('member_id').references(() => members.id),
    title: text('title').notNull(),
    awardingBody: text('awarding_body').notNull(),
    level: text('level').notNull(),
    awardedOn: date('awarded_on').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('honours_org_idx').on(t.orgId),
    index('honours_member_idx').on(t.memberId),
    check('honours_level_values', sql`${t.level} in ${LEVELS}`),
  ],
);

/** A demonstration site (示范点): an org or an enterprise named a model for a year, at a level. */
export const demonstrationSites = pgTable(
  'demonstration_sites',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').references(() => partyOrgs.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    name: text('name').notNull(),
    level: text('level').notNull(),
    year: smallint('year').notNull(),
    awardingBody: text('awarding_body'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('demonstration_sites_org_idx').on(t.orgId),
    index('demonstration_sites_enterprise_idx').on(t.enterpriseId),
    check('demonstration_sites_level_values', sql`${t.level} in ${LEVELS}`),
    check('demonstration_sites_one_place', sql`(${t.orgId} is null) <> (${t.enterpriseId} is null)`),
    check('demonstration_sites_year', sql`${t.year} between 1990 and 2100`),
  ],
);
