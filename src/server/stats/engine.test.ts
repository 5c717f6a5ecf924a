import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { LEDGER_CATEGORIES } from '../../domain/enterprise/categories.ts';
import { seeded } from '../../domain/random.ts';
import { DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import { previousQuarter, quarterOf, quarterRange } from '../../domain/stats/quarter.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { refreshInstructorCoverage } from '../instructors/coverage.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { type CoverageResult, coverage } from './engine.ts';
import { coverageFor } from './service.ts';

let fx: Fixture;
const today = localDateString(new Date());
const lastQuarterEnd = quarterRange(previousQuarter(quarterOf(today))).to;
const KINDS = ['private', 'private', 'individual', 'foreign', 'association', 'social_service'];
const STATUSES = ['active', 'active', 'active', 'operating', 'moved_in', 'revoked', 'cancelled', 'moved_out'];
const committee = actorOf({ id: 1, username: 'c', displayName: 'c', regionCode: '420500', roles: ['committee'] });

let instructorId: number;

/** Assigns an instructor to the enterprises from `startOn`, as the instructor area does. */
async function assign(ids: number[], startOn: string) {
  await inScope(fx.database.db, localOperator(), async (tx) => {
    for (const id of ids) {
      await tx.execute(
        sql`insert into assignments (instructor_id, enterprise_id, start_on) values (${instructorId}, ${id}, ${startOn})`,
      );
    }
    await refreshInstructorCoverage(tx, localOperator(), ids, today);
  });
}

beforeAll(async () => {
  fx = await makeFixture();
  const rand = seeded(6);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const [town] = await fx.rows<{ code: string }>(sql`select code from regions where parent_code = '420503' limit 1`);
  const regions = ['420502', '420503', '420504', '420506', ...(town ? [town.code, town.code] : [])];
  const ids: number[] = [];
  for (let i = 0; i < 240; i++) {
    const members = rand() < 0.5 ? 0 : Math.floor(rand() * 8);
    const e = await makeEnterprise(fx.database, {
      kind: pick(KINDS),
      regionCode: pick(regions),
      employees: pick([0, 3, 9, 10, 12, 29, 30, 45, 99, 100, 150, 299, 300, 1200]),
      memberCount: members,
      fullMemberCount: Math.min(members, Math.floor(rand() * 5)),
      aboveScale: rand() < 0.2,
      registrationStatus: pick(STATUSES),
      foundedOn: rand() < 0.3 ? null : '2015-06-01',
      industryCode: pick(['13', '26', '47', '51', null]),
    });
    ids.push(e.id);
  }
  // Standalone orgs, joint orgs of three, and one dissolved in the past.
  for (let i = 0; i < 30; i++) await makeOrg(fx.database, [ids[i] as number], { establishedOn: '2020-01-01' });
  for (let i = 30; i < 60; i += 3) await makeOrg(fx.database, ids.slice(i, i + 3), { establishedOn: '2021-03-01' });
  await fx.rows(sql`insert into departments (name) values ('工信')`);
  const [ins] = await fx.rows<{ id: number }>(
    sql`insert into instructors (kind, name, source_department_id, region_code)
        select 'instructor', '张指导', id, '420500' from departments returning id`,
  );
  instructorId = (ins as { id: number }).id;
  await assign(ids.slice(50, 90), '2022-01-01');
});
afterAll(() => fx.close());

const run = (q: { region: string; date: string; scope: 'all' | 'survey' }, actor = committee) =>
  inScope(fx.database.db, actor, (tx) => coverage(tx, actor, q, DEFAULT_COVERAGE_SETTINGS, today));

/** The straightforward GROUP BY over the ledger, as a check on both sources. */
async function naive(prefix: string) {
  const [r] = await fx.rows<Record<string, number>>(sql`
    select count(*) filter (where in_scope)::int as "inScope",
           count(*) filter (where in_scope and org_coverage is not null)::int as "orgCovered",
           count(*) filter (where in_scope and org_coverage = 'standalone')::int as standalone,
           count(*) filter (where in_scope and (org_coverage is not null or has_instructor))::int as "workCovered",
           count(*) filter (where in_scope and category = 'should_form')::int as should_form,
           count(*) filter (where not in_scope)::int as closed
    from enterprises where region_code like ${`${prefix}%`}`);
  return r as Record<string, number>;
}

function expectSums(r: CoverageResult) {
  for (const k of ['inScope', 'closed', 'orgCovered', 'standalone', 'joint', 'workCovered', 'employees'] as const) {
    expect(r.children.reduce((s, c) => s + c[k], 0)).toBe(r[k]);
  }
  for (const c of LEDGER_CATEGORIES) expect(r.children.reduce((s, x) => s + x.categories[c], 0)).toBe(r.categories[c]);
  expect(LEDGER_CATEGORIES.reduce((s, c) => s + r.categories[c], 0)).toBe(r.inScope);
  expect(r.orgCoverageRate).toBe(r.inScope ? r.orgCovered / r.inScope : null);
}

describe('the coverage engine', () => {
  it('answers today from the kept counts exactly as from the facts and as a GROUP BY over the ledger', async () => {
    for (const scope of ['all', 'survey'] as const) {
      const counts = await run({ region: '420500', date: today, scope });
      expect(counts.source).toBe('counts');
      const secretaryLike = { ...committee, instructorId: null, orgId: null };
      const facts = await inScope(fx.database.db, secretaryLike, (tx) =>
        coverage(tx, secretaryLike, { region: '420500', date: today, scope }, DEFAULT_COVERAGE_SETTINGS, 'not-today'),
      );
      expect(facts.source).toBe('facts');
      expect({ ...facts, source: 'counts' }).toEqual(counts);
      expectSums(counts);
    }
    const all = await run({ region: '420500', date: today, scope: 'all' });
    const n = await naive('4205');
    expect(all).toMatchObject({
      inScope: n.inScope,
      orgCovered: n.orgCovered,
      standalone: n.standalone,
      workCovered: n.workCovered,
      closed: n.closed,
    });
    expect(all.categories.should_form).toBe(n.should_form);
    expect(all.inScope).toBeGreaterThan(100);
    expect(all.orgCovered).toBeGreaterThan(20);
    expect(all.workCovered).toBeGreaterThan(all.orgCovered);
  });

  it('drills down: a county row equals that county asked for itself, and its towns plus its own enterprises sum to it', async () => {
    const city = await run({ region: '420500', date: today, scope: 'all' });
    const county = await run({ region: '420503', date: today, scope: 'all' });
    const row = city.children.find((c) => c.region === '420503');
    expect(row).toMatchObject({
      inScope: county.inScope,
      orgCovered: county.orgCovered,
      categories: county.categories,
    });
    expectSums(county);
    expect(county.children.some((c) => c.direct)).toBe(true);
  });

  it('keeps last quarter’s figures when this quarter’s records are added', async () => {
    const before = await run({ region: '420500', date: lastQuarterEnd, scope: 'all' });
    const todayBefore = await run({ region: '420500', date: today, scope: 'all' });
    // A new registration, a new org, members recorded, an assignment, a closure — all today.
    const fresh = await makeEnterprise(fx.database, { foundedOn: today, employees: 50, regionCode: '420502' });
    const [uncovered] = await fx.rows<{ id: number }>(
      sql`select id from enterprises where in_scope and org_coverage is null and not has_instructor and id <> ${fresh.id} order by id limit 3`,
    );
    const [other, third] = (
      await fx.rows<{ id: number }>(
        sql`select id from enterprises where in_scope and org_coverage is null and not has_instructor order by id desc limit 2`,
      )
    ).map((r) => r.id);
    await makeOrg(fx.database, [(uncovered as { id: number }).id], { establishedOn: today });
    await fx.rows(sql`update enterprises set member_count = 5, full_member_count = 4 where id = ${other}`);
    await assign([third as number], today);
    await fx.rows(
      sql`update enterprises set registration_status = 'cancelled' where id = (select id from enterprises where in_scope order by id limit 1)`,
    );
    const after = await run({ region: '420500', date: lastQuarterEnd, scope: 'all' });
    expect(after).toEqual(before);
    const todayAfter = await run({ region: '420500', date: today, scope: 'all' });
    expect(todayAfter.inScope).toBe(todayBefore.inScope + 1 - 1);
    expect(todayAfter.orgCovered).toBe(
      todayBefore.orgCovered + 1 - (todayAfter.closed - todayBefore.closed === 1 ? 1 : 0),
    );
    expect(todayAfter.workCovered).toBeGreaterThan(todayBefore.workCovered - 1);
    // Today's counts still agree with the facts after the changes.
    const facts = await inScope(fx.database.db, committee, (tx) =>
      coverage(tx, committee, { region: '420500', date: today, scope: 'all' }, DEFAULT_COVERAGE_SETTINGS, 'x'),
    );
    expect({ ...facts, source: 'counts' }).toEqual(todayAfter);
  });

  it('counts a past date once and drops it when a backdated record changes that date, not for changes of today', async () => {
    const filled = async () =>
      (
        await fx.rows<{ n: number }>(
          sql`select count(*)::int as n from past_counts_filled where on_date = ${lastQuarterEnd}::date`,
        )
      )[0]?.n;
    const before = await run({ region: '420500', date: lastQuarterEnd, scope: 'all' });
    expect(await filled()).toBe(1);
    // A county reads the city's fill.
    await run({ region: '420503', date: lastQuarterEnd, scope: 'all' });
    expect(await filled()).toBe(1);
    // An edit of today leaves last quarter as it was: the stored date stays.
    const [edited] = await fx.rows<{ id: number }>(sql`select id from enterprises where in_scope order by id limit 1`);
    await fx.rows(sql`update enterprises set employees = employees + 1 where id = ${edited?.id}`);
    expect(await filled()).toBe(1);
    expect(await run({ region: '420500', date: lastQuarterEnd, scope: 'all' })).toEqual(before);
    // An org recorded today as established before last quarter's end changes that date.
    const [e] = await fx.rows<{ id: number }>(
      sql`select s.enterprise_id as id from enterprise_states s
          where s.valid_from <= ${lastQuarterEnd}::date and s.valid_to > ${lastQuarterEnd}::date and s.in_scope
            and not exists (select 1 from org_coverages c where c.enterprise_id = s.enterprise_id)
          order by s.enterprise_id limit 1`,
    );
    await makeOrg(fx.database, [(e as { id: number }).id], { establishedOn: addDays(lastQuarterEnd, -10) });
    expect(await filled()).toBe(0);
    const after = await run({ region: '420500', date: lastQuarterEnd, scope: 'all' });
    expect([after.orgCovered, after.inScope]).toEqual([before.orgCovered + 1, before.inScope]);
    expect(await filled()).toBe(1);
  });

  it('counts a coverage that began yesterday from yesterday, and one ending tomorrow until then', async () => {
    const [e] = await fx.rows<{ id: number }>(
      sql`select id from enterprises where in_scope and org_coverage is null order by id desc limit 1 offset 5`,
    );
    const id = (e as { id: number }).id;
    await makeOrg(fx.database, [id], { establishedOn: addDays(today, -1) });
    const yesterday = await inScope(fx.database.db, committee, (tx) =>
      coverage(
        tx,
        committee,
        { region: '420500', date: addDays(today, -2), scope: 'all' },
        DEFAULT_COVERAGE_SETTINGS,
        today,
      ),
    );
    const now = await run({ region: '420500', date: today, scope: 'all' });
    expect(now.standalone).toBe(yesterday.standalone + 1);
  });

  it('every figure equals the size of the list it opens, today and at a past date', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    for (const [date, scope] of [
      [today, 'all'],
      [lastQuarterEnd, 'all'],
      [lastQuarterEnd, 'survey'],
    ] as const) {
      const fig = (await client.get(`/api/stats/coverage?region=420500&date=${date}&scope=${scope}`))
        .body as CoverageResult;
      const total = async (q: string) => {
        const res = await client.get(
          `/api/stats/enterprises?region=420500&date=${date}&scope=${scope}&pageSize=1&${q}`,
        );
        expect(res.status).toBe(200);
        return res.body.total;
      };
      expect(await total('')).toBe(fig.inScope);
      expect(await total('status=closed')).toBe(fig.closed);
      expect(await total('coverage=org')).toBe(fig.orgCovered);
      expect(await total('coverage=standalone')).toBe(fig.standalone);
      expect(await total('coverage=work')).toBe(fig.workCovered);
      expect(await total('flag=key_watch')).toBe(fig.flags.key_watch);
      expect(await total('flag=needs_instructor')).toBe(fig.flags.needs_instructor);
      for (const c of LEDGER_CATEGORIES) expect(await total(`category=${c}`)).toBe(fig.categories[c]);
    }
    // Today's figures are also the ledger list's own totals.
    const fig = (await client.get('/api/stats/coverage?region=420500')).body as CoverageResult;
    for (const c of LEDGER_CATEGORIES) {
      expect((await client.get(`/api/enterprises?category=${c}&pageSize=1`)).body.total).toBe(fig.categories[c]);
    }
    expect((await client.get('/api/enterprises?flag=key_watch&pageSize=1')).body.total).toBe(fig.flags.key_watch);
    expect((await client.get('/api/enterprises?flag=needs_instructor&pageSize=1')).body.total).toBe(
      fig.flags.needs_instructor,
    );
  });

  it('answers a region outside the actor’s scope with 404, and a county user only for their county', async () => {
    const { client } = await fx.clientAs({ roles: ['leader'], regionCode: '420503' });
    expect((await client.get('/api/stats/coverage?region=420500')).status).toBe(404);
    expect((await client.get('/api/stats/coverage?region=420502')).status).toBe(404);
    const own = await client.get('/api/stats/coverage');
    expect(own.status).toBe(200);
    const county = await inScope(fx.database.db, committee, (tx) => coverageFor(tx, committee, { region: '420503' }));
    expect(own.body.inScope).toBe(county.inScope);
  });

  it('filters by kind, band, above-scale and industry identically from both sources', async () => {
    const filter = { kinds: ['private', 'foreign'], bands: [1, 2, 3, 4], aboveScale: false };
    const a = await inScope(fx.database.db, committee, (tx) =>
      coverage(
        tx,
        committee,
        { region: '420500', date: today, scope: 'all', filter },
        DEFAULT_COVERAGE_SETTINGS,
        today,
      ),
    );
    const b = await inScope(fx.database.db, committee, (tx) =>
      coverage(tx, committee, { region: '420500', date: today, scope: 'all', filter }, DEFAULT_COVERAGE_SETTINGS, 'x'),
    );
    expect({ ...b, source: 'counts' }).toEqual(a);
    const [n] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from enterprises where in_scope and kind in ('private','foreign')
          and employees between 10 and 299 and not above_scale and region_code like '4205%'`,
    );
    expect(a.inScope).toBe((n as { n: number }).n);
    const industry = await inScope(fx.database.db, committee, (tx) =>
      coverageFor(tx, committee, { region: '420500', filter: { industry: 'C' } }),
    );
    const [m] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from enterprises where in_scope and industry_code in ('13','26') and region_code like '4205%'`,
    );
    expect(industry.inScope).toBe((m as { n: number }).n);
  });
});
