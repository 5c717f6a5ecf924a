import { and, eq, lt, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { loginThrottles } from '../db/schema.ts';
import type { SecurityPolicy } from '../settings/policy.ts';

/** The longest block, however many came before it. */
const MAX_BLOCK_MINUTES = 24 * 60;

export interface Throttle {
  username: string;
  address: string;
  /** Until when this name is refused from this address; null while it is not. */
  blockedUntil: Date | null;
}

/**
 * The failure count of a name from one address, locked for the rest of the transaction so
 * that two concurrent wrong guesses both count. Unknown names get a row too: they must do
 * the same work and answer the same way as known ones.
 */
export async function throttleFor(tx: Tx, username: string, address: string | null): Promise<Throttle> {
  const key = { username, address: address ?? '' };
  await tx.insert(loginThrottles).values(key).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.username, key.username), eq(loginThrottles.address, key.address)))
    .for('update');
  const blockedUntil = row.blockedUntil && row.blockedUntil > new Date() ? row.blockedUntil : null;
  return { ...key, blockedUntil };
}

/**
 * Counts a wrong password. The threshold-th in a row blocks the pair for the policy's
 * minutes, doubled for each block before (a patient guesser slows down exponentially);
 * returns the count so far and the end of a block it starts.
 */
export async function recordThrottleFailure(
  tx: Tx,
  t: Throttle,
  policy: SecurityPolicy,
): Promise<{ failures: number; blockedUntil: Date | null }> {
  const where = and(eq(loginThrottles.username, t.username), eq(loginThrottles.address, t.address));
  const [row] = await tx.select().from(loginThrottles).where(where);
  const failures = row.failures + 1;
  if (failures < policy.lockoutThreshold) {
    await tx.update(loginThrottles).set({ failures, updatedAt: new Date() }).where(where);
    return { failures, blockedUntil: null };
  }
  const minutes = Math.min(MAX_BLOCK_MINUTES, policy.lockoutMinutes * 2 ** Math.min(row.blocks, 16));
  const blockedUntil = new Date(Date.now() + minutes * 60_000);
  await tx
    .update(loginThrottles)
    .set({ failures: 0, blocks: row.blocks + 1, blockedUntil, updatedAt: new Date() })
    .where(where);
  // Rows of pairs long quiet go with the next block, so random names cannot fill the table for ever.
  await tx.delete(loginThrottles).where(lt(loginThrottles.updatedAt, sql`now() - interval '2 days'`));
  return { failures, blockedUntil };
}

/** A right password from this address: its count and blocks start again. */
export async function clearThrottle(tx: Tx, t: Throttle): Promise<void> {
  await tx
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.username, t.username), eq(loginThrottles.address, t.address)));
}
