// The figures of a new day, read before anything has rolled the kept counts to it: never
// stale, read in the request's one transaction, and nothing written by the read. The day
// roll itself runs when the database is opened and, in a running server, after midnight.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { inScope } from '../db/tx.ts';
import { type CoverageResult, coverage } from '../stats/engine.ts';
import { countsRolledTo, msUntilNextDay, rollCoverage, scheduleDayRoll } from '../stats/roll.ts';
import { getCoverageSettings } from '../stats/settings.ts';
import { lastAuditSeq } from '../testing/audit.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { transactionsDuring } from '../testing/transactions.ts';
import { today } from '../today.ts';
import { ledgerOf } from './ledger.ts';

let fx: Fixture;
const day = localDateString(new Date());
const next = addDays(day, 1);
const committee = actorOf({ id: 1, username: 'c', displayName: 'c', regionCode: '420500', roles: ['committee'] });

/** Local time on a calendar day, as the server's clock would read it. */
const at = (date: string, time: string) => new Date(`${date}T${time}`);

beforeAll(async () => {
  fx = await makeFixture();
  for (let i = 0; i < 6; i++) await makeEnterprise(fx.database, { employees: 60 });
  // A: covered by its own org, which is dissolved from tomorrow.
  const a = await makeEnterprise(fx.database, { employees: 60 });
  const x = await makeOrg(fx.database, [a.id]);
  await fx.rows(sql`update party_orgs set dissolved_on = ${next} where id = ${x.id}`);
  // B: joins a joint org's coverage tomorrow.
  const e1 = await makeEnterprise(fx.database, { employees: 60 });
  const e2 = await makeEnterprise(fx.database, { employees: 60 });
  const y = await makeOrg(fx.database, [e1.id, e2.id]);
  const b = await makeEnterprise(fx.database, { employees: 60 });
  await fx.rows(sql`insert into org_coverages (org_id, enterprise_id, start_on) values (${y.id}, ${b.id}, ${next})`);
  // C: an instructor assigned from tomorrow.
  const c = await makeEnterprise(fx.database, { employees: 60 });
  await fx.rows(sql`insert into departments (name) values ('工信')`);
  const [ins] = await fx.rows<{ id: number }>(
    sql`insert into instructors (kind, name, source_department_id, region_code)
        select 'instructor', '张指导', id, '420500' from departments returning id`,
  );
  await fx.rows(
    sql`insert into assignments (instructor_id, enterprise_id, start_on) values (${ins?.id}, ${c.id}, ${next})`,
  );
});
afterAll(() => fx.close());
afterEach(() => {
  vi.useRealTimers();
});

const json = (q: SQL) => fx.rows<{ j: unknown }>(q).then((rows) => rows.map((r) => r.j));

/** Every row a day roll would write: the ledger, its kept counts and history, the settings, the audit trail. */
async function ledgerState() {
  return {
    enterprises: await json(sql`select to_jsonb(e) - 'updated_at' as j from enterprises e order by id`),
    counts: await json(sql`select to_jsonb(c) as j from ledger_counts c where n <> 0 order by 1`),
    history: await json(sql`select to_jsonb(h) as j from enterprise_history h order by id`),
    settings: await json(sql`select to_jsonb(s) as j from settings s order by key`),
    auditSeq: await lastAuditSeq(fx.database.db),
  };
}

const figuresOn = (date: string, now: string): Promise<CoverageResult> =>
  inScope(fx.database.db, committee, async (tx) =>
    coverage(tx, committee, { region: '420500', date, scope: 'all' }, await getCoverageSettings(tx), now),
  );

