import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * A table's pinyin sort key of its name (migration 0029: a generated column of enterprises,
 * party_orgs, members and instructors, in the C collation): ordering by it lists 阿 安 北 长 中,
 * where ordering by the name lists them by character code. Not in the drizzle schema, so no
 * whole-row select carries it into a response.
 */
export const nameKey = (table: PgTable): SQL => sql`${table}.name_key`;
