import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { requiredRef } from './columns.ts';
import { enterprises } from './ledger-schema.ts';
import { members, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

/**
 * What an enterprise's owner does with the party org (document 001), one record per fact:
 * a communication (topics, outcome), support given (活动时间 in hours, 场地, 经费 in 万元),
 * 三争一创 participation, the owner's application to join the party, the owner's request to
 * set up an org. `orgId` is the org concerned; none for a request to set one up.
 */
export const ownerEngagements = pgTable(
  'owner_engagements',
  {
    id: serial('id').primaryKey(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    orgId: integer('org_id').references(() => partyOrgs.id),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    ownerName: text('owner_name'),
    topics: text('topics'),
    outcome: text('outcome'),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }),
    venue: text('venue'),
    funds: numeric('funds', { precision: 12, scale: 2, mode: 'number' }),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('owner_engagements_enterprise_idx').on(t.enterpriseId),
    index('owner_engagements_org_idx').on(t.orgId),
    check(
      'owner_engagements_kind_values',
      sql`${t.kind} in ('communication','support','campaign','application','org_request')`,
    ),
    check('owner_engagements_communication', sql`${t.kind} <> 'communication' or ${t.topics} is not null`),
    check(
      'owner_engagements_support',
      sql`${t.kind} <> 'support' or coalesce(${t.hours}, ${t.funds}) is not null or ${t.venue} is not null`,
    ),
    check('owner_engagements_amounts', sql`${t.hours} >= 0 and ${t.funds} >= 0`),
    check('owner_engagements_org', sql`(${t.kind} = 'org_request') = (${t.orgId} is null)`),
  ],
);

/** 开放式活动 (党群活动一体化): an org's activity open to non-members, who are counted, not named. */
export const openActivities = pgTable(
  'open_activities',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    place: text('place'),
    nonMemberCount: integer('non_member_count').notNull().default(0),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('open_activities_org_idx').on(t.orgId, t.heldOn),
    check('open_activities_non_members', sql`${t.nonMemberCount} between 0 and 100000`),
  ],
);

/** The org's members who took part in an open activity, ticked from its roster. */
export const openActivityParticipants = pgTable(
  'open_activity_participants',
  {
    activityId: requiredRef('activity_id', () => openActivities.id, 'cascade'),
    memberId: requiredRef('member_id', () => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.memberId] }),
    index('open_activity_participants_member_idx').on(t.memberId),
  ],
);

/** 结对共建: an org and another org, or a named village or community, working together for a period. */
export const pairings = pgTable(
  'pairings',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    partnerKind: text('partner_kind').notNull(),
    partnerOrgId: integer('partner_org_id').references(() => partyOrgs.id),
    partnerName: text('partner_name'),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('pairings_org_idx').on(t.orgId),
    index('pairings_partner_org_idx').on(t.partnerOrgId),
    check('pairings_partner_kind_values', sql`${t.partnerKind} in ('org','village','community')`),
    check(
      'pairings_partner',
      sql`case when ${t.partnerKind} = 'org' then ${t.partnerOrgId} is not null and ${t.partnerOrgId} <> ${t.orgId}
          else ${t.partnerOrgId} is null and ${t.partnerName} is not null end`,
    ),
    check('pairings_period', sql`${t.endOn} > ${t.startOn}`),
  ],
);

/** A joint activity under a pairing. */
export const pairingActivities = pgTable(
  'pairing_activities',
  {
    id: serial('id').primaryKey(),
    pairingId: requiredRef('pairing_id', () => pairings.id, 'cascade'),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    content: text('content'),
    ...stamps,
  },
  (t) => [index('pairing_activities_pairing_idx').on(t.pairingId, t.heldOn)],
);
