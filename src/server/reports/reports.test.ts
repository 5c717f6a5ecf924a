import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { seeded } from '../../domain/random.ts';
import {
  ANNUAL_COLUMNS,
  ANNUAL_COUNT_KEYS,
  cellValue,
  type FormColumn,
  QUARTERLY_COLUMNS,
  QUARTERLY_COUNT_KEYS,
} from '../../domain/reports/forms.ts';
import { DEFAULT_COVERAGE_SETTINGS } from '../../domain/stats/coverage.ts';
import { quarterOf, quarterRange } from '../../domain/stats/quarter.ts';
import { percent } from '../../domain/stats/rate.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { enterprises } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { restoreSafeText } from '../files/write.ts';
import { coverage } from '../stats/engine.ts';
import { enterprisesAsOf } from '../stats/list.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { expectPrintsAsForm } from '../testing/print.ts';
import { type AnnualReport, annualReport } from './annual.ts';
import { annualWorkbook } from './annualXlsx.ts';
import { laggingReport } from './lagging.ts';
import { type QuarterlyReport, quarterlyReport } from './quarterly.ts';
import { quarterlyWorkbook } from './quarterlyXlsx.ts';

let fx: Fixture;
const today = localDateString(new Date());
const thisQuarter = quarterOf(today);
const Q = '2026Q3';
const { from: qFrom, to: qTo } = quarterRange(Q);
const committee = actorOf({ id: 1, username: 'c', displayName: 'c', regionCode: '420500', roles: ['committee'] });
const settings = DEFAULT_COVERAGE_SETTINGS;
const CHILDREN = ['420502', '420503', '420504', '420506'];

const asCommittee = <T>(fn: (tx: Parameters<Parameters<typeof inScope>[2]>[0]) => Promise<T>) =>
  inScope(fx.database.db, committee, fn);
const quarterly = (quarter = Q, region = '420500') =>
  asCommittee((tx) => quarterlyReport(tx, committee, { region, quarter }, settings, today));
const annual = (year: number, region = '420500') =>
  asCommittee((tx) => annualReport(tx, committee, { region, year }, settings, today));

let managingId: number;
let overdueOrgName: string;

