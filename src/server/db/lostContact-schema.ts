import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { requiredRef } from './columns.ts';
import { members, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

/**
 * A member recorded as lost contact (失联党员, rules.md §13) by the org holding their relation:
 * the 失联情形 code, the date since which they are out of contact (frozen when recorded), and the
 * outcome once there is one. At most one open case per member.
 */
export const lostContacts = pgTable(
  'lost_contacts',
  {
    id: serial('id').primaryKey(),
    memberId: requiredRef('member_id', () => members.id),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    circumstance: text('circumstance').notNull(),
    circumstanceNote: text('circumstance_note'),
    outOfContactSince: date('out_of_contact_since').notNull(),
    recordedOn: date('recorded_on').notNull(),
    outcome: text('outcome'),
    outcomeOn: date('outcome_on'),
    outcomeNote: text('outcome_note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('lost_contacts_open_idx').on(t.memberId).where(sql`${t.outcome} is null`),
    index('lost_contacts_org_idx').on(t.orgId),
    check('lost_contacts_circumstance_values', sql`${t.circumstance} in ('1','2','3','4','5','6','7')`),
    check('lost_contacts_other_note', sql`${t.circumstance} <> '7' or ${t.circumstanceNote} is not null`),
    check('lost_contacts_six_months', sql`${t.recordedOn} >= ${t.outOfContactSince} + 181`),
    check(
      'lost_contacts_outcome',
      sql`(${t.outcome} is null) = (${t.outcomeOn} is null)
          and (${t.outcome} is null or ${t.outcome} in ('restored','suspended','probation_cancelled'))
          and (${t.outcomeOn} is null or ${t.outcomeOn} >= ${t.recordedOn})`,
    ),
  ],
);

/** One effort to find a lost-contact member: when, who, how, and what came of it. */
export const lostContactSearches = pgTable(
  'lost_contact_searches',
  {
    id: serial('id').primaryKey(),
    lostContactId: requiredRef('lost_contact_id', () => lostContacts.id),
    searchedOn: date('searched_on').notNull(),
    searcher: text('searcher').notNull(),
    method: text('method').notNull(),
    result: text('result').notNull(),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('lost_contact_searches_case_idx').on(t.lostContactId, t.searchedOn),
    check(
      'lost_contact_searches_method_values',
      sql`${t.method} in ('phone','visit','relatives','employer','online','notice','agency','other')`,
    ),
  ],
);
