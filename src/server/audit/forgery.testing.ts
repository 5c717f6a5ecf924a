// The owner's best forgery of the audit chain, for the tests that show it is still found: rows
// rewritten behind the app's back with every later hash and link recomputed, and the way back.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { behindTheAppsBack } from '../testing/tamper.ts';

type AuditRow = typeof auditLog.$inferSelect;

/**
 * Rewrites each of `tail` (rows in chain order) as `forge` makes it from the row and the hash
 * before it, hashed by `hashOf` and linked to the row before, so the forged chain links up.
 */
export function relinkTail(
  db: Db,
  tail: AuditRow[],
  prevHash: string,
  forge: (row: AuditRow, prevHash: string) => AuditRow,
  hashOf: (row: AuditRow) => string,
): Promise<void> {
  return behindTheAppsBack(db, async (tx) => {
    let linkTo = prevHash;
    for (const r of tail) {
      const forged = forge(r, linkTo);
      const hash = hashOf(forged);
      await tx
        .update(auditLog)
        .set({ ...forged, hash })
        .where(eq(auditLog.seq, r.seq));
      linkTo = hash;
    }
  });
}

/** Puts the rows back as they were. */
export function restoreRows(db: Db, rows: AuditRow[]): Promise<void> {
  return behindTheAppsBack(db, async (tx) => {
    for (const r of rows) await tx.update(auditLog).set(r).where(eq(auditLog.seq, r.seq));
  });
}
