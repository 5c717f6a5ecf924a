import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { enterprises } from './ledger-schema.ts';
import { stamps } from './stamps.ts';

/**
 * A party organization (党组织). Its region is its scope; `parentId` is the tree,
 * `managingOrgId` the org responsible for it (属地 or 行业). The reported member counts come
 * from an imported ledger and are used only until members are recorded one by one.
 */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    orgCode: text('org_code'),
    regionCode: regionCodeColumn(),
    type: text('type').notNull(),
    formation: text('formation').notNull(),
    jointBasis: text('joint_basis'),
    parentId: integer('parent_id').references((): AnyPgColumn => partyOrgs.id),
    managingOrgId: integer('managing_org_id').references((): AnyPgColumn => partyOrgs.id),
    management: text('management'),
    approvedBy: text('approved_by'),
    secretarySource: text('secretary_source'),
    reportedFullCount: integer('reported_full_count'),
    reportedProbationaryCount: integer('reported_probationary_count'),
    establishedOn: date('established_on').notNull(),
    /** From this date the org covers nothing; the record and its history stay. */
    dissolvedOn: date('dissolved_on'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('party_orgs_region_name_idx').on(t.regionCode, t.name),
    uniqueIndex('party_orgs_code_idx').on(t.orgCode),
    index('party_orgs_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_managing_idx').on(t.managingOrgId),
    check(
      'party_orgs_type_values',
      sql`${t.type} in ('committee','general_branch','branch','joint_branch','temporary_branch')`,
    ),
    check('party_orgs_formation_values', sql`${t.formation} in ('standalone','joint')`),
    check('party_orgs_joint_basis_values', sql`${t.jointBasis} is null or ${t.jointBasis} in ('area','industry')`),
    check(
      'party_orgs_management_values',
      sql`${t.management} is null or ${t.management} in ('territorial','sectoral')`,
    ),
    check(
      'party_orgs_secretary_source_values',
      sql`${t.secretarySource} is null or ${t.secretarySource} in ('internal','dispatched','hired')`,
    ),
    check('party_orgs_dissolved_after', sql`${t.dissolvedOn} is null or ${t.dissolvedOn} >= ${t.establishedOn}`),
    check(
      'party_orgs_counts',
      sql`coalesce(${t.reportedFullCount}, 0) >= 0 and coalesce(${t.reportedProbationaryCount}, 0) >= 0`,
    ),
  ],
);

/**
 * Which enterprises an org covers, and when: [startOn, endOn). The intervals let any past
 * date be recomputed; `enterprises.org_coverage` holds today's answer for the ledger.
 */
export const orgCoverages = pgTable(
  'org_coverages',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('org_coverages_org_idx').on(t.orgId),
    index('org_coverages_enterprise_idx').on(t.enterpriseId),
    check('org_coverages_interval', sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
  ],
);

/** The secretary and committee members with their posts, over time. */
export const orgOfficers = pgTable(
  'org_officers',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    post: text('post').notNull(),
    personName: text('person_name').notNull(),
    memberId: integer('member_id').references((): AnyPgColumn => members.id),
    startOn: date('start_on'),
    endOn: date('end_on'),
    /** 双向进入: the management post the officer holds in the enterprise (董事长, 总经理 …). */
    enterprisePost: text('enterprise_post'),
    /** The officer is the enterprise's legal representative (法定代表人). */
    legalRepresentative: boolean('legal_representative').notNull().default(false),
    /** The officer chairs the enterprise's trade union (工会主席). */
    unionChair: boolean('union_chair').notNull().default(false),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('org_officers_org_idx').on(t.orgId),
    check(
      'org_officers_enterprise_post_length',
      sql`${t.enterprisePost} is null or char_length(${t.enterprisePost}) between 1 and 50`,
    ),
    check(
      'org_officers_post_values',
      sql`${t.post} in ('secretary','deputy_secretary','organization','propaganda','discipline')`,
    ),
  ],
);