beforeAll(async () => {
  fx = await makeFixture();
  const rand = seeded(66);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const [town] = await fx.rows<{ code: string }>(sql`select code from regions where parent_code = '420503' limit 1`);
  const places = [...CHILDREN, (town as { code: string }).code, '420500'];
  const ids: number[] = [];
  for (let i = 0; i < 160; i++) {
    const members = rand() < 0.5 ? 0 : Math.floor(rand() * 8);
    const values = {
      regionCode: pick(places),
      employees: pick([3, 12, 45, 99, 100, 150, 300]),
      memberCount: members,
      fullMemberCount: Math.min(members, Math.floor(rand() * 5)),
      aboveScale: rand() < 0.3,
      registrationStatus: pick(['active', 'active', 'active', 'revoked']),
      foundedOn: '2015-06-01',
    };
    // A joint branch's unit (below) with 3 full members: 已建 (联合), flagged 应单独组建 (issue #13).
    if (i === 24) Object.assign(values, { memberCount: 4, fullMemberCount: 3, registrationStatus: 'active' });
    const e = await makeEnterprise(fx.database, values);
    ids.push(e.id);
  }
  const region = async (id: number) =>
    ((await fx.rows<{ r: string }>(sql`select region_code as r from enterprises where id = ${id}`))[0] as { r: string })
      .r;
  const managing = await makeOrg(fx.database, [ids[0] as number], {
    type: 'committee',
    establishedOn: '2019-05-01',
    name: '宜昌市非公企业综合党委',
    regionCode: '420500',
  });
  managingId = managing.id;
  // Orgs before the quarter, in it (standalone, joint, each type), and after it.
  for (let i = 1; i < 20; i++) {
    await makeOrg(fx.database, [ids[i] as number], {
      establishedOn: '2024-03-01',
      regionCode: await region(ids[i] as number),
    });
  }
  const inQuarter: [number[], Record<string, unknown>][] = [
    [[ids[20] as number], { type: 'branch', establishedOn: '2026-07-01' }],
    [[ids[21] as number], { type: 'general_branch', establishedOn: '2026-08-15' }],
    [[ids[22] as number], { type: 'committee', establishedOn: '2026-09-30' }],
    [[ids[23] as number], { type: 'temporary_branch', establishedOn: '2026-09-01' }],
    [ids.slice(24, 27), { establishedOn: '2026-08-01' }],
    [ids.slice(27, 30), { establishedOn: '2026-09-10' }],
  ];
  for (const [units, values] of inQuarter) {
    await makeOrg(fx.database, units, {
      ...values,
      regionCode: await region(units[0] as number),
      managingOrgId: managingId,
      approvedBy: '=中共宜昌市委组织部',
    });
  }
  await makeOrg(fx.database, [ids[30] as number], {
    establishedOn: '2026-10-02',
    regionCode: await region(ids[30] as number),
  });
  // One org elected in 2021 for 3 years (overdue since 2024-03-02), one re-elected on time in 2025.
  const [old] = await fx.rows<{ id: number; name: string }>(
    sql`select id, name from party_orgs where established_on = '2024-03-01' order by id limit 1`,
  );
  overdueOrgName = (old as { name: string }).name;
  await fx.rows(sql`update party_orgs set managing_org_id = ${managingId} where id = ${(old as { id: number }).id}`);
  await fx.rows(sql`insert into org_elections (org_id, elected_on, term_years, ends_on)
    values (${(old as { id: number }).id}, '2021-03-01', 3, '2024-03-01')`);
  const [other] = await fx.rows<{ id: number }>(
    sql`select id from party_orgs where established_on = '2024-03-01' order by id limit 1 offset 1`,
  );
  const otherId = (other as { id: number }).id;
  await fx.rows(sql`insert into org_elections (org_id, elected_on, term_years, ends_on)
    values (${otherId}, '2022-06-01', 3, '2025-06-01'), (${otherId}, '2025-05-20', 3, '2028-05-20')`);
  // Developments: admitted in 2025, an activist, one closed.
  const dev = (values: Record<string, string | null>) =>
    fx.rows(sql`insert into developments (org_id, name, id_number, id_number_hash, birth_date, sex, applied_on, activist_on, admitted_on, closed_on)
      values (${otherId}, '张三', 'x', ${String(Math.random())}, '1990-01-01', 'male', ${values.applied}, ${values.activist}, ${values.admitted}, ${values.closed})`);
  await dev({ applied: '2023-01-10', activist: '2023-04-01', admitted: '2025-05-01', closed: null });
  await dev({ applied: '2024-01-10', activist: '2024-04-01', admitted: null, closed: null });
  await dev({ applied: '2024-01-10', activist: '2024-04-01', admitted: null, closed: '2025-02-01' });
  // Instructors: one of the city with two assignments, one liaison of a county.
  await fx.rows(sql`insert into departments (name) values ('工信')`);
  await fx.rows(sql`insert into instructors (kind, name, source_department_id, region_code)
    select 'instructor', '张指导', id, '420500' from departments union all
    select 'liaison', '李联络', id, '420503' from departments`);
  await fx.rows(sql`insert into assignments (instructor_id, enterprise_id, start_on)
    select i.id, e.id, '2024-01-01' from instructors i, (select id from enterprises order by id desc limit 2) e`);
});
afterAll(() => fx.close());

function expectTotals<R extends Record<string, unknown>>(r: { total: R; rows: R[] }, keys: readonly string[]) {
  for (const k of keys)
    expect(
      r.rows.reduce((s, x) => s + (x[k] as number), 0),
      k,
    ).toBe(r.total[k]);
}

/** The values of the sheet's row whose first cell is `label`, from column 2 on, as the file holds them. */
async function sheetRows(buffer: Buffer, sheet = 1) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = book.worksheets[sheet - 1] as ExcelJS.Worksheet;
  const rows: { label: string; values: unknown[]; formats: string[] }[] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push({
      label: typeof values[0] === 'string' ? restoreSafeText(values[0]) : String(values[0] ?? ''),
      values: values.slice(1),
      formats: values.slice(1).map((_, i) => row.getCell(i + 2).numFmt),
    });
  });
  return { ws, rows };
}

async function expectJsonEqualsXlsx(
  report: { total: object; rows: { name: string }[] },
  columns: FormColumn<string>[],
  buffer: Buffer,
) {
  const { rows } = await sheetRows(buffer);
  const first = rows.findIndex((r) => r.label === '合计');
  expect(first).toBeGreaterThan(0);
  const expected: { name?: string }[] = [report.total, ...report.rows];
  expected.forEach((r, i) => {
    const row = rows[first + i] as (typeof rows)[number];
    expect(row.label).toBe(i === 0 ? '合计' : r.name);
    columns.forEach((c, j) => {
      const v = cellValue(r, c);
      expect(row.values[j], `${row.label} ${c.key}`).toEqual(v === null ? '—' : v);
      if (v !== null && c.kind === 'rate') expect(row.formats[j]).toBe('0.0%');
    });
  });
  expect(rows.some((r) => r.label.startsWith('填表人'))).toBe(true);
}

