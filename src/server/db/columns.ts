// The column shapes the schema files repeat: a required link to another row, and the region
// every scoped record belongs to.
import { type AnyPgColumn, integer, text } from 'drizzle-orm/pg-core';
import { regions } from './reference-schema.ts';

/** A required reference to another row's id; with `cascade`, the row goes with the one it belongs to. */
export const requiredRef = (name: string, target: () => AnyPgColumn, onDelete?: 'cascade') =>
  integer(name)
    .notNull()
    .references(target, onDelete ? { onDelete } : {});

/** The region a record belongs to (the basis of its scope). */
export const regionCodeColumn = () =>
  text('region_code')
    .notNull()
    .references(() => regions.code);