/** An election (换届) opening a term; the latest one is the term in force. */
export const orgElections = pgTable(
  'org_elections',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    electedOn: date('elected_on').notNull(),
    termYears: smallint('term_years').notNull(),
    /** Extension (+) or early election (−), at most 12 months, only with the approval recorded. */
    adjustmentMonths: smallint('adjustment_months').notNull().default(0),
    adjustmentApprovedBy: text('adjustment_approved_by'),
    adjustmentApprovedOn: date('adjustment_approved_on'),
    endsOn: date('ends_on').notNull(),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('org_elections_org_idx').on(t.orgId, t.electedOn),
    check('org_elections_term', sql`${t.termYears} between 1 and 10`),
    check('org_elections_adjustment', sql`${t.adjustmentMonths} between -12 and 12`),
    check(
      'org_elections_adjustment_approved',
      sql`${t.adjustmentMonths} = 0 or (${t.adjustmentApprovedBy} is not null and ${t.adjustmentApprovedOn} is not null)`,
    ),
  ],
);

/**
 * A party member. `orgId` is the org they belong to in this system; `relationOrgName` is set
 * when their organizational relation is held elsewhere (已确认身份未转接 / 流入), and such a
 * member does not count toward the org's own formation thresholds. ID and phone numbers are
 * AES-256-GCM ciphertext with a keyed hash for lookup. Members are never deleted.
 */
export const members = pgTable(
  'members',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(),
    ethnicity: text('ethnicity'),
    education: text('education'),
    status: text('status').notNull(),
    joinedOn: date('joined_on').notNull(),
    fullOn: date('full_on'),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    employerId: integer('employer_id').references(() => enterprises.id),
    position: text('position'),
    phone: text('phone'),
    phoneHash: text('phone_hash'),
    /**
     * The period the member works away (外出), open until they return: where, since when, the
     * planned return, whether the place is fixed. 流动党员 (away more than 6 months) and 应转接
     * (6 months or more at a fixed place) are derived from it (domain/org/transfer.ts).
     */
    awayPlace: text('away_place'),
    awaySince: date('away_since'),
    awayUntil: date('away_until'),
    awayFixedPlace: boolean('away_fixed_place').notNull().default(false),
    /** The org in this system where the member works away and joins activities (流入地). */
    workOrgId: integer('work_org_id').references(() => partyOrgs.id),
    relationOrgName: text('relation_org_name'),
    cultivation: text('cultivation').array().notNull().default(sql`'{}'::text[]`),
    leftOn: date('left_on'),
    leaveReason: text('leave_reason'),
    /** The national system's codes nothing else here knows (migration 0038; domain/national). */
    jobCode: text('job_code'),
    newClassCode: text('new_class_code'),
    migrantWorker: boolean('migrant_worker'),
    joinType: text('join_type'),
    ...stamps,
  },
  (t) => [
    // One record on the roster per person; someone who left (transferred out, lapsed) may come back.
    uniqueIndex('members_id_number_hash_idx').on(t.idNumberHash).where(sql`${t.leftOn} is null`),
    index('members_org_idx').on(t.orgId),
    index('members_work_org_idx').on(t.workOrgId),
    index('members_employer_idx').on(t.employerId),
    index('members_away_idx').on(t.orgId, t.awaySince).where(sql`${t.awaySince} is not null`),
    check(
      'members_away',
      sql`(${t.awaySince} is not null or (${t.awayPlace} is null and ${t.awayUntil} is null and not ${t.awayFixedPlace} and ${t.workOrgId} is null))
        and (${t.awayUntil} is null or ${t.awayUntil} > ${t.awaySince})`,
    ),
    check('members_status_values', sql`${t.status} in ('probationary','full')`),
    check('members_sex_values', sql`${t.sex} in ('male','female')`),
    check(
      'members_full_on',
      sql`(${t.status} = 'full') = (${t.fullOn} is not null) and (${t.fullOn} is null or ${t.fullOn} >= ${t.joinedOn})`,
    ),
    check(
      'members_leave',
      sql`(${t.leftOn} is null) = (${t.leaveReason} is null) and (${t.leaveReason} is null or ${t.leaveReason} in ('transfer_out','death','lapse','expulsion','withdrawal','probation_cancelled'))`,
    ),
    check('members_job_code_format', sql`${t.jobCode} ~ '^[0-9]{1,4}$'`),
    check('members_new_class_code_format', sql`${t.newClassCode} ~ '^[0-9]{1,2}$'`),
    check('members_join_type_length', sql`char_length(${t.joinType}) between 1 and 30`),
  ],
);

