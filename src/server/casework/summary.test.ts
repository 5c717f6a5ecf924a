// The instructor work summary (reports.md §3): figures worked out by hand from a small
// dataset, totals equal the sums of the rows, the .xlsx equals the JSON, and the region is kept.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { halfYearOf } from '../../domain/assessment/period.ts';
import { addDays } from '../../domain/calendarDate.ts';
import { weekMonday } from '../../domain/casework/weeks.ts';
import { localOperator } from '../actor.ts';
import { assessmentResults } from '../assessments/results.ts';
import { inScope } from '../db/tx.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectPrintsAsForm } from '../testing/print.ts';
import {
  makeAssignment,
  makeDepartment,
  makeDevelopment,
  makeInstructor,
  makeMember,
  today,
} from './casework.testing.ts';
import { SUMMARY_FIGURES } from './summary.ts';
import { SUMMARY_COLUMNS, SUMMARY_GROUPS } from './summaryColumns.ts';

const fx = await fileFixture();

let committee: Logged;

// A ten-week period, Monday P0 to Sunday P1, thirty weeks back: every week of it is over.
const P0 = addDays(weekMonday(today()), -7 * 30);
const P1 = addDays(P0, 69);
const d = (n: number) => addDays(P0, n);
const query = (region: string) => `region=${region}&from=${P0}&to=${P1}`;

const ids = { i1: 0, i2: 0, i3: 0 };

