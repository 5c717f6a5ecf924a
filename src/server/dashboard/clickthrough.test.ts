import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { LEDGER_CATEGORIES } from '../../domain/enterprise/categories.ts';
import { seeded } from '../../domain/random.ts';
import { localOperator } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { refreshInstructorCoverage } from '../instructors/coverage.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';

let fx: Fixture;
let client: TestClient;
let town: string;
const today = localDateString(new Date());
const PAST = '2025-03-31';

beforeAll(async () => {
  fx = await makeFixture();
  client = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  const rand = seeded(16);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  town = (await fx.rows<{ code: string }>(sql`select code from regions where parent_code = '420503' limit 1`))[0]!.code;
  // 宜昌市 itself, two districts, and a town of one: every kind of row, 本级 included.
  const regions = ['420500', '420502', '420503', '420503', town, town];
  const ids: number[] = [];
  for (let i = 0; i < 160; i++) {
    const members = rand() < 0.5 ? 0 : Math.floor(rand() * 6);
    const e = await makeEnterprise(fx.database, {
      kind: pick(['private', 'private', 'association', 'social_service', 'foreign']),
      regionCode: pick(regions),
      employees: pick([0, 5, 9, 10, 29, 30, 60, 100, 250, 400]),
      memberCount: members,
      fullMemberCount: Math.min(members, Math.floor(rand() * 5)),
      registrationStatus: pick(['active', 'active', 'operating', 'moved_in', 'cancelled']),
      foundedOn: rand() < 0.2 ? '2025-09-01' : '2019-01-01',
      industryCode: pick([null, 'C', '13', '36', '47', 'F']),
      aboveScale: rand() < 0.3,
    });
    ids.push(e.id);
  }
  for (let i = 0; i < 20; i++)
    await makeOrg(fx.database, [ids[i]!], { establishedOn: i < 10 ? '2020-01-01' : '2025-08-01' });
  for (let i = 20; i < 38; i += 3) await makeOrg(fx.database, ids.slice(i, i + 3), { establishedOn: '2021-01-01' });
  await fx.rows(sql`insert into departments (name) values ('工信')`);
  const [ins] = await fx.rows<{ id: number }>(
    sql`insert into instructors (kind, name, source_department_id, region_code)
        select 'instructor', '张指导', id, '420500' from departments returning id`,
  );
  await inScope(fx.database.db, localOperator(), async (tx) => {
    for (const id of ids.slice(50, 75))
      await tx.execute(
        sql`insert into assignments (instructor_id, enterprise_id, start_on) values (${ins!.id}, ${id}, '2024-01-01')`,
      );
    await refreshInstructorCoverage(tx, localOperator(), ids.slice(50, 75), today);
  });
});
afterAll(() => fx.close());

type Ledger = Record<string, number> & { categories: Record<string, number> };

/** Each figure of the dashboard and the ledger-list filter that selects exactly its enterprises. */
const FIGURES: [string, (l: Ledger) => number, string][] = [
  ['inScope', (l) => l.inScope, 'status=in_scope'],
  ['closed', (l) => l.closed, 'status=closed'],
  ['orgCovered', (l) => l.orgCovered, 'coverage=org'],
  ['standalone', (l) => l.standalone, 'coverage=standalone'],
  ['joint', (l) => l.joint, 'coverage=joint'],
  ['workCovered', (l) => l.workCovered, 'coverage=work'],
  ['keyWatch', (l) => l.keyWatch, 'flag=key_watch'],
  ['needsInstructor', (l) => l.needsInstructor, 'flag=needs_instructor'],
  ...LEDGER_CATEGORIES.map(
    (c) =>
      [`category.${c}`, (l: Ledger) => l.categories[c]!, `category=${c}`] as [string, (l: Ledger) => number, string],
  ),
];

/** The same figures, for a past date, in GET /api/stats/enterprises's words. */
const AS_OF: Record<string, string> = {
  inScope: 'status=in_scope',
  closed: 'status=closed',
  orgCovered: 'coverage=org',
  standalone: 'coverage=standalone',
  joint: 'coverage=joint',
  workCovered: 'coverage=work',
  keyWatch: 'flag=key_watch',
  needsInstructor: 'flag=needs_instructor',
  ...Object.fromEntries(LEDGER_CATEGORIES.map((c) => [`category.${c}`, `category=${c}`])),
};