/** A transfer of a member's organizational relation in or out, with its introduction letter. */
export const memberTransfers = pgTable(
  'member_transfers',
  {
    id: serial('id').primaryKey(),
    memberId: requiredRef('member_id', () => members.id),
    direction: text('direction').notNull(),
    /** The org of this system the relation leaves or arrives at. */
    orgId: requiredRef('org_id', () => partyOrgs.id),
    /** The other side, by name (it may be outside the system). */
    counterpart: text('counterpart').notNull(),
    letterNo: text('letter_no'),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    receivedOn: date('received_on'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('member_transfers_member_idx').on(t.memberId),
    index('member_transfers_org_idx').on(t.orgId),
    check('member_transfers_direction_values', sql`${t.direction} in ('in','out')`),
    check(
      'member_transfers_dates',
      sql`${t.validUntil} >= ${t.issuedOn} and (${t.receivedOn} is null or ${t.receivedOn} >= ${t.issuedOn})`,
    ),
  ],
);

/** One person's way from application to full membership (发展党员), per org. */
export const developments = pgTable(
  'developments',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: text('sex').notNull(),
    employerId: integer('employer_id').references(() => enterprises.id),
    appliedOn: date('applied_on').notNull(),
    talkedOn: date('talked_on'),
    activistOn: date('activist_on'),
    contacts: text('contacts').array().notNull().default(sql`'{}'::text[]`),
    candidateOn: date('candidate_on'),
    politicalReviewOn: date('political_review_on'),
    trainingDays: numeric('training_days', { mode: 'number' }),
    trainingHours: numeric('training_hours', { mode: 'number' }),
    /** The days and hours above are the 发展对象 classes' (training/candidates.ts), not typed. */
    trainingFromClass: boolean('training_from_class').notNull().default(false),
    introducers: text('introducers').array().notNull().default(sql`'{}'::text[]`),
    admittedOn: date('admitted_on'),
    approvedOn: date('approved_on'),
    extensionMonths: smallint('extension_months').notNull().default(0),
    fullMeetingOn: date('full_meeting_on'),
    fullApprovedOn: date('full_approved_on'),
    /** step → the written reason a step was recorded sooner than its minimum interval. */
    earlyReasons: jsonb('early_reasons').notNull().default(sql`'{}'::jsonb`),
    /** The member record created at admission. */
    memberId: integer('member_id').references(() => members.id),
    closedOn: date('closed_on'),
    closedReason: text('closed_reason'),
    ...stamps,
  },
  (t) => [
    index('developments_org_idx').on(t.orgId),
    uniqueIndex('developments_open_person_idx').on(t.idNumberHash).where(sql`${t.closedOn} is null`),
  ],
);

/** 三同步 for an SOE or collective enterprise restructured into a non-public one. */
export const restructurings = pgTable('restructurings', {
  enterpriseId: integer('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  restructuredOn: date('restructured_on').notNull(),
  /** Restructuring plan and party-org adjustment plan submitted together. */
  plansSubmittedOn: date('plans_submitted_on'),
  /** Legal representative and party-org head fixed together. */
  headsFixedOn: date('heads_fixed_on'),
  /** Organization and reform departments supervising together. */
  supervisionOn: date('supervision_on'),
  ...stamps,
});

/**
 * A registration asked for elsewhere of a number this member holds (issue #12, defect 10): the
 * asking side learns nothing about the member; the holder's side sees who asked, from which
 * org, and settles it by a transfer (or tells them it is a mistake). Written only through
 * dangjian_refer_member(), which the asker may call but not read back.
 */
export const memberReferrals = pgTable(
  'member_referrals',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => members.id),
    fromOrgId: integer('from_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    /** The asking org's name as it was: the holder may not see that org itself. */
    fromOrgName: text('from_org_name').notNull(),
    requestedByName: text('requested_by_name').notNull(),
    createdAt: stamps.createdAt,
    closedOn: date('closed_on'),
  },
  (t) => [
    index('member_referrals_member_idx').on(t.memberId),
    uniqueIndex('member_referrals_open_idx').on(t.memberId, t.fromOrgId).where(sql`${t.closedOn} is null`),
  ],
);
