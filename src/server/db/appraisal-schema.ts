import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, serial, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { requiredRef } from './columns.ts';
import { members, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

/**
 * An org's yearly appraisal (分类定级, rules.md §11) by the body above it: a grade, the titles
 * 四强党组织 / 五好党支部, and — for an org judged 软弱涣散 — its rectification plan: steps and a
 * deadline, open until the body closes it (销号). The org stays on the lagging list meanwhile.
 */
export const orgAppraisals = pgTable(
  'org_appraisals',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    year: smallint('year').notNull(),
    grade: text('grade').notNull(),
    fourStrong: boolean('four_strong').notNull().default(false),
    fiveGood: boolean('five_good').notNull().default(false),
    weak: boolean('weak').notNull().default(false),
    appraisedOn: date('appraised_on').notNull(),
    appraisingBody: text('appraising_body').notNull(),
    note: text('note'),
    rectificationSteps: text('rectification_steps').array(),
    rectificationDueOn: date('rectification_due_on'),
    rectifiedOn: date('rectified_on'),
    rectificationNote: text('rectification_note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('org_appraisals_org_year_idx').on(t.orgId, t.year),
    index('org_appraisals_open_idx').on(t.orgId).where(sql`${t.weak} and ${t.rectifiedOn} is null`),
    check('org_appraisals_grade_values', sql`${t.grade} in ('advanced','ordinary','lagging')`),
    check('org_appraisals_year', sql`${t.year} between 1990 and 2100`),
    check(
      'org_appraisals_rectification',
      sql`case when ${t.weak} then ${t.grade} = 'lagging' and cardinality(${t.rectificationSteps}) > 0
            and ${t.rectificationDueOn} > ${t.appraisedOn}
          else ${t.rectificationSteps} is null and ${t.rectificationDueOn} is null and ${t.rectifiedOn} is null end`,
    ),
    check('org_appraisals_rectified_after', sql`${t.rectifiedOn} >= ${t.appraisedOn}`),
  ],
);

/**
 * A member's yearly 民主评议 result, recorded by their branch, with 四优共产党员 for an excellent
 * one, and the follow-up of a 基本合格 or 不合格 result. For 不合格 the follow-up is owed by
 * `followUpDueOn`, fixed when the result is recorded under the rule then in force.
 */
export const memberAppraisals = pgTable(
  'member_appraisals',
  {
    id: serial('id').primaryKey(),
    memberId: requiredRef('member_id', () => members.id),
    /** The member's org when appraised: the result stays where it was given. */
    orgId: requiredRef('org_id', () => partyOrgs.id),
    year: smallint('year').notNull(),
    result: text('result').notNull(),
    fourExcellent: boolean('four_excellent').notNull().default(false),
    appraisedOn: date('appraised_on').notNull(),
    followUpDueOn: date('follow_up_due_on'),
    followUp: text('follow_up'),
    followUpOn: date('follow_up_on'),
    correctBy: date('correct_by'),
    followUpNote: text('follow_up_note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('member_appraisals_member_year_idx').on(t.memberId, t.year),
    index('member_appraisals_org_idx').on(t.orgId),
    index('member_appraisals_missing_idx')
      .on(t.orgId)
      .where(sql`${t.result} = 'unqualified' and ${t.followUp} is null`),
    check(
      'member_appraisals_result_values',
      sql`${t.result} in ('excellent','qualified','basically_qualified','unqualified')`,
    ),
    check('member_appraisals_year', sql`${t.year} between 1990 and 2100`),
    check('member_appraisals_four_excellent', sql`not ${t.fourExcellent} or ${t.result} = 'excellent'`),
    check('member_appraisals_follow_up_due', sql`(${t.followUpDueOn} is not null) = (${t.result} = 'unqualified')`),
    check(
      'member_appraisals_follow_up',
      sql`case when ${t.followUp} is null then ${t.followUpOn} is null and ${t.correctBy} is null
          else ${t.result} in ('basically_qualified','unqualified')
            and ${t.followUp} in ('education','correct_by','persuade_withdraw','removal')
            and ${t.followUpOn} >= ${t.appraisedOn}
            and (${t.correctBy} is not null) = (${t.followUp} = 'correct_by')
            and (${t.correctBy} is null or ${t.correctBy} > ${t.followUpOn}) end`,
    ),
  ],
);
