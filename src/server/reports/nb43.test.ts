// 年报 table 43 (失去联系党员情况) for a generated county: every cell of every child-region row
// equals a count written here independently over the raw records (docs/annual-tables.md §7),
// the totals are the rows' sums, in the JSON and in the .xlsx; cases recorded after 31 December,
// or closed by then, and members of another county do not count.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { seeded } from '../../domain/random.ts';
import { NB43 } from '../../domain/reports/nbTables.ts';
import { inScope } from '../db/tx.ts';
import { HttpError } from '../errors.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { expectPrintsAsForm } from '../testing/print.ts';
import { nb43Report } from './nb43.ts';
import type { NbReport } from './nbTables.ts';
import { nbWorkbook } from './nbTablesXlsx.ts';

let fx: Fixture;
const today = localDateString(new Date());
const YEAR = Number(today.slice(0, 4)) - 1;
const AS_OF = `${YEAR}-12-31`;
const COUNTY = '420503';
const county = actorOf({ id: 1, username: 'c', displayName: 'c', regionCode: COUNTY, roles: ['committee'] });
const other = actorOf({ id: 2, username: 'o', displayName: 'o', regionCode: '420502', roles: ['committee'] });
let towns: string[] = [];
let report: NbReport;

const STATES = ['open', 'open', 'open', 'restored_after', 'restored_before', 'suspended_before', 'recorded_after'];

beforeAll(async () => {
  fx = await makeFixture();
  const rand = seeded(4343);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  towns = (
    await fx.rows<{ code: string }>(sql`select code from regions where parent_code = ${COUNTY} order by code`)
  ).map((r) => r.code);
  const orgs: number[] = [];
  for (const place of [...towns.slice(0, 3), COUNTY, '420502']) {
    const e = async (kind: string, more = {}) =>
      (await makeEnterprise(fx.database, { kind, regionCode: place, ...more })).id;
    const at = { establishedOn: '2008-01-01', regionCode: place };
    orgs.push((await makeOrg(fx.database, [await e('private')], at)).id);
    orgs.push((await makeOrg(fx.database, [await e('association')], at)).id);
    orgs.push((await makeOrg(fx.database, [await e('other', { intermediaryKind: 'law_firm' })], at)).id);
    orgs.push((await makeOrg(fx.database, [await e('individual')], at)).id);
    orgs.push(
      (
        await makeOrg(fx.database, [await e('foundation'), await e('hmt')], {
          ...at,
          type: 'joint_branch',
          formation: 'joint',
        })
      ).id,
    );
  }
  await fx.rows(sql`update org_coverages set start_on = '2008-01-01'`);
  for (let i = 0; i < 90; i++) {
    const orgId = pick(orgs);
    const birth = `${pick([1950, 1962, 1965, 1975, 1980, 1989, 1990, 1995, 2001])}-${pick(['01-15', '06-30', '12-31'])}`;
    const joined = pick([
      '1990-07-01',
      '2003-05-04',
      '2004-12-31',
      '2014-12-31',
      '2015-01-01',
      '2019-06-01',
      '2024-12-31',
    ]);
    const fullOn = pick([null, addDays(joined, 365), addDays(joined, 366), '2026-01-05']);
    const since = pick([
      '2010-03-01',
      '2014-12-31',
      '2015-01-01',
      '2019-12-31',
      '2020-01-01',
      '2024-12-31',
      `${YEAR}-01-01`,
      `${YEAR}-06-01`,
    ]);
    const state = pick(STATES);
    const recorded = state === 'recorded_after' ? `${YEAR + 1}-02-01` : addDays(since > joined ? since : joined, 200);
    const [m] = await fx.rows<{ id: number }>(
      sql`insert into members (name, id_number, id_number_hash, birth_date, sex, ethnicity, education, status, joined_on, full_on, org_id)
          values (${`党员${i}`}, ${`X${i}`}, ${`h${i}`}, ${birth}, ${pick(['male', 'female'])},
                  ${pick([null, '汉族', '汉族', '回族', '土家族'])},
                  ${pick([null, 'postgraduate', 'bachelor', 'college', 'secondary_vocational', 'high_school', 'junior_or_below'])},
                  ${fullOn ? 'full' : 'probationary'}, ${joined}, ${fullOn}, ${orgId}) returning id`,
    );
    const outcome =
      state === 'restored_after'
        ? ['restored', `${YEAR + 1}-01-10`]
        : state === 'restored_before'
          ? ['restored', addDays(recorded, 5)]
          : state === 'suspended_before'
            ? ['suspended', addDays(recorded, 5)]
            : [null, null];
    const lostSince = since > joined ? since : joined;
    await fx.rows(
      sql`insert into lost_contacts (member_id, org_id, circumstance, circumstance_note, out_of_contact_since, recorded_on, outcome, outcome_on)
          values (${m?.id}, ${orgId}, ${pick(['1', '2', '3', '4', '5', '6', '7'])}, '备注', ${lostSince}, ${recorded}, ${outcome[0]}, ${outcome[1]})`,
    );
    if (state === 'suspended_before')
      await fx.rows(sql`update members set left_on = ${outcome[1]}, leave_reason = 'lapse' where id = ${m?.id}`);
  }
  report = await inScope(fx.database.db, county, (tx) => nb43Report(tx, county, { region: COUNTY, year: YEAR }, today));
}, 240_000);

