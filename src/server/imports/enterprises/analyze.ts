import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * Refreshes the planner's statistics of `table` after a bulk change, by autovacuum's own rule
 * (more than 50 rows plus 10% of the table changed), at once rather than when autovacuum
 * next looks. Without it a re-import soon after a large import is planned against a ledger
 * the statistics still call empty: nested loops over a hundred thousand rows each way.
 * Runs as the connection's own role outside the actor's transaction; a role that does not
 * own the table gets a warning from PostgreSQL and the statistics stay as they were.
 */
export async function analyzeAfterBulkChange(db: Db, table: 'import_rows' | 'enterprises', changedRows: number) {
  const [row] = await queryRows<{ tuples: number }>(
    db,
    sql`select reltuples::float8 as tuples from pg_class where oid = ${table}::regclass`,
  );
  const tuples = Number(row?.tuples ?? -1);
  if (tuples < 0 || changedRows > 50 + 0.1 * tuples) await db.execute(sql.raw(`analyze ${table}`));
}
