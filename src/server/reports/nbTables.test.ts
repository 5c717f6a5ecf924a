// 年报 tables 27 and 30 for a generated county: every cell of every child-region row equals
// a count written here independently (a plain reading of the tables' rows and columns over
// the raw records, docs/annual-tables.md §2–3), totals are the rows' sums, and the figures agree
// with the coverage engine and the annual table where they count the same units.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { seeded } from '../../domain/random.ts';
import { NB27, NB30, type NbLayout } from '../../domain/reports/nbTables.ts';
import { DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import { inScope } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { coverage } from '../stats/engine.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { expectPrintsAsForm, loadBook } from '../testing/print.ts';
import { annualReport } from './annual.ts';
import { type NbReport, nbReport } from './nbTables.ts';
import { nbWorkbook } from './nbTablesXlsx.ts';

let fx: Fixture;
const today = localDateString(new Date());
const YEAR = Number(today.slice(0, 4));
const COUNTY = '420503';
const county = actorOf({ id: 1, username: 'c', displayName: 'c', regionCode: COUNTY, roles: ['committee'] });
const other = actorOf({ id: 2, username: 'o', displayName: 'o', regionCode: '420502', roles: ['committee'] });
let towns: string[] = [];

const KINDS = ['private', 'private', 'private', 'hmt', 'foreign', 'individual', 'association', 'foundation'];
const MORE_KINDS = ['social_service', 'other', 'other'];

beforeAll(async () => {
  fx = await makeFixture();
  const rand = seeded(2717);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  towns = (
    await fx.rows<{ code: string }>(sql`select code from regions where parent_code = ${COUNTY} order by code`)
  ).map((r) => r.code);
  const places = [...towns.slice(0, 4), COUNTY];
  const ids: number[] = [];
  for (let i = 0; i < 150; i++) {
    const kind = pick([...KINDS, ...MORE_KINDS]);
    const members = rand() < 0.35 ? 0 : Math.floor(rand() * 7);
    const employees = pick([3, 20, 49, 50, 99, 100, 260]);
    const enterprise = kind === 'private' || kind === 'hmt' || kind === 'foreign';
    const e = await makeEnterprise(fx.database, {
      kind,
      regionCode: pick(places),
      employees,
      memberCount: members,
      fullMemberCount: Math.min(members, Math.floor(rand() * 5)),
      // The units with orgs and officers (the first 48) stay in scope: the annual table counts officers of every org.
      registrationStatus: i < 48 ? 'active' : pick(['active', 'active', 'operating', 'revoked']),
      ownerPoliticalStatus: pick([null, 'member', 'probationary', 'masses']),
      legalPerson: kind === 'individual' ? pick([null, false]) : pick([null, null, true, false]),
      staffOnPost: pick([null, Math.floor(employees / 2), employees]),
      ownership: !enterprise
        ? null
        : kind === 'private'
          ? pick([null, 'sole', 'hmt_invested', 'foreign_invested'])
          : pick([null, 'sole']),
      intermediaryKind: kind === 'other' ? pick([null, 'law_firm', 'accounting_firm', 'tax_firm']) : null,
    });
    ids.push((e as { id: number }).id);
  }
  const region = async (id: number) =>
    ((await fx.rows<{ r: string }>(sql`select region_code as r from enterprises where id = ${id}`))[0] as { r: string })
      .r;
  // Own orgs of each type (a temporary branch counts as 建立支部的), joint branches of three.
  const types = ['committee', 'general_branch', 'branch', 'temporary_branch'] as const;
  for (let i = 0; i < 48; i++) {
    const id = ids[i] as number;
    const org = await makeOrg(fx.database, [id], {
      type: types[i % 4],
      establishedOn: '2024-03-01',
      regionCode: await region(id),
    });
    if (i % 3 === 0)
      await fx.rows(sql`insert into org_officers (org_id, post, person_name, legal_representative, start_on)
        values (${org.id}, ${i % 2 === 0 ? 'secretary' : 'organization'}, '王书记', true, '2024-03-01')`);
  }
  for (let i = 60; i < 90; i += 3)
    await makeOrg(fx.database, ids.slice(i, i + 3), {
      establishedOn: '2024-06-01',
      regionCode: await region(ids[i] as number),
    });
  // A joint branch whose units lie in two towns: counted in each town's row.
  await makeOrg(fx.database, [ids[90] as number, ids[91] as number], {
    establishedOn: '2024-06-01',
    regionCode: COUNTY,
  });
  await fx.rows(sql`insert into departments (name) values ('工信')`);
  await fx.rows(sql`insert into instructors (kind, name, source_department_id, region_code)
    select 'instructor', '张指导', id, ${COUNTY} from departments union all
    select 'liaison', '李联络', id, ${COUNTY} from departments`);
  await fx.rows(sql`insert into assignments (instructor_id, enterprise_id, start_on)
    select i.id, e.id, '2024-01-01' from instructors i,
      (select id from enterprises where id % 4 = 0) e where (e.id + i.id) % 3 <> 0`);
});
afterAll(() => fx.close());

const run = (table: 'nb27' | 'nb30', actor = county, region = COUNTY) =>
  inScope(fx.database.db, actor, (tx) => nbReport(tx, actor, table, { region, year: YEAR }, today));

/** The raw records, read plainly: one line per in-scope unit with what the tables ask of it. */
interface Raw {
  id: number;
  region: string;
  kind: string;
  legal: boolean | null;
  ownership: string | null;
  firm: string | null;
  employees: number;
  staff: number | null;
  members: number;
  full: number;
  owner: string | null;
  ownTypes: string[];
  jointIds: number[];
  instructors: number[];
  repOfficer: boolean;
  repSecretary: boolean;
}

async function raw(): Promise<Raw[]> {
  return fx.rows<Raw>(sql`
    select e.id, e.region_code as region, e.kind, e.legal_person as legal, e.ownership, e.intermediary_kind as firm,
      e.employees, e.staff_on_post as staff, e.member_count as members, e.full_member_count as full,
      e.owner_political_status as owner,
      array(select o.type from org_coverages c join party_orgs o on o.id = c.org_id
            where c.enterprise_id = e.id and o.formation = 'standalone' and c.end_on is null and o.dissolved_on is null) as "ownTypes",
      array(select o.id from org_coverages c join party_orgs o on o.id = c.org_id
            where c.enterprise_id = e.id and o.formation = 'joint' and c.end_on is null and o.dissolved_on is null) as "jointIds",
      array(select a.instructor_id from assignments a where a.enterprise_id = e.id and a.end_on is null) as instructors,
      exists (select 1 from org_officers p join org_coverages c on c.org_id = p.org_id join party_orgs o on o.id = p.org_id
              where c.enterprise_id = e.id and o.formation = 'standalone' and p.legal_representative) as "repOfficer",
      exists (select 1 from org_officers p join org_coverages c on c.org_id = p.org_id join party_orgs o on o.id = p.org_id
              where c.enterprise_id = e.id and o.formation = 'standalone' and p.legal_representative
                and p.post = 'secretary') as "repSecretary"
    from enterprises e
    where e.region_code like ${`${COUNTY}%`} and e.registration_status in ('active', 'operating', 'moved_in')`);
}

// The tables' rows and columns as predicates over one unit, written from the layout's labels.
const isLegal = (u: Raw) => u.legal ?? u.kind !== 'individual';
const hasOwn = (u: Raw) => u.ownTypes.length > 0;
const inJoint = (u: Raw) => !hasOwn(u) && u.jointIds.length > 0;
const noOrg = (u: Raw) => !hasOwn(u) && !inJoint(u);
const top = (u: Raw) =>
  u.ownTypes.includes('committee') ? 'committee' : u.ownTypes.includes('general_branch') ? 'general' : 'branch';
const staff = (u: Raw) => Math.min(u.staff ?? u.employees, u.employees);
const instructed = (u: Raw) => u.instructors.length > 0;
const ownerMember = (u: Raw) => u.owner === 'member' || u.owner === 'probationary' || u.repOfficer;

type Unitwise = (u: Raw) => number;
const units =
  (p: (u: Raw) => boolean): Unitwise =>
  (u) =>
    p(u) ? 1 : 0;

const COLS27: Record<string, (u: Raw) => boolean> = {
  A: () => true,
  B: (u) => u.employees >= 50,
  C: (u) => u.employees >= 100,
  D: (u) => ownerMember(u),
  E: (u) => u.repSecretary,
  F: (u) => u.kind === 'private',
  G: (u) => u.kind === 'private' && u.ownership === 'sole',
  H: (u) => u.kind === 'private' && u.ownership === 'hmt_invested',
  I: (u) => u.kind === 'private' && u.ownership === 'foreign_invested',
  J: (u) => u.kind === 'hmt',
  K: (u) => u.kind === 'hmt' && u.ownership === 'sole',
  L: (u) => u.kind === 'foreign',
  M: (u) => u.kind === 'foreign' && u.ownership === 'sole',
};
const ROWS27: Record<number, Unitwise | 'joints' | 'instructors'> = {
  1: units(() => true),
  2: units(instructed),
  3: units((u) => hasOwn(u) && top(u) === 'committee'),
  4: units((u) => hasOwn(u) && top(u) === 'general'),
  5: units((u) => hasOwn(u) && top(u) === 'branch'),
  6: units(inJoint),
  7: units((u) => inJoint(u) && u.full >= 3),
  8: 'joints',
  9: units((u) => noOrg(u) && u.full >= 3),
  10: units((u) => noOrg(u) && u.full < 3 && u.members > 0),
  11: units((u) => noOrg(u) && u.members === 0),
  12: 'instructors',
  13: staff,
  14: (u) => u.members,
  15: (u) => (noOrg(u) ? 0 : staff(u)),
  16: (u) => (noOrg(u) ? 0 : u.members),
  17: (u) => (noOrg(u) && instructed(u) ? staff(u) : 0),
  18: (u) => (noOrg(u) && instructed(u) ? u.members : 0),
};
const SOCIAL: Record<string, string> = { association: 'B', foundation: 'C', social_service: 'D' };
const FIRMS: Record<string, string> = { law_firm: 'E', accounting_firm: 'F', tax_firm: 'G' };
const col30 = (u: Raw) => (u.firm ? FIRMS[u.firm] : SOCIAL[u.kind]);
const COLS30: Record<string, (u: Raw) => boolean> = Object.fromEntries(
  ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => [c, (u: Raw) => c === 'A' || col30(u) === c]),
);
const ROWS30: Record<number, Unitwise | 'joints' | 'instructors'> = {
  1: units(() => true),
  2: units((u) => hasOwn(u) && top(u) === 'committee'),
  3: units((u) => hasOwn(u) && top(u) === 'general'),
  4: units((u) => hasOwn(u) && top(u) === 'branch'),
  5: units(inJoint),
  6: units((u) => inJoint(u) && u.full >= 3),
  7: 'joints',
  8: units((u) => noOrg(u) && u.full >= 3),
  9: () => 0,
  10: units((u) => noOrg(u) && u.full < 3 && u.members > 0),
  11: units((u) => noOrg(u) && u.members === 0),
  12: units((u) => noOrg(u) && instructed(u)),
  13: (u) => u.employees,
  14: (u) => u.members,
  15: () => 0,
  16: 'instructors',
  17: () => 0,
  18: () => 0,
  19: () => 0,
};

