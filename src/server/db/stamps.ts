import { timestamp } from 'drizzle-orm/pg-core';

/** When a row was created and last changed: the columns every edited record carries. */
export const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
