import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { requiredRef } from './columns.ts';
import { developments, members, partyOrgs } from './org-schema.ts';
import { stamps } from './stamps.ts';

const MEETING_KINDS = sql`('general_meeting','committee_meeting','group_meeting','party_lecture','theme_day','life_meeting','member_review')`;

/** A party group (党小组) inside an org; its members are members of that org. */
export const partyGroups = pgTable(
  'party_groups',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    name: text('name').notNull(),
    leaderMemberId: integer('leader_member_id').references(() => members.id),
    ...stamps,
  },
  (t) => [uniqueIndex('party_groups_org_name_idx').on(t.orgId, t.name)],
);

/** A member's place in a party group: one group at a time. */
export const partyGroupMembers = pgTable(
  'party_group_members',
  {
    groupId: requiredRef('group_id', () => partyGroups.id, 'cascade'),
    memberId: requiredRef('member_id', () => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.memberId] }),
    uniqueIndex('party_group_members_member_idx').on(t.memberId),
  ],
);

/**
 * A meeting of an org (三会一课, 主题党日, …). `attendanceRecorded` is false for a general
 * meeting a development record created before anyone took its attendance.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: serial('id').primaryKey(),
    orgId: requiredRef('org_id', () => partyOrgs.id),
    kind: text('kind').notNull(),
    partyGroupId: integer('party_group_id').references(() => partyGroups.id),
    heldOn: date('held_on').notNull(),
    topic: text('topic').notNull(),
    host: text('host'),
    place: text('place'),
    resolutions: text('resolutions'),
    notes: text('notes'),
    attendanceRecorded: boolean('attendance_recorded').notNull().default(true),
    ...stamps,
  },
  (t) => [
    index('meetings_org_kind_idx').on(t.orgId, t.kind, t.heldOn),
    index('meetings_group_idx').on(t.partyGroupId, t.heldOn),
    check('meetings_kind_values', sql`${t.kind} in ${MEETING_KINDS}`),
    check('meetings_group', sql`(${t.kind} = 'group_meeting') = (${t.partyGroupId} is not null)`),
  ],
);

/**
 * Attendance: one row per member expected (the org's roster on the meeting date) and per guest
 * (a mobile member of another org who works here). `voting`: full on that date.
 */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: requiredRef('meeting_id', () => meetings.id, 'cascade'),
    memberId: requiredRef('member_id', () => members.id),
    present: boolean('present').notNull(),
    voting: boolean('voting').notNull(),
    guest: boolean('guest').notNull().default(false),
    absentReason: text('absent_reason'),
    absentNote: text('absent_note'),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index('meeting_attendance_member_idx').on(t.memberId),
    check(
      'meeting_attendance_reason',
      sql`(not ${t.present} or ${t.absentReason} is null) and (${t.absentReason} is null or ${t.absentReason} in ('leave','mobile','other'))
        and (not ${t.guest} or ${t.present})`,
    ),
  ],
);

/** A vote of a general meeting; an admission or confirmation is the development record's, once. */
export const meetingVotes = pgTable(
  'meeting_votes',
  {
    id: serial('id').primaryKey(),
    meetingId: requiredRef('meeting_id', () => meetings.id, 'cascade'),
    kind: text('kind').notNull(),
    developmentId: integer('development_id').references(() => developments.id),
  },
  (t) => [
    index('meeting_votes_meeting_idx').on(t.meetingId),
    uniqueIndex('meeting_votes_development_idx').on(t.developmentId, t.kind).where(sql`${t.developmentId} is not null`),
    check('meeting_votes_kind_values', sql`${t.kind} in ('admission','confirmation','election')`),
    check('meeting_votes_development', sql`(${t.kind} = 'election') = (${t.developmentId} is null)`),
  ],
);