describe('quarterly report of new organizations', () => {
  it('counts the quarter’s new orgs by formation and type, Part A equal to Part B, totals the sums of rows', async () => {
    const r = await quarterly();
    expect(r.asOf).toBe(qTo);
    expectTotals(r as never, QUARTERLY_COUNT_KEYS);
    expect(r.total.newOrgs).toBe(6);
    expect(r.total).toMatchObject({ standalone: 4, joint: 2, committees: 1, generalBranches: 1, branches: 4 });
    expect(r.orgs).toHaveLength(6);
    for (const row of r.rows) {
      expect(r.orgs.filter((o) => (row.direct ? o.region === '420500' : o.region.startsWith(row.region))).length).toBe(
        row.newOrgs,
      );
    }
    for (const o of r.orgs) expect(o.establishedOn >= qFrom && o.establishedOn <= qTo).toBe(true);
    // 4 standalone + 2 joint orgs of 3 enterprises, none covered before (in scope or not).
    const inScopeNew = await fx.rows<{ n: number }>(sql`
      select count(distinct c.enterprise_id)::int as n from org_coverages c join party_orgs o on o.id = c.org_id
      join enterprises e on e.id = c.enterprise_id
      where o.established_on between ${qFrom} and ${qTo} and e.in_scope`);
    expect(r.total.newlyCovered).toBe((inScopeNew[0] as { n: number }).n);
    // Rates recomputed from the totals; the change against the engine at the previous quarter end.
    expect(r.total.orgCoverageRate).toBe(r.total.orgCovered / r.total.inScope);
    const prev = await asCommittee((tx) =>
      coverage(tx, committee, { region: '420500', date: '2026-06-30', scope: 'all' }, settings, today),
    );
    expect(r.total.prevOrgCoverageRate).toBe(prev.orgCoverageRate);
    expect(r.total.changePoints).toBe(
      Math.round(((r.total.orgCoverageRate as number) - (prev.orgCoverageRate as number)) * 1000) / 10,
    );
    const joint = r.orgs.find((o) => o.formation === 'joint') as QuarterlyReport['orgs'][number];
    expect(joint.enterprises).toHaveLength(3);
    expect(joint.approvedBy).toBe('=中共宜昌市委组织部');
    expect(r.orgs.find((o) => o.type === 'temporary_branch')?.typeLabel).toBe('临时党支部');
  });

  it('writes the same figures to the .xlsx as the JSON, formula-like text as text', async () => {
    const r = await quarterly();
    const buffer = await quarterlyWorkbook(r, today);
    await expectJsonEqualsXlsx(r, QUARTERLY_COLUMNS, buffer);
    const { rows } = await sheetRows(buffer, 2);
    const orgRows = rows.filter((x) => r.orgs.some((o) => o.regionName === x.label));
    expect(orgRows).toHaveLength(r.orgs.length);
    const approval = orgRows[0]?.values[8];
    expect(approval).toBe("'=中共宜昌市委组织部");
  });

  it('keeps last quarter’s figures when this quarter’s records are added', async () => {
    const before = await quarterly();
    const e = await makeEnterprise(fx.database, { regionCode: '420502', foundedOn: today });
    const [uncovered] = await fx.rows<{ id: number }>(
      sql`select id from enterprises where in_scope and org_coverage is null order by id limit 1`,
    );
    await makeOrg(fx.database, [e.id], { establishedOn: today, regionCode: '420502' });
    await makeOrg(fx.database, [(uncovered as { id: number }).id], { establishedOn: today, regionCode: '420502' });
    await fx.rows(sql`update enterprises set registration_status = 'cancelled' where id = (
      select id from enterprises where in_scope and org_coverage is not null order by id desc limit 1)`);
    expect(await quarterly()).toEqual(before);
    const now = await quarterly(thisQuarter);
    expect(now.total.newOrgs).toBe(3);
  });
});