async function request(assignmentId: number, receivedOn: string, steps: Record<string, unknown>[] = []) {
  const res = await committee.client.post('/api/casework/requests', {
    assignmentId,
    receivedOn,
    category: 'financing',
    description: '诉求',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const step of steps) {
    const r = await committee.client.post(`/api/casework/requests/${res.body.id}/updates`, step);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

async function contact(assignmentId: number, onDate: string) {
  const res = await committee.client.post('/api/casework/contacts', {
    assignmentId,
    onDate,
    kind: 'visit',
    withWhom: '负责人',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function outcome(
  assignmentId: number,
  onDate: string,
  kind: string,
  quantity: number,
  benefit: number | null = null,
) {
  const res = await committee.client.post('/api/casework/outcomes', {
    assignmentId,
    onDate,
    role: 'guide',
    kind,
    quantity,
    benefit,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  const d1 = await makeDepartment(fx.database, '组织部', 1);
  const d2 = await makeDepartment(fx.database, '=工信局', 2);
  await makeDepartment(fx.database, '人社局', 3);
  const i1 = await makeInstructor(fx.database, d1.id, { name: '甲指导员' });
  const i2 = await makeInstructor(fx.database, d1.id, { name: '乙联络员', kind: 'liaison' });
  const i3 = await makeInstructor(fx.database, d2.id, { name: '丙指导员' });
  const i4 = await makeInstructor(fx.database, d2.id, { name: '丁指导员', regionCode: '420102' });
  Object.assign(ids, { i1: i1.id, i2: i2.id, i3: i3.id });
  const e1 = await makeEnterprise(fx.database, { regionCode: '420502' });
  const e2 = await makeEnterprise(fx.database, { regionCode: '420506' });
  const e3 = await makeEnterprise(fx.database, { regionCode: '420506' });
  const wuhan = await makeEnterprise(fx.database, { regionCode: '420102' });
  const org = await makeOrg(fx.database, [e1.id, e2.id]);

  // A1: 甲 at e1 from two weeks before the period, open-ended.
  const a1 = await makeAssignment(fx.database, i1.id, e1.id, d(-14));
  await contact(a1.id, d(-5)); // before the period
  for (let k = 0; k < 8; k++) await contact(a1.id, d(1 + 7 * k)); // weeks 1–8; weeks 9 and 10 missed
  // A2: 乙 at e2 from a Thursday for four weeks: three whole weeks, one with a contact.
  const a2 = await makeAssignment(fx.database, i2.id, e2.id, d(3), d(31));
  await contact(a2.id, d(8));
  // A3: 丙 at e1 (shared with 甲) from the sixth week: five weeks, none contacted.
  const a3 = await makeAssignment(fx.database, i3.id, e1.id, d(35));
  // Not in the summary: 丙 after the period, 丁 in Wuhan.
  const a4 = await makeAssignment(fx.database, i3.id, e3.id, d(80));
  const a5 = await makeAssignment(fx.database, i4.id, wuhan.id, d(0));
  await fx.rows(
    sql`insert into contacts (assignment_id, on_date, kind, with_whom) values (${a5.id}, ${d(2)}, 'visit', '负责人')`,
  );

  await request(a1.id, d(2), [{ onDate: d(20), status: 'resolved', note: '到位', values: { grants: 50.5, hires: 2 } }]);
  await request(a1.id, d(30));
  await request(a3.id, d(40), [
    { onDate: d(41), status: 'coordinating', note: '协调' },
    { onDate: d(75), status: 'resolved', note: '到位', values: { loans: 100 } },
  ]);
  await request(a2.id, d(10), [
    { onDate: d(12), status: 'coordinating', note: '协调' },
    { onDate: d(20), status: 'unresolved', note: '不符合条件' },
  ]);
  await request(a4.id, d(81));
  await fx.rows(sql`insert into requests (assignment_id, category, description, status, received_on, closed_on, last_update_on, grants)
                    values (${a5.id}, 'financing', '武汉', 'resolved', ${d(5)}, ${d(6)}, ${d(6)}, 9)`);

  await outcome(a1.id, d(5), 'systems', 2);
  await outcome(a1.id, d(6), 'funds', 0.1);
  await outcome(a1.id, d(7), 'funds', 0.2);
  await outcome(a1.id, d(9), 'innovations', 1, 80);
  await outcome(a1.id, d(-3), 'venues', 1); // before the period
  await outcome(a2.id, d(12), 'pledges', 4);
  await outcome(a3.id, d(71), 'proposals', 1); // after the period

  await makeDevelopment(fx.database, org.id, e1.id, { activistOn: d(4), admittedOn: d(50) });
  await makeDevelopment(fx.database, org.id, e2.id, { activistOn: d(10), admittedOn: d(72) });
  await makeMember(fx.database, org.id, e2.id, d(20));
});

const expectedRows = () => [
  {
    department: '组织部',
    instructors: 1,
    liaisons: 1,
    enterprises: 2,
    contacts: 9,
    weeksMissed: 4,
    requestsReceived: 3,
    requestsResolved: 1,
    activists: 2,
    members: 2,
    systems: 2,
    venues: 0,
    funds: 0.3,
    pledges: 4,
    proposals: 0,
    problems: 1,
    innovations: 1,
    benefit: 80,
    grants: 50.5,
    loans: 0,
    hires: 2,
    trainees: 0,
    feesReduced: 0,
  },
  {
    department: '=工信局',
    ...Object.fromEntries(SUMMARY_FIGURES.map((f) => [f, 0])),
    instructors: 1,
    enterprises: 1,
    weeksMissed: 5,
    requestsReceived: 1,
    members: 1,
  },
  { department: '人社局', ...Object.fromEntries(SUMMARY_FIGURES.map((f) => [f, 0])) },
];

describe('GET /api/reports/instructors', () => {
  it('one row per department, the figures as worked out by hand', async () => {
    const res = await committee.client.get(`/api/reports/instructors?${query('420500')}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ region: '420500', regionName: '宜昌市', from: P0, to: P1 });
    expect(res.body.rows).toEqual(expectedRows());
  });

  it('合计 is the sum of the rows, figure by figure', async () => {
    const { body } = await committee.client.get(`/api/reports/instructors?${query('420500')}`);
    for (const f of SUMMARY_FIGURES) {
      const sum = body.rows.reduce((s: number, r: Record<string, number>) => s + r[f], 0);
      expect([f, body.total[f]]).toEqual([f, Math.round(sum * 100) / 100]);
    }
    expect(body.total).toMatchObject({ instructors: 2, liaisons: 1, enterprises: 3, contacts: 9, weeksMissed: 9 });
  });

  it('lists the instructors with their work and their assessment', async () => {
    // An assessment of the half year holding the period's end, as the assessment area records it.
    const period = halfYearOf(P1);
    await fx.rows(
      sql`insert into daily_assessments (instructor_id, on_date, score) values (${ids.i1}, ${P1}::date, 92)`,
    );
    await fx.rows(sql`insert into periodic_assessments (instructor_id, period, duties, discipline, effectiveness)
                      values (${ids.i1}, ${period}, 90, 88, 94)`);
    await fx.rows(sql`insert into appraisal_scores (period, instructor_id, enterprise_id, appraiser, score, submitted_on)
                      select ${period}, ${ids.i1}, enterprise_id, 'owner', 95, ${P1}::date from assignments
                      where instructor_id = ${ids.i1} limit 1`);
    const { body } = await committee.client.get(`/api/reports/instructors?${query('420500')}`);
    const actor = { ...localOperator(), scopePrefix: '4205' };
    const assessed = await inScope(fx.database.db, actor, (tx) => assessmentResults(tx, actor, period));
    const mine = assessed.find((r) => r.instructorId === ids.i1)!;
    expect(mine.final).not.toBeNull();
    expect(body.assessmentPeriod).toBe(period);
    expect(body.instructors).toEqual([
      {
        id: ids.i1,
        name: '甲指导员',
        kind: 'instructor',
        department: '组织部',
        enterprises: 1,
        contacts: 8,
        weeksMissed: 2,
        requestsReceived: 2,
        requestsResolved: 1,
        score: mine.final,
        grade: mine.grade,
        gradeLabel: mine.gradeLabel,
      },
      {
        id: ids.i2,
        name: '乙联络员',
        kind: 'liaison',
        department: '组织部',
        enterprises: 1,
        contacts: 1,
        weeksMissed: 2,
        requestsReceived: 1,
        requestsResolved: 0,
        score: null,
        grade: null,
        gradeLabel: null,
      },
      {
        id: ids.i3,
        name: '丙指导员',
        kind: 'instructor',
        department: '=工信局',
        enterprises: 1,
        contacts: 0,
        weeksMissed: 5,
        requestsReceived: 1,
        requestsResolved: 0,
        score: null,
        grade: null,
        gradeLabel: null,
      },
    ]);
  });

  it('keeps to the region asked for', async () => {
    const { body } = await committee.client.get(`/api/reports/instructors?${query('420506')}`);
    expect(body.rows[0]).toMatchObject({
      department: '组织部',
      instructors: 0,
      liaisons: 1,
      enterprises: 1,
      contacts: 1,
      weeksMissed: 2,
      requestsReceived: 1,
      activists: 1,
      members: 1,
      pledges: 4,
      grants: 0,
    });
    expect(body.instructors.map((i: { name: string }) => i.name)).toEqual(['乙联络员']);
  });

  it.each<[string, string, number, string]>([
    ['a region outside the actor’s', `region=420100&from=${P0}&to=${P1}`, 403, '所选行政区划不在您的管辖范围内'],
    ['a region that does not exist', `region=420599&from=${P0}&to=${P1}`, 400, '行政区划代码 420599 不存在'],
    ['a period running backwards', `region=420500&from=${P1}&to=${P0}`, 400, `结束日期（${P0}）早于开始日期（${P1}）`],
    ['a date that does not exist', 'region=420500&from=2026-02-30&to=2026-03-01', 400, 'from：日期不存在'],
  ])('%s is refused', async (_name, q, status, message) => {
    for (const path of ['/api/reports/instructors', '/api/reports/instructors/export']) {
      const res = await committee.client.get(`${path}?${q}`);
      expect([res.status, res.body?.error?.message]).toEqual([status, message]);
    }
  });
});

describe('GET /api/reports/instructors/export', () => {
  it('is laid out like the paper form, and holds exactly the JSON’s figures', async () => {
    const json = (await committee.client.get(`/api/reports/instructors?${query('420500')}`)).body;
    const res = await committee.client.get(`/api/reports/instructors/export?${query('420500')}`, { binary: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const [sheet, people] = book.worksheets;

    const width = 1 + SUMMARY_COLUMNS.length;
    expect(sheet.getCell(1, 1).value).toBe(`宜昌市指导员工作情况汇总（${P0} 至 ${P1}）`);
    expect(sheet.getCell(1, width).master.address).toBe('A1');
    expect(sheet.getCell(2, 1).value).toBe('填报单位：宜昌市');
    expect(String(sheet.getCell(2, width).value)).toBe(`填报日期：${today()}`);
    // Two header rows: the department cell spans both, each group spans its columns.
    expect(sheet.getCell(4, 1).master.address).toBe('A3');
    let col = 2;
    for (const g of SUMMARY_GROUPS) {
      expect(sheet.getCell(3, col).value).toBe(g.label);
      expect(sheet.getCell(3, col + g.columns.length - 1).master.address).toBe(sheet.getCell(3, col).address);
      for (const c of g.columns) expect(sheet.getCell(4, col++).value).toBe(`${c.label}（${c.unit}）`);
    }
    const figures = (row: number) => SUMMARY_COLUMNS.map((_, i) => sheet.getCell(row, i + 2).value);
    expect(sheet.getCell(5, 1).value).toBe('合计');
    expect(figures(5)).toEqual(SUMMARY_COLUMNS.map((c) => json.total[c.key]));
    json.rows.forEach((r: Record<string, number | string>, k: number) => {
      // A name starting with = is written as text, never as a formula.
      expect(sheet.getCell(6 + k, 1).value).toBe(r.department === '=工信局' ? "'=工信局" : r.department);
      expect(figures(6 + k)).toEqual(SUMMARY_COLUMNS.map((c) => r[c.key]));
    });
    expect(sheet.getCell(6, 2).alignment?.horizontal).toBe('right');
    await expectPrintsAsForm(res.bytes as Buffer, { 指导员工作情况汇总: 4, 指导员名单: 3 });
    const footer = 6 + json.rows.length + 1;
    expect(sheet.getCell(footer, 1).value).toBe('填表人：');
    expect(sheet.getCell(footer, Math.floor(width / 2) + 1).value).toBe('审核人：');

    expect(people.getCell(3, 1).value).toBe('姓名');
    json.instructors.forEach((line: Record<string, unknown>, k: number) => {
      const row = people.getRow(4 + k);
      expect([row.getCell(1).value, row.getCell(5).value, row.getCell(6).value, row.getCell(9).value ?? null]).toEqual([
        line.name,
        line.contacts,
        line.weeksMissed,
        line.score,
      ]);
      expect(row.getCell(10).value ?? null).toBe(line.gradeLabel);
    });
    const [audit] = await fx.rows<{ action: string }>(
      sql`select action from audit_log where action = 'report.instructors_export' and result = 'success'`,
    );
    expect(audit).toBeDefined();
  });
});
