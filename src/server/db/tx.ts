import { sql } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';
import { queryRows } from './rows.ts';

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
export function inScope<T>(
  db: Db,
  scope: ScopeContext,
  fn: (tx: Tx) => Promise<T>,
  /** A request's limit on each statement (0: none): a query past it is cancelled and the transaction rolled back. */
  statementTimeoutMs = 0,
): Promise<T> {
  return db.transaction(async (tx) => {
    await enterScope(tx, scope, statementTimeoutMs);
    return fn(tx);
  });
}

/**
 * Narrows a transaction that began with the owner's rights to `scope` for the rest of it: for
 * a request that must first find, as the system, whose scope it acts in (a one-time link).
 */
export async function enterScope(tx: Tx, scope: ScopeContext, statementTimeoutMs = 0): Promise<void> {
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
               set_config('dangjian.instructor_id', ${String(scope.instructorId ?? '')}, true)
               ${statementTimeoutMs > 0 ? sql`, set_config('statement_timeout', ${String(statementTimeoutMs)}, true)` : sql``}`,
  );
}

/**
 * A transaction with the owner's rights, for what happens before an actor is known or on
 * behalf of the system itself: login, session upkeep, migrations, reference data, the
 * local operator of the CLI. Every caller is named `unsafe…` or lives in auth/, bootstrap, the
 * CLI's local operator, the day roll (stats/roll.ts) or the audit of a refusal (http.ts).
 */
export function inSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}

/**
 * Runs `read` with the owner's rights (outside row-level security) inside the caller's scoped
 * transaction, then takes back the caller's role whether `read` succeeds or throws: a caller
 * that catches the error (say, around a savepoint) goes on under row-level security. `set local`
 * keeps both changes to this transaction. Every caller is named `unsafe…` and says why.
 */
export async function unsafeAsOwner<T>(tx: Tx, read: () => Promise<T>): Promise<T> {
  const [{ role }] = await queryRows<{ role: string }>(tx, sql`select current_user as role`);
  const restore = sql`set local role ${sql.identifier(role)}`;
  await tx.execute(sql`set local role none`);
  let result: T;
  try {
    result = await read();
  } catch (err) {
    // After a failed statement the transaction is aborted and the role goes with it: the
    // read's own error is the one to report.
    await tx.execute(restore).catch(() => undefined);
    throw err;
  }
  await tx.execute(restore);
  return result;
}