describe('annual statistics', () => {
  it('fills every column group, totals the sums of rows, rates from totals', async () => {
    const r = await annual(2025);
    expect(r).toMatchObject({ asOf: '2025-12-31', partial: false });
    expectTotals(r as never, ANNUAL_COUNT_KEYS);
    expect(r.total.orgCoverageRate).toBe(r.total.orgCovered / r.total.inScope);
    expect(r.total.workCoverageRate).toBe(r.total.workCovered / r.total.inScope);
    const figures = await asCommittee((tx) =>
      coverage(tx, committee, { region: '420500', date: '2025-12-31', scope: 'all' }, settings, today),
    );
    expect(r.total).toMatchObject({
      inScope: figures.inScope,
      aboveScale: figures.aboveScale,
      employees: figures.employees,
      members: figures.members,
      shouldForm: figures.categories.should_form - figures.jointShouldStandalone,
    });
    // In force at the end of 2025: the managing committee and the 19 of 2024 (none of 2026).
    expect(r.total).toMatchObject({ orgs: 20, committees: 1, branches: 19, newOrgs: 0 });
    expect(r.total).toMatchObject({ developed: 1, activists: 1, termsDue: 1, reelectedOnTime: 1 });
    expect(r.total).toMatchObject({ assignedEnterprises: expect.any(Number), instructors: 1, liaisons: 1 });
    expect(r.rows.find((x) => x.direct)?.instructors).toBe(1);
    expect(r.rows.find((x) => x.region === '420503')?.liaisons).toBe(1);
  });

  it('partitions every row: 已建 (单独 + 联合) + 应建未建 + 有党员未建 + 无党员 = 企业总数', async () => {
    for (const year of [2025, Number(today.slice(0, 4))]) {
      const r = await annual(year);
      for (const row of [r.total, ...r.rows]) {
        const parts = row.standalone + row.joint + row.shouldForm + row.jointCandidate + row.noMember;
        expect([row.name, parts]).toEqual([row.name, row.inScope]);
        expect(row.jointShouldStandalone).toBeLessThanOrEqual(row.joint);
      }
    }
    // The joint branch's unit with 3 full members counts once, as 联合, flagged 应单独组建.
    const now = await annual(Number(today.slice(0, 4)));
    expect(now.total.jointShouldStandalone).toBeGreaterThanOrEqual(1);
    // Each figure opens a list of exactly its enterprises.
    for (const key of ['shouldForm', 'jointShouldStandalone'] as const) {
      const list = ANNUAL_COLUMNS.find((c) => c.key === key)?.list;
      const listed = await asCommittee((tx) =>
        enterprisesAsOf(tx, committee, { region: '420500', date: now.asOf, scope: now.scope, ...list }, settings, {
          page: 1,
          pageSize: 1,
        }),
      );
      expect([key, listed.total]).toEqual([key, now.total[key]]);
    }
  });

  it('is as of today for the current year, and refuses a year not begun', async () => {
    const r = await annual(Number(today.slice(0, 4)));
    expect(r.asOf).toBe(today);
    expect(r.partial).toBe(today.slice(5) !== '12-31');
    expect(r.total.newOrgs).toBeGreaterThanOrEqual(9);
    await expect(annual(Number(today.slice(0, 4)) + 1)).rejects.toMatchObject({ status: 400 });
  });

  it('writes the same figures to the .xlsx as the JSON', async () => {
    for (const year of [2025, Number(today.slice(0, 4))]) {
      const r = await annual(year);
      await expectJsonEqualsXlsx(r, ANNUAL_COLUMNS, await annualWorkbook(r, today));
    }
  });

  it('reproduces the source documents: 386 in scope, 85 covered → 组建率 22.0 %', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({
      uscc: makeUscc(seeded(9000 + i)),
      name: `猇亭测试企业${i}`,
      kind: 'private',
      regionCode: '420505',
      employees: 20,
      memberCount: 0,
      fullMemberCount: 0,
      foundedOn: '2015-01-01',
      registrationStatus: i < 386 ? 'active' : 'cancelled',
    }));
    const inserted = await fx.database.db.insert(enterprises).values(rows).returning({ id: enterprises.id });
    const ids = inserted.map((x) => x.id);
    for (let i = 0; i < 85; i += 5) {
      await makeOrg(fx.database, ids.slice(i, i + 5), { establishedOn: '2020-01-01', regionCode: '420505' });
    }
    const r: AnnualReport = await annual(2025, '420505');
    expect(r.total).toMatchObject({ inScope: 386, orgCovered: 85, joint: 85 });
    expect(percent(r.total.orgCoverageRate)).toBe('22.0%');
    const { rows: sheet } = await sheetRows(await annualWorkbook(r, today));
    const total = sheet.find((x) => x.label === '合计') as (typeof sheet)[number];
    const col = ANNUAL_COLUMNS.findIndex((c) => c.key === 'orgCoverageRate');
    // The cell holds the printed rate (22.0 %) as a fraction, not 85 / 386 unrounded.
    expect(total.values[col]).toBe(0.22);
    expect(total.formats[col]).toBe('0.0%');
  });
});

