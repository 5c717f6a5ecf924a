import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { regionCodeColumn } from './columns.ts';
import { users } from './schema.ts';

/**
 * Quarterly submission (报送) events of a region's report, append-only (migration 0026):
 * `submit` and `resubmit` freeze the report as computed then (`figures`), `return` is the
 * parent region sending it back; a resubmission and a return carry their `reason`.
 */
export const quarterlySubmissions = pgTable(
  'quarterly_submissions',
  {
    id: serial('id').primaryKey(),
    regionCode: regionCodeColumn(),
    quarter: text('quarter').notNull(),
    action: text('action').notNull().$type<'submit' | 'resubmit' | 'return'>(),
    reason: text('reason'),
    figures: jsonb('figures'),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('quarterly_submissions_region_quarter_idx').on(t.quarter, t.regionCode, t.at),
    check('quarterly_submissions_quarter_format', sql`${t.quarter} ~ '^\\d{4}Q[1-4]$'`),
    check('quarterly_submissions_action_values', sql`${t.action} in ('submit','resubmit','return')`),
    check('quarterly_submissions_reason', sql`${t.action} = 'submit' OR length(trim(${t.reason})) > 0`),
    check('quarterly_submissions_figures', sql`(${t.action} = 'return') = (${t.figures} IS NULL)`),
  ],
);
