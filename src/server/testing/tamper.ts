import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';

/**
 * Changes the database as someone with the owner's password could, bypassing the
 * append-only triggers (replica mode skips ordinary triggers, for this transaction only).
 */
export function behindTheAppsBack(db: Db, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await fn(tx);
  });
}