describe('lagging list', () => {
  it('flags child regions by the rules and lists the items to chase with who is responsible', async () => {
    const r = await asCommittee((tx) =>
      laggingReport(tx, committee, { region: '420500', date: today }, settings, today),
    );
    expect(r.children.map((c) => c.region)).toEqual(
      (await fx.rows<{ code: string }>(sql`select code from regions where parent_code = '420500' order by code`)).map(
        (x) => x.code,
      ),
    );
    expect(r.regions).toEqual(r.children.filter((c) => c.reasons.length > 0));
    for (const c of r.children) {
      const below =
        c.orgCoverageRate !== null &&
        r.orgCoverageRate !== null &&
        (r.orgCoverageRate - c.orgCoverageRate) * 100 > r.laggingPoints + 1e-9;
      expect(
        c.reasons.some((x) => x.code === 'below_parent'),
        c.name,
      ).toBe(below);
      // Which regions missed their quarterly report, and why: lagging.test.ts.
      expect(c.reasons.some((x) => x.code === 'missed_quarterly')).toBe(!c.quarterlyFiled);
    }
    const overdue = r.overdueReelections.rows.find((o) => o.name === overdueOrgName);
    expect(overdue).toMatchObject({
      termEndsOn: '2024-03-01',
      responsible: { orgId: managingId, name: '宜昌市非公企业综合党委' },
    });
    const figures = await asCommittee((tx) =>
      coverage(tx, committee, { region: '420500', date: today, scope: 'all' }, settings, today),
    );
    expect(r.shouldForm.total).toBe(figures.categories.should_form);
    expect(r.keyWatch.total).toBe(figures.flags.key_watch);
    const uncovered = r.keyWatch.rows[0];
    expect(uncovered?.responsible).toEqual({ orgId: null, name: `${uncovered?.regionName}党委（属地）` });
    expect(r.overdueDevelopments.total).toBeGreaterThan(0);
  });
});

describe('report routes', () => {
  it('answers JSON and audited .xlsx downloads; out of region is 404 and nothing is exported', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const json = await client.get(`/api/reports/quarterly?region=420500&quarter=${Q}`);
    expect(json.status).toBe(200);
    expect(json.body.total.newOrgs).toBe(6);
    const exports = async () =>
      (
        await fx.rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action like 'report.%_export' and result = 'success'`,
        )
      )[0]?.n;
    const n0 = await exports();
    // Each sheet prints as the paper form, its title, unit line, note and headers on every page.
    const lists = { 应建未建: 3, 重点盯住: 3, 逾期未换届: 3, 发展党员逾期: 3 };
    for (const [path, titleRows] of [
      [`/api/reports/quarterly.xlsx?region=420500&quarter=${Q}`, { 新建党组织情况: 5, 新建党组织名单: 3 }],
      ['/api/reports/annual.xlsx?region=420500&year=2025', { 年度统计: 5 }],
      [`/api/reports/lagging.xlsx?region=420500&date=${today}`, { 滞后地区: 4, ...lists }],
    ] as const) {
      const res = await client.get(path, { binary: true });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('spreadsheetml');
      const { rows } = await sheetRows(res.bytes as Buffer);
      expect(rows.some((r) => r.label === '合计' || r.label === '地区')).toBe(true);
      await expectPrintsAsForm(res.bytes as Buffer, titleRows);
    }
    expect(await exports()).toBe((n0 as number) + 3);
    const [audit] = await fx.rows<{ entity_id: string; diff: { quarter: string } }>(
      sql`select entity_id, diff from audit_log where action = 'report.quarterly_export' order by seq desc limit 1`,
    );
    expect(audit).toMatchObject({ entity_id: '420500', diff: { quarter: Q } });
    const { client: county } = await fx.clientAs({ roles: ['committee'], regionCode: '420503' });
    for (const path of [
      `/api/reports/quarterly?region=420500&quarter=${Q}`,
      `/api/reports/quarterly.xlsx?region=420502&quarter=${Q}`,
      '/api/reports/annual.xlsx?region=420500&year=2025',
      `/api/reports/lagging?region=110101&date=${today}`,
    ]) {
      expect((await county.get(path)).status, path).toBe(404);
    }
    expect(await exports()).toBe((n0 as number) + 3);
    const bad = await client.get('/api/reports/quarterly?region=420500&quarter=2026Q5');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('季度格式应为 2026Q3');
    expect((await client.get('/api/reports/annual?region=420500&year=2999')).status).toBe(400);
    expect((await client.get('/api/reports/lagging?region=420500&date=2999-01-01')).status).toBe(400);
    const { client: instructor } = await fx.clientAs({ roles: ['instructor'], regionCode: '420500' });
    expect((await instructor.get(`/api/reports/lagging?region=420500&date=${today}`)).status).toBe(403);
  });
});
