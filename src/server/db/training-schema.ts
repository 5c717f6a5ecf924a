import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { regionCodeColumn, requiredRef } from './columns.ts';
import { instructors } from './instructor-schema.ts';
import { developments, members, partyOrgs } from './org-schema.ts';
import { regions } from './reference-schema.ts';
import { stamps } from './stamps.ts';

/**
 * A training class (培训班, rules.md §12). `regionCode` is the organiser's region (its scope);
 * `orgId` a class an org holds for itself. `placeText` is the place as typed: a venue link joins
 * beside it when the venues area lands.
 */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: serial('id').primaryKey(),
    regionCode: regionCodeColumn(),
    orgId: integer('org_id').references(() => partyOrgs.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    organiser: text('organiser').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    placeText: text('place_text'),
    ...stamps,
  },
  (t) => [
    index('training_classes_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`, t.endsOn),
    index('training_classes_org_idx').on(t.orgId),
    check('training_classes_kind_values', sql`${t.kind} in ('officer','secretary','candidate','member','instructor')`),
    check('training_classes_dates', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_classes_hours', sql`${t.hours} > 0`),
  ],
);

/** A participant of a class: a member, an instructor or a candidate (a development record). */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: serial('id').primaryKey(),
    classId: requiredRef('class_id', () => trainingClasses.id, 'cascade'),
    memberId: integer('member_id').references(() => members.id),
    instructorId: integer('instructor_id').references(() => instructors.id),
    developmentId: integer('development_id').references(() => developments.id),
    present: boolean('present').notNull(),
  },
  (t) => [
    uniqueIndex('training_attendance_member_idx').on(t.classId, t.memberId).where(sql`${t.memberId} is not null`),
    uniqueIndex('training_attendance_instructor_idx')
      .on(t.classId, t.instructorId)
      .where(sql`${t.instructorId} is not null`),
    uniqueIndex('training_attendance_development_idx')
      .on(t.classId, t.developmentId)
      .where(sql`${t.developmentId} is not null`),
    index('training_attendance_member_only_idx').on(t.memberId),
    index('training_attendance_instructor_only_idx').on(t.instructorId),
    index('training_attendance_development_only_idx').on(t.developmentId),
    check(
      'training_attendance_one_person',
      sql`num_nonnulls(${t.memberId}, ${t.instructorId}, ${t.developmentId}) = 1`,
    ),
  ],
);

/**
 * A course of the online party school (网上党校). The document attachment joins here when the
 * attachment store lands; until then a course links to a video on the deployment's own network.
 */
export const courses = pgTable(
  'courses',
  {
    id: serial('id').primaryKey(),
    regionCode: regionCodeColumn(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    videoUrl: text('video_url'),
    publishedOn: date('published_on').notNull(),
    ...stamps,
  },
  (t) => [
    index('courses_region_idx').using('btree', sql`${t.regionCode} text_pattern_ops`),
    check('courses_hours', sql`${t.hours} > 0`),
  ],
);

/** Whom a course reaches: a region's subtree or one org. */
export const courseScopes = pgTable(
  'course_scopes',
  {
    id: serial('id').primaryKey(),
    courseId: requiredRef('course_id', () => courses.id, 'cascade'),
    regionCode: text('region_code').references(() => regions.code),
    orgId: integer('org_id').references(() => partyOrgs.id),
  },
  (t) => [
    index('course_scopes_course_idx').on(t.courseId),
    check('course_scopes_one_target', sql`num_nonnulls(${t.regionCode}, ${t.orgId}) = 1`),
  ],
);

/** A course marked done for a member (by their secretary) or by an instructor for themself. */
export const courseCompletions = pgTable(
  'course_completions',
  {
    id: serial('id').primaryKey(),
    courseId: requiredRef('course_id', () => courses.id),
    memberId: integer('member_id').references(() => members.id),
    instructorId: integer('instructor_id').references(() => instructors.id),
    completedOn: date('completed_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('course_completions_member_idx').on(t.courseId, t.memberId).where(sql`${t.memberId} is not null`),
    uniqueIndex('course_completions_instructor_idx')
      .on(t.courseId, t.instructorId)
      .where(sql`${t.instructorId} is not null`),
    index('course_completions_member_only_idx').on(t.memberId),
    index('course_completions_instructor_only_idx').on(t.instructorId),
    check('course_completions_one_person', sql`num_nonnulls(${t.memberId}, ${t.instructorId}) = 1`),
  ],
);