const total = async (path: string) => {
  const res = await client.get(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.total as number;
};

describe('every dashboard figure clicks through to a list of exactly its enterprises', () => {
  it.each(['all', 'survey'])(
    'today, scope %s: the region, each child and the 本级 row equal their ledger lists',
    async (scope) => {
      const dash = (await client.get(`/api/dashboard?scope=${scope}`)).body;
      expect(dash.scope).toBe(scope);
      expect(dash.ledger.inScope).toBeGreaterThan(0);
      const rows = [
        { code: '420500', ledger: dash.ledger, only: false },
        ...dash.children.map((c: { code: string; ledger: Ledger; direct?: boolean }) => ({
          code: c.code,
          ledger: c.ledger,
          only: !!c.direct,
        })),
      ];
      expect(rows.some((r) => r.only && r.ledger.inScope > 0)).toBe(true);
      for (const r of rows) {
        const base = `/api/enterprises?pageSize=1&region=${r.code}&scope=${scope}${r.only ? '&regionOnly=true' : ''}`;
        for (const [name, value, filter] of FIGURES) {
          expect([r.code, name, await total(`${base}&${filter}`)]).toEqual([r.code, name, value(r.ledger)]);
        }
      }
      expect(dash.missing).toBe(await total(`/api/enterprises?pageSize=1&region=420500&scope=${scope}&flag=missing`));
    },
  );

  it('the survey scope narrows figures and lists alike', async () => {
    const all = (await client.get('/api/dashboard?scope=all')).body.ledger;
    const survey = (await client.get('/api/dashboard?scope=survey')).body.ledger;
    expect(survey.inScope).toBeLessThan(all.inScope);
    expect(await total('/api/enterprises?pageSize=1&scope=survey&status=in_scope')).toBe(survey.inScope);
  });

  it.each(['all', 'survey'])('as of a past date, scope %s: figures equal the as-of lists', async (scope) => {
    const dash = (await client.get(`/api/dashboard?date=${PAST}&scope=${scope}&region=420503`)).body;
    expect([dash.date, dash.missing]).toEqual([PAST, null]);
    // Enterprises founded later and orgs established later are not counted.
    expect(dash.ledger.inScope).toBeLessThan(
      (await client.get(`/api/dashboard?scope=${scope}&region=420503`)).body.ledger.inScope,
    );
    for (const r of [
      { code: '420503', ledger: dash.ledger },
      ...dash.children.filter((c: { direct?: boolean }) => !c.direct),
    ]) {
      for (const [name, value] of FIGURES) {
        const path = `/api/stats/enterprises?pageSize=1&date=${PAST}&scope=${scope}&region=${r.code}&${AS_OF[name]}`;
        expect([r.code, name, await total(path)]).toEqual([r.code, name, value(r.ledger)]);
      }
    }
  });
});

// A part of the ledger (rules.md §1 filters): the dashboard's words for it, and the ledger list's.
const SEGMENTS: [string, string][] = [
  ['kinds=private', 'kind=private'],
  ['kinds=association,social_service', 'kind=association&kind=social_service'],
  ['bands=1,2', 'sizeBand=10_49'],
  ['bands=0,5', 'sizeBand=lt10&sizeBand=300plus'],
  ['aboveScale=true', 'aboveScale=true'],
  ['industry=C', 'section=C'],
  ['industry=47', 'industry=47'],
  [
    'kinds=private&bands=3,4&aboveScale=false&industry=C',
    'kind=private&sizeBand=50_99&sizeBand=100_299&aboveScale=false&section=C',
  ],
];

describe('a dashboard narrowed to a part of the ledger clicks through to lists narrowed alike', () => {
  it.each(SEGMENTS)('today, %s: every figure of the region and its children equals its list', async (seg, list) => {
    const dash = (await client.get(`/api/dashboard?${seg}`)).body;
    // 待核实 is a fact of the whole ledger only.
    expect(dash.missing).toBeNull();
    const whole = (await client.get('/api/dashboard')).body.ledger;
    expect(dash.ledger.inScope).toBeLessThan(whole.inScope);
    expect(dash.ledger.inScope).toBeGreaterThan(0);
    for (const r of [{ code: '420500', ledger: dash.ledger, direct: false }, ...dash.children]) {
      const base = `/api/enterprises?pageSize=1&region=${r.code}&${list}${r.direct ? '&regionOnly=true' : ''}`;
      for (const [name, value, filter] of FIGURES) {
        expect([r.code, name, await total(`${base}&${filter}`)]).toEqual([r.code, name, value(r.ledger)]);
      }
    }
  });

  it.each(SEGMENTS)('as of a past date, %s: the figures equal the as-of lists', async (seg) => {
    const dash = (await client.get(`/api/dashboard?date=${PAST}&region=420503&${seg}`)).body;
    for (const [name, value] of FIGURES) {
      const path = `/api/stats/enterprises?pageSize=1&date=${PAST}&region=420503&${seg}&${AS_OF[name]}`;
      expect([name, await total(path)]).toEqual([name, value(dash.ledger)]);
    }
  });
});

describe('drill-down', () => {
  it('opens any region of the subtree with the way back up, and nothing outside it', async () => {
    const res = await client.get(`/api/dashboard?region=${town}`);
    expect(res.status).toBe(200);
    expect(res.body.path.map((p: { code: string }) => p.code)).toEqual(['420500', '420503', town]);
    expect(res.body.region).toMatchObject({ code: town, level: 4 });
    const sum = res.body.children.reduce((s: number, c: { ledger: Ledger }) => s + c.ledger.inScope, 0);
    expect(sum).toBe(res.body.ledger.inScope);
    for (const region of ['420100', '420000', '110101']) {
      const out = await client.get(`/api/dashboard?region=${region}`);
      expect([out.status, out.body.error.code]).toEqual([404, 'not_found']);
    }
  });
});
