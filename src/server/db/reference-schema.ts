import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 divisions extended to towns (9 digits) and villages (12 digits). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** 1 province, 2 city, 3 county, 4 town, 5 village */
    level: smallint('level').notNull(),
    parentCode: text('parent_code'),
    /** The code prefix shared by exactly this region and its descendants: scope is `code LIKE prefix || '%'`. */
    prefix: text('prefix').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_code_pattern_idx').using('btree', sql`${t.code} text_pattern_ops`),
  ],
);

/** GB/T 4754-2017 sections (A–T) and divisions (01–97). */
export const industries = pgTable('industries', {
  code: text('code').primaryKey(),
  section: text('section').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  isSection: boolean('is_section').notNull(),
});
