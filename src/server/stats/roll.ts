import { type SQL, sql } from 'drizzle-orm';
import { type Actor, localOperator } from '../actor.ts';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { inSystem } from '../db/tx.ts';
import { refreshInstructorCoverage } from '../instructors/coverage.ts';
import { refreshOrgCoverage } from '../orgs/coverage.ts';

const KEY = 'coverage.rolledOn';

/** Who the history names for changes no person made: a coverage starting or ending overnight. */
const DAY_ROLL: Actor = { ...localOperator(), username: 'system', displayName: '系统（日切）' };

/**
 * Brings today's coverage (enterprises.org_coverage and has_instructor, which the kept counts
 * follow) up to `today`: an org, coverage or assignment that began or ended since the last roll
 * changes the ledger with no one writing. Runs before any figure is read for today, so figures
 * are never a day stale; a roll already done today costs one small query.
 */
export async function rollCoverage(db: Db, today: string): Promise<void> {
  const [done] = await queryRows<{ on: string }>(db, sql`select value #>> '{}' as on from settings where key = ${KEY}`);
  if (done && done.on >= today) return;
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