/** The table's cells for the units of one region row, computed from the predicates above. */
function expected(layout: NbLayout, us: Raw[]): Record<string, number> {
  const nb27 = layout.id === 'nb27';
  const inTable = us.filter((u) =>
    nb27 ? isLegal(u) && ['private', 'hmt', 'foreign'].includes(u.kind) : isLegal(u) && col30(u) !== undefined,
  );
  const cols = nb27 ? COLS27 : COLS30;
  const rows = nb27 ? ROWS27 : ROWS30;
  const cells: Record<string, number> = {};
  for (const [c, inCol] of Object.entries(cols)) {
    const mine = inTable.filter(inCol);
    for (const [r, f] of Object.entries(rows)) {
      if (f === 'joints') cells[`${c}${r}`] = new Set(mine.filter(inJoint).flatMap((u) => u.jointIds)).size;
      else if (f === 'instructors') cells[`${c}${r}`] = new Set(mine.flatMap((u) => u.instructors)).size;
      else cells[`${c}${r}`] = mine.reduce((s, u) => s + f(u), 0);
    }
  }
  return cells;
}

const rowOf = (code: string) => towns.find((t) => code.startsWith(t)) ?? COUNTY;

describe.each([NB27, NB30])('table $number', (layout) => {
  let report: NbReport;
  let records: Raw[];
  beforeAll(async () => {
    report = await run(layout.id as 'nb27' | 'nb30');
    records = await raw();
  });

  it('equals the independent count, region row by row and cell by cell', () => {
    expect(report.rows.map((r) => r.region)).toEqual([...towns, COUNTY]);
    for (const row of report.rows) {
      const want = expected(
        layout,
        records.filter((u) => rowOf(u.region) === row.region),
      );
      expect({ region: row.region, ...row.cells }).toEqual({ region: row.region, ...want });
    }
    expect(report.total.A1).toBeGreaterThan(10);
  });

  it('has totals that are the sums of the rows', () => {
    for (const key of Object.keys(report.total))
      expect(report.total[key], key).toBe(report.rows.reduce((s, r) => s + (r.cells[key] ?? 0), 0));
  });

  it('partitions 单位数 into the status rows, in every column', () => {
    const status = layout.id === 'nb27' ? [3, 4, 5, 6, 9, 10, 11] : [2, 3, 4, 5, 8, 10, 11];
    for (const c of layout.columns)
      expect(
        status.reduce((s, r) => s + (report.total[`${c.letter}${r}`] ?? 0), 0),
        c.letter,
      ).toBe(report.total[`${c.letter}1`]);
  });

  it('prints as the paper form, and the file holds the same figures', async () => {
    const bytes = await nbWorkbook(report, today);
    const book = await expectPrintsAsForm(bytes, { [`表${layout.number}`]: 6, 按地区: 6 });
    const ws = book.getWorksheet(`表${layout.number}`);
    expect(ws?.getCell(1, 1).value).toBe(`表${layout.number} ${layout.zh}`);
    // The 栏号 row, then one line a table row: 项目, 行号, the figures.
    expect(ws?.getRow(6).values).toEqual([undefined, '栏号', '栏号', ...layout.columns.map((c) => c.letter)]);
    layout.rows.forEach((r, i) => {
      const line = ws?.getRow(7 + i);
      expect(line?.getCell(2).value).toBe(r.no);
      for (const [j, c] of layout.columns.entries()) {
        expect(line?.getCell(3 + j).value).toBe(report.total[`${c.letter}${r.no}`]);
      }
    });
    const byRegion = (await loadBook(bytes)).getWorksheet('按地区');
    expect(byRegion?.getRow(7).getCell(1).value).toBe(report.rows[0]?.name);
  });
});

