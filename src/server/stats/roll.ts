import { type SQL, sql } from 'drizzle-orm';
import { type Actor, localOperator } from '../actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { inSystem } from '../db/tx.ts';
import { refreshInstructorCoverage } from '../instructors/coverage.ts';
import { refreshOrgCoverage } from '../orgs/coverage.ts';
import { today } from '../today.ts';

const KEY = 'coverage.rolledOn';

/** Who the history names for changes no person made: a coverage starting or ending overnight. */
const DAY_ROLL: Actor = { ...localOperator(), username: 'system', displayName: '系统（日切）' };

/**
 * The day today's coverage (enterprises.org_coverage and has_instructor, which the kept
 * counts follow) was last rolled to, read in the caller's transaction; null if never.
 */
export async function countsRolledTo(tx: Tx | Db): Promise<string | null> {
  const [done] = await queryRows<{ on: string }>(tx, sql`select value #>> '{}' as on from settings where key = ${KEY}`);
  return done?.on ?? null;
}

/**
 * Brings today's coverage up to `today`: an org, coverage or assignment that began or ended
 * since the last roll changes the ledger with no one writing. A system write, so no request
 * runs it: the database is rolled when it is opened (bootstrap.ts) and, in a running server,
 * just after each midnight (scheduleDayRoll). Until then the figures of the new day are
 * computed from the records as of that day (engine.ts), never read stale from the kept
 * counts. A roll already done today costs one small query.
 */
export async function rollCoverage(db: Db, today: string): Promise<void> {
  const done = await countsRolledTo(db);
  if (done && done >= today) return;
  await inSystem(db, async (tx) => {
    await tx.execute(
      sql`insert into settings (key, value) values (${KEY}, '"0001-01-01"'::jsonb) on conflict do nothing`,
    );
    const [row] = await queryRows<{ on: string }>(
      tx,
      sql`select value #>> '{}' as on from settings where key = ${KEY} for update`,
    );
    const since = row?.on ?? '0001-01-01';
    if (since >= today) return;
    // dangjian_org_coverage answers within the scope prefix; the system's is the whole country.
    await tx.execute(sql`select set_config('dangjian.scope_prefix', '', true)`);
    const crossed = (col: SQL) => sql`(${col} > ${since}::date and ${col} <= ${today}::date)`;
    const ids = await queryRows<{ id: number }>(
      tx,
      sql`select c.enterprise_id as id from org_coverages c join party_orgs o on o.id = c.org_id
          where ${crossed(sql`c.start_on`)} or ${crossed(sql`c.end_on`)}
             or ${crossed(sql`o.established_on`)} or ${crossed(sql`o.dissolved_on`)}
          union
          select enterprise_id from assignments where ${crossed(sql`start_on`)} or ${crossed(sql`end_on`)}`,
    );
    const list = ids.map((r) => r.id);
    await refreshOrgCoverage(tx, DAY_ROLL, list, today);
    await refreshInstructorCoverage(tx, DAY_ROLL, list, today);
    await tx.execute(sql`update settings set value = to_jsonb(${today}::text), updated_at = now() where key = ${KEY}`);
  });
}

/** Milliseconds from `now` to the next local midnight, when today() turns. */
export function msUntilNextDay(now: Date): number {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return midnight.getTime() - now.getTime();
}

const RETRY_MS = 60_000;

export interface DayRoll {
  /** Stops the schedule and waits for a roll in progress. */
  stop(): Promise<void>;
}

/**
 * The running server's day roll: just after each local midnight, and a minute later again
 * if it failed. A timer that fires a little early finds the day unchanged, rolls nothing
 * and waits for the rest of the night. The timer does not keep the process alive.
 */
export function scheduleDayRoll(db: Db, onError: (err: unknown) => void): DayRoll {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const wait = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    running = rollCoverage(db, today()).then(
      () => wait(msUntilNextDay(new Date())),
      (err) => {
        onError(err);
        wait(RETRY_MS);
      },
    );
  };
  wait(msUntilNextDay(new Date()));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