afterAll(() => fx?.close());

interface Raw {
  region: string;
  kinds: string[];
  law: boolean;
  status: string;
  fullOn: string | null;
  sex: string;
  ethnicity: string | null;
  birth: string;
  education: string | null;
  since: string;
  circumstance: string;
  recorded: string;
  outcomeOn: string | null;
  leftOn: string | null;
}

/** Whole years from `a` to `b`, written plainly. */
function years(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return by - ay - (bm < am || (bm === am && bd < ad) ? 1 : 0);
}

/** The table as the form reads, over the raw records of one region row. */
function expected(records: Raw[]): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const r of NB43.rows) for (const c of NB43.columns) cells[`${c.letter}${r.no}`] = 0;
  for (const m of records) {
    if (m.recorded > AS_OF || (m.outcomeOn !== null && m.outcomeOn <= AS_OF)) continue;
    if (m.leftOn !== null && m.leftOn <= AS_OF) continue;
    const row = m.kinds.some((k) => ['private', 'hmt', 'foreign'].includes(k))
      ? 7
      : m.law || m.kinds.some((k) => ['association', 'foundation', 'social_service'].includes(k))
        ? 8
        : 9;
    const prob = m.fullOn === null || m.fullOn > AS_OF;
    const age = years(m.birth, AS_OF);
    const standing = prob ? 0 : years(m.fullOn as string, AS_OF);
    const lost = years(m.since, AS_OF);
    const letters = [
      'A',
      prob ? 'B' : '',
      m.sex === 'female' ? 'C' : '',
      m.ethnicity && m.ethnicity !== '汉族' ? 'D' : '',
      age <= 35 ? 'E' : age <= 45 ? 'F' : age <= 60 ? 'G' : 'H',
      standing < 1 ? 'I' : standing <= 5 ? 'J' : standing <= 10 ? 'K' : standing <= 20 ? 'L' : 'M',
      {
        postgraduate: 'N',
        bachelor: 'N',
        college: 'N',
        secondary_vocational: 'O',
        high_school: 'O',
        junior_or_below: 'P',
      }[m.education ?? ''] ?? '',
      lost < 1 ? 'Q' : lost <= 5 ? 'R' : lost <= 10 ? 'S' : 'T',
      ['U', 'V', 'W', 'X', 'Y', 'Z', 'AA'][Number(m.circumstance) - 1] as string,
    ].filter(Boolean);
    for (const r of [1, row]) for (const l of letters) cells[`${l}${r}`] = (cells[`${l}${r}`] ?? 0) + 1;
  }
  return cells;
}