describe('agreement with the coverage engine and the annual table', () => {
  it('counts the same in-scope units and standalone units', async () => {
    const [t27, t30] = [await run('nb27'), await run('nb30')];
    const figures = await inScope(fx.database.db, county, (tx) =>
      coverage(tx, county, { region: COUNTY, date: today, scope: 'all' }, DEFAULT_COVERAGE_SETTINGS, today),
    );
    const records = await raw();
    const outside = records.filter(
      (u) => !(isLegal(u) && (['private', 'hmt', 'foreign'].includes(u.kind) || col30(u) !== undefined)),
    );
    expect(t27.total.A1 + t30.total.A1 + outside.length).toBe(figures.inScope);
    const own27 = (t27.total.A3 ?? 0) + (t27.total.A4 ?? 0) + (t27.total.A5 ?? 0);
    const own30 = (t30.total.A2 ?? 0) + (t30.total.A3 ?? 0) + (t30.total.A4 ?? 0);
    expect(own27 + own30 + outside.filter(hasOwn).length).toBe(figures.standalone);
    // Joint-covered units, should_form ones included (已建立联合党支部), as the annual table's joint column.
    const annual = await inScope(fx.database.db, county, (tx) =>
      annualReport(tx, county, { region: COUNTY, year: YEAR, scope: 'all' }, DEFAULT_COVERAGE_SETTINGS, today),
    );
    expect((t27.total.A6 ?? 0) + (t30.total.A5 ?? 0) + outside.filter(inJoint).length).toBe(annual.total.joint);
    // 法定代表人兼任书记: each such officer here is in a table-27 unit's own org.
    const repSecretariesOutside = outside.filter((u) => u.repSecretary).length;
    expect(
      (t27.total.E1 ?? 0) +
        repSecretariesOutside +
        records.filter((u) => col30(u) && isLegal(u) && u.repSecretary).length,
    ).toBe(annual.total.secretaryLegalRepresentative);
  });
});

describe('scope', () => {
  it('refuses a region outside the user’s own, and a year not yet begun', async () => {
    await expect(run('nb27', other, COUNTY)).rejects.toMatchObject({ status: 404 });
    await expect(
      inScope(fx.database.db, county, (tx) => nbReport(tx, county, 'nb30', { region: COUNTY, year: YEAR + 1 }, today)),
    ).rejects.toBeInstanceOf(HttpError);
  });
});