describe('the day roll', () => {
  it('is done when the database is opened: today’s figures come from the kept counts', async () => {
    expect(await countsRolledTo(fx.database.db)).toBe(day);
    expect((await figuresOn(day, day)).source).toBe('counts');
  });

  it('a dashboard read just after midnight shows the new day, in one transaction, writing nothing', async () => {
    const { client: before } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const yesterday = (await before.get('/api/dashboard')).body.ledger;

    // Signed in (and TOTP enrolled, as committee users must) before the clock moves; the
    // session is then dated just after midnight below.
    const { client, user } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(next, '00:00:05'));
    expect(today()).toBe(next);
    // PostgreSQL's clock did not move with the app's: the session was made by it.
    const now = new Date();
    await fx.rows(sql`update sessions set created_at = ${now}, last_seen_at = ${now} where user_id = ${user.id}`);
    const state = await ledgerState();
    let status = 0;
    let body: { date: string; ledger: Record<string, number> } | undefined;
    const opened = await transactionsDuring(fx.database.db, async () => {
      ({ status, body } = await client.get('/api/dashboard'));
    });
    expect(status).toBe(200);
    expect(opened).toBe(1);
    expect(await ledgerState()).toEqual(state);
    expect(await countsRolledTo(fx.database.db)).toBe(day);

    // Not yesterday's counts: A's org is dissolved, B is covered by the joint org, C has an instructor.
    const { date, ledger } = body as NonNullable<typeof body>;
    expect(date).toBe(next);
    expect(ledger).toMatchObject({
      standalone: yesterday.standalone - 1,
      joint: yesterday.joint + 1,
      workCovered: yesterday.workCovered + 1,
      needsInstructor: yesterday.needsInstructor - 1,
    });
    const facts = await figuresOn(next, next);
    expect(facts.source).toBe('facts');
    expect(ledger).toEqual(ledgerOf(facts));
  });

  it('every figure route does its work in the request’s one transaction', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    for (const path of [
      '/api/dashboard?region=420502',
      '/api/stats/coverage',
      '/api/stats/trend?quarters=3',
      '/api/stats/enterprises?coverage=org',
      '/api/settings/coverage',
      `/api/reports/quarterly?quarter=${day.slice(0, 4)}Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`,
      `/api/reports/annual?year=${day.slice(0, 4)}`,
      '/api/reports/lagging',
      '/api/reports/lagging.xlsx',
      '/api/snapshots',
    ]) {
      let status = 0;
      const opened = await transactionsDuring(fx.database.db, async () => {
        status = (await client.get(path, { binary: path.endsWith('.xlsx') })).status;
      });
      expect([path, status, opened]).toEqual([path, 200, 1]);
    }
  });

  it('rolled after midnight, the kept counts answer the new day with the same figures', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(next, '00:00:05'));
    const fromFacts = await figuresOn(next, next);
    await rollCoverage(fx.database.db, today());
    expect(await countsRolledTo(fx.database.db)).toBe(next);
    const fromCounts = await figuresOn(next, next);
    expect(fromCounts.source).toBe('counts');
    expect({ ...fromFacts, source: 'counts' }).toEqual(fromCounts);
    // A's and B's org coverage and C's instructor, each in the enterprise's history, by the system.
    const rolled = await fx.rows<{ field: string }>(
      sql`select field from enterprise_history where actor_name = 'system' order by id`,
    );
    expect(rolled.map((r) => r.field)).toEqual(['orgCoverage', 'orgCoverage', 'hasInstructor']);
  });

  it('is scheduled by the server just after each local midnight', async () => {
    expect(msUntilNextDay(at(day, '23:59:59'))).toBe(1000);
    expect(msUntilNextDay(at(day, '00:00:00'))).toBe(86_400_000);
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(at(next, '23:59:58'));
    const errors: unknown[] = [];
    const roll = scheduleDayRoll(fx.database.db, (err) => errors.push(err));
    await vi.advanceTimersByTimeAsync(1000);
    expect(await countsRolledTo(fx.database.db)).toBe(next);
    await vi.advanceTimersByTimeAsync(1500);
    await roll.stop();
    expect(errors).toEqual([]);
    expect(await countsRolledTo(fx.database.db)).toBe(addDays(next, 1));
  });
});