const raw = () =>
  fx.rows<Raw>(sql`
    select o.region_code as region, array_agg(e.kind) as kinds, bool_or(e.intermediary_kind is not null) as law,
           m.status, m.full_on::text as "fullOn", m.sex, m.ethnicity, m.birth_date::text as birth, m.education,
           lc.out_of_contact_since::text as since, lc.circumstance, lc.recorded_on::text as recorded,
           lc.outcome_on::text as "outcomeOn", m.left_on::text as "leftOn"
    from lost_contacts lc join members m on m.id = lc.member_id join party_orgs o on o.id = lc.org_id
    join org_coverages c on c.org_id = o.id join enterprises e on e.id = c.enterprise_id
    group by lc.id, o.region_code, m.id`);

const rowOf = (code: string) => towns.find((t) => code.startsWith(t)) ?? (code.startsWith(COUNTY) ? COUNTY : null);

describe('table 43', () => {
  it('equals the independent count, region row by row and cell by cell', async () => {
    const records = await raw();
    expect(report.rows.map((r) => r.region)).toEqual([...towns, COUNTY]);
    for (const row of report.rows) {
      const want = expected(records.filter((m) => rowOf(m.region) === row.region));
      expect({ region: row.region, ...row.cells }).toEqual({ region: row.region, ...want });
    }
    expect(report.total.A1).toBeGreaterThan(10);
    // Some cases do not count: closed by then, recorded later, or in another county.
    expect(report.total.A1).toBeLessThan(records.length);
  });

  it('has totals that are the sums of the rows, and row 1 is rows 7 + 8 + 9 in every column', () => {
    for (const key of Object.keys(report.total))
      expect(report.total[key], key).toBe(report.rows.reduce((s, r) => s + (r.cells[key] ?? 0), 0));
    for (const c of NB43.columns) {
      const t = report.total;
      expect((t[`${c.letter}7`] ?? 0) + (t[`${c.letter}8`] ?? 0) + (t[`${c.letter}9`] ?? 0), c.letter).toBe(
        t[`${c.letter}1`],
      );
    }
    // Each group of columns that splits everyone adds up to 总数.
    const t = report.total;
    const sum = (ls: string) => ls.split(',').reduce((s, l) => s + (t[`${l}1`] ?? 0), 0);
    for (const group of ['E,F,G,H', 'I,J,K,L,M', 'Q,R,S,T', 'U,V,W,X,Y,Z,AA']) expect(sum(group), group).toBe(t.A1);
  });

  it('prints as the paper form; the file holds the same figures, and each region’s rows add up to the total', async () => {
    const bytes = await nbWorkbook(report, today);
    const book = await expectPrintsAsForm(bytes, { 表43: 6, 按地区: 6 });
    const ws = book.getWorksheet('表43');
    expect(ws?.getCell(1, 1).value).toBe('表43 失去联系党员情况');
    expect(ws?.getRow(6).values).toEqual([undefined, '栏号', '栏号', ...NB43.columns.map((c) => c.letter)]);
    NB43.rows.forEach((r, i) => {
      const line = ws?.getRow(7 + i);
      expect(line?.getCell(2).value).toBe(r.no);
      for (const [j, c] of NB43.columns.entries())
        expect(line?.getCell(3 + j).value).toBe(report.total[`${c.letter}${r.no}`]);
    });
    const byRegion = book.getWorksheet('按地区');
    const lines = NB43.rows.length;
    for (const [j, c] of NB43.columns.entries()) {
      let sum = 0;
      report.rows.forEach((_, k) => {
        sum += Number(byRegion?.getRow(7 + k * lines).getCell(4 + j).value);
      });
      expect(sum, c.letter).toBe(report.total[`${c.letter}1`]);
    }
  });

  it('refuses a region outside the user’s own', async () => {
    await expect(
      inScope(fx.database.db, other, (tx) => nb43Report(tx, other, { region: COUNTY, year: YEAR }, today)),
    ).rejects.toBeInstanceOf(HttpError);
  });
});
