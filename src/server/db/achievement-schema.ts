import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { requiredRef } from './columns.ts';
import { enterprises } from './ledger-schema.ts';
import { members, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

/**
 * What an org achieved at an enterprise it covers (作用发挥, rules.md §11): one row per
 * proposal, pledge, problem solved, innovation, contribution, model post or responsibility
 * zone, recorded once where it happened. The columns a kind does not carry stay null
 * (domain/achievements/codes.ts KIND_RULES; the server checks, the constraints back it up).
 */
export const achievements = pgTable(
  'achievements',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    kind: text('kind').notNull(),
    form: text('form'),
    onDate: date('on_date').notNull(),
    content: text('content').notNull(),
    /** A proposal's proposer who is not a member of the org (a worker, a manager). */
    personName: text('person_name'),
    adopted: boolean('adopted'),
    fulfilled: boolean('fulfilled'),
    /** Economic benefit in 万元. */
    benefit: numeric('benefit', { precision: 12, scale: 2, mode: 'number' }),
    /** A contribution's amount in 万元. */
    amount: numeric('amount', { precision: 12, scale: 2, mode: 'number' }),
    fromOn: date('from_on'),
    toOn: date('to_on'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('achievements_org_idx').on(t.orgId, t.onDate),
    index('achievements_enterprise_idx').on(t.enterpriseId, t.kind, t.onDate),
    check(
      'achievements_kind_values',
      sql`${t.kind} in ('proposal','pledge','problem_solved','innovation','contribution','model_post','responsibility_zone')`,
    ),
    check('achievements_money', sql`${t.benefit} >= 0 and ${t.amount} >= 0`),
    check('achievements_contribution_amount', sql`(${t.kind} = 'contribution') = (${t.amount} is not null)`),
    check('achievements_period', sql`${t.toOn} is null or ${t.fromOn} <= ${t.toOn}`),
  ],
);

/** The members an achievement names: a pledge's member, a proposal's proposer, a post's holders. */
export const achievementMembers = pgTable(
  'achievement_members',
  {
    achievementId: requiredRef('achievement_id', () => achievements.id, 'cascade'),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.achievementId, t.memberId] }),
    index('achievement_members_member_idx').on(t.memberId),
  ],
);
