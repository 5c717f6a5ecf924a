import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { meetings } from './orglife-schema.ts';
import { users } from './schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A file kept for a record, encrypted (attachments/seal.ts). The owner is an exclusive arc:
 * one nullable foreign key per kind of record, exactly one set (migration 0043).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    keyVersion: smallint('key_version').notNull(),
    nonce: bytea('nonce').notNull(),
    tag: bytea('tag').notNull(),
    body: bytea('body').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('attachments_one_owner', sql`num_nonnulls(${t.meetingId}) = 1`),
    index('attachments_meeting_idx').on(t.meetingId).where(sql`${t.meetingId} is not null`),
  ],
);
