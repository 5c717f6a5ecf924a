// 23 of 80 is 28.8 % on every surface the server feeds (issue #11): the dashboard's API, the
// report's JSON as its screen prints it, and the report's .xlsx cell. The float 23 / 80 is
// 0.28749999…; printed with toFixed it was 28.7 % on the dashboard.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../../domain/random.ts';
import { ANNUAL_COLUMNS, cellText, QUARTERLY_COLUMNS } from '../../domain/reports/forms.ts';
import { percent, ratePercent } from '../../domain/stats/rate.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { enterprises } from '../db/schema.ts';
import type { TestClient } from '../testing/client.ts';
import { makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';

const REGION = '420505';
let fx: Fixture;
let client: TestClient;

beforeAll(async () => {
  fx = await makeFixture();
  client = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  const inserted = await fx.database.db
    .insert(enterprises)
    .values(
      Array.from({ length: 80 }, (_, i) => ({
        uscc: makeUscc(seeded(23_080 + i)),
        name: `猇亭比率企业${i}`,
        kind: 'private',
        regionCode: REGION,
        employees: 20,
        memberCount: 0,
        fullMemberCount: 0,
        foundedOn: '2015-01-01',
      })),
    )
    .returning({ id: enterprises.id });
  for (const { id } of inserted.slice(0, 23))
    await makeOrg(fx.database, [id], { establishedOn: '2020-01-01', regionCode: REGION });
}, 120_000);
afterAll(() => fx.close());

describe('23 of 80 is 28.8 %', () => {
  it('on the dashboard: its API sends the counts the page prints the rate from, and the float prints alike', async () => {
    const res = await client.get(`/api/dashboard?region=${REGION}`);
    expect(res.status).toBe(200);
    const ledger = res.body.ledger;
    expect(ledger).toMatchObject({ orgCovered: 23, inScope: 80, standalone: 23 });
    // RateCard prints from the counts, the trend and lagging panel from a fraction: both 28.8 %.
    expect(ratePercent(ledger.orgCovered, ledger.inScope)).toBe('28.8%');
    expect(percent(ledger.orgCoverageRate)).toBe('28.8%');
    const city = await client.get('/api/dashboard?region=420500');
    const row = city.body.children.find((c: { code: string }) => c.code === REGION);
    expect(ratePercent(row.ledger.orgCovered, row.ledger.inScope)).toBe('28.8%');
    const trend = await client.get(`/api/stats/trend?region=${REGION}&quarters=2`);
    expect(trend.status).toBe(200);
    const last = trend.body.at(-1);
    expect(ratePercent(last.orgCovered, last.inScope)).toBe('28.8%');
  });

  it('in a report: the JSON as the screen prints it, and the .xlsx cell', async () => {
    const json = await client.get(`/api/reports/annual?region=${REGION}&year=2025`);
    expect(json.status).toBe(200);
    expect(json.body.total).toMatchObject({ orgCovered: 23, inScope: 80 });
    const col = ANNUAL_COLUMNS.findIndex((c) => c.key === 'orgCoverageRate');
    expect(cellText(json.body.total, ANNUAL_COLUMNS[col] as (typeof ANNUAL_COLUMNS)[number])).toBe('28.8%');
    const quarterly = await client.get(`/api/reports/quarterly?region=${REGION}&quarter=2025Q4`);
    const qcol = QUARTERLY_COLUMNS.find((c) => c.key === 'orgCoverageRate') as (typeof QUARTERLY_COLUMNS)[number];
    expect(cellText(quarterly.body.total, qcol)).toBe('28.8%');

    const xlsx = await client.get(`/api/reports/annual.xlsx?region=${REGION}&year=2025`, { binary: true });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = book.worksheets[0] as ExcelJS.Worksheet;
    let total: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '合计') total = r;
    });
    const cell = (total as ExcelJS.Row).getCell(2 + col);
    // The cell holds the rate the form prints, as a fraction under 0.0%: every spreadsheet
    // program shows 28.8 % (there is no half left to round).
    expect(cell.value).toBe(0.288);
    expect(cell.numFmt).toBe('0.0%');
    expect(`${((cell.value as number) * 100).toFixed(1)}%`).toBe('28.8%');
  });

  it('in the lagging report: each region’s rate from its counts', async () => {
    const res = await client.get('/api/reports/lagging?region=420500');
    expect(res.status).toBe(200);
    const row = res.body.children.find((c: { region: string }) => c.region === REGION);
    expect(row).toMatchObject({ orgCovered: 23, inScope: 80 });
    expect(ratePercent(row.orgCovered, row.inScope)).toBe('28.8%');
    expect(percent(row.orgCoverageRate)).toBe('28.8%');
  });
});
