import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** Who a transaction acts for: enough to apply row-level security. */
export interface ScopeContext {
  actorId: number | null;
  /** Region code prefix; '' is the whole country. */
  scopePrefix: string;
  /** A secretary's own org: their scope is that org within the region; null for everyone else. */
  orgId: number | null;
  /** An instructor's own record: their scope is their enterprises assigned today; null for everyone else. */
  instructorId: number | null;
}

/**
 * Runs `fn` in a transaction as the unprivileged application role with the actor's scope
 * set for this transaction only (set_config(…, true) never leaks to the next user of a
 * pooled connection). Row-level security then backs up the scope built into each query.
 */
export function inScope<T>(db: Db, scope: ScopeContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // A secretary's and an instructor's roles add the policies that narrow the scope to their
    // org (migration 0011) or their assigned enterprises (0013).
    await tx.execute(
      scope.orgId !== null
        ? sql`set local role dangjian_secretary`
        : scope.instructorId !== null
          ? sql`set local role dangjian_instructor`
          : sql`set local role dangjian_app`,
    );
    await tx.execute(
      sql`select set_config('dangjian.scope_prefix', ${scope.scopePrefix}, true),
                 set_config('dangjian.actor_id', ${String(scope.actorId ?? '')}, true),
                 set_config('dangjian.org_id', ${String(scope.orgId ?? '')}, true),
                 set_config('dangjian.instructor_id', ${String(scope.instructorId ?? '')}, true)`,
    );
    return fn(tx);
  });
}

/**
 * A transaction with the owner's rights, for what happens before an actor is known or on
 * behalf of the system itself: login, session upkeep, migrations, reference data, the
 * local operator of the CLI. Every caller is named `unsafe…` or lives in auth/ and bootstrap.
 */
export function inSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
