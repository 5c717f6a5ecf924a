// 组织生活情况 and 作用发挥情况 (issue #15 item 9) over records made here: each figure against
// what was recorded, totals the sums of the rows in the JSON and in the .xlsx read back, the
// sheets print as the paper form, and a region out of scope is refused.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { DEFAULT_FREQUENCIES } from '../../domain/orglife/meetings.ts';
import {
  ACHIEVEMENT_COLUMNS,
  ACHIEVEMENT_COUNT_KEYS,
  ORGLIFE_COLUMNS,
  ORGLIFE_COUNT_KEYS,
} from '../../domain/reports/activityForms.ts';
import { cellValue, type FormColumn } from '../../domain/reports/forms.ts';
import { members } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { restoreSafeText } from '../files/write.ts';
import { putOrglifeSettings } from '../orglife/settings.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';
import { expectPrintsAsForm } from '../testing/print.ts';
import { achievementsReport } from './achievementsReport.ts';
import { activityWorkbook } from './activityXlsx.ts';
import { orglifeReport } from './orglifeReport.ts';

let fx: Fixture;
const today = localDateString(new Date());
const committee = actorOf({ id: 1, username: 'c', displayName: 'c', regionCode: '420500', roles: ['committee'] });
const run = <T>(fn: (tx: Parameters<Parameters<typeof inScope>[2]>[0]) => Promise<T>) =>
  inScope(fx.database.db, committee, fn);

let memberN = 0;
async function member(orgId: number, employerId: number) {
  memberN++;
  const [row] = await fx.database.db
    .insert(members)
    .values({
      orgId,
      employerId,
      name: `党员${memberN}`,
      idNumber: `placeholder-r-${memberN}`,
      idNumberHash: `activity-report-${memberN}`,
      birthDate: '1990-01-01',
      sex: 'female',
      status: 'probationary',
      joinedOn: '2018-01-01',
    })
    .returning();
  return (row as { id: number }).id;
}

async function meeting(orgId: number, kind: string, heldOn: string, recorded = true) {
  const [row] = await fx.rows<{ id: number }>(
    sql`insert into meetings (org_id, kind, held_on, topic, attendance_recorded)
        values (${orgId}, ${kind}, ${heldOn}, '会议', ${recorded}) returning id`,
  );
  return (row as { id: number }).id;
}

async function attend(meetingId: number, memberId: number, present: boolean, guest = false) {
  await fx.rows(sql`insert into meeting_attendance (meeting_id, member_id, present, voting, guest, absent_reason)
    values (${meetingId}, ${memberId}, ${present}, ${!guest}, ${guest}, ${present ? null : 'leave'})`);
}

async function achievement(orgId: number, enterpriseId: number, kind: string, extra: Record<string, unknown> = {}) {
  const v = {
    onDate: '2025-05-01',
    adopted: null,
    fulfilled: null,
    benefit: null,
    amount: null,
    fromOn: null,
    toOn: null,
    ...extra,
  };
  await fx.rows(sql`insert into achievements (org_id, enterprise_id, kind, on_date, content, adopted, fulfilled, benefit, amount, from_on, to_on)
    values (${orgId}, ${enterpriseId}, ${kind}, ${v.onDate}, '内容', ${v.adopted}, ${v.fulfilled}, ${v.benefit}, ${v.amount},
      ${v.fromOn}, ${v.toOn})`);
}

async function engagement(enterpriseId: number, orgId: number | null, kind: string, funds: number | null = null) {
  await fx.rows(sql`insert into owner_engagements (enterprise_id, org_id, kind, occurred_on, topics, funds)
    values (${enterpriseId}, ${orgId}, ${kind}, '2025-06-01', '话题', ${funds})`);
}

async function orgAppraisal(orgId: number, grade: string, weak = false) {
  await fx.rows(sql`insert into org_appraisals (org_id, year, grade, weak, appraised_on, appraising_body,
      rectification_steps, rectification_due_on)
    values (${orgId}, 2025, ${grade}, ${weak}, '2026-01-10', '区委组织部',
      ${weak ? sql`array['整改']` : sql`null`}, ${weak ? '2026-06-30' : null})`);
}

async function memberAppraisal(memberId: number, orgId: number, result: string) {
  await fx.rows(sql`insert into member_appraisals (member_id, org_id, year, result, appraised_on, follow_up_due_on)
    values (${memberId}, ${orgId}, 2025, ${result}, '2026-01-10', ${result === 'unqualified' ? '2026-03-10' : null})`);
}

beforeAll(async () => {
  fx = await makeFixture();
  // Two kinds required: 支部党员大会 every quarter, 组织生活会 every year; the rest not asked.
  await run((tx) =>
    putOrglifeSettings(tx, {
      ...Object.fromEntries(Object.keys(DEFAULT_FREQUENCIES).map((k) => [k, 'none'])),
      general_meeting: 'quarter',
      life_meeting: 'year',
      leaveInQuorum: 'count',
    } as never),
  );
  const e1 = (await makeEnterprise(fx.database, { regionCode: '420502' })).id;
  const e2 = (await makeEnterprise(fx.database, { regionCode: '420503' })).id;
  const e3 = (await makeEnterprise(fx.database, { regionCode: '420500' })).id;
  const a = (await makeOrg(fx.database, [e1], { regionCode: '420502', establishedOn: '2019-01-01' })).id;
  const b = (await makeOrg(fx.database, [e2], { regionCode: '420503', establishedOn: '2019-01-01' })).id;
  // Set up mid-year: only the quarters it existed from the start of are asked of it.
  const c = (await makeOrg(fx.database, [e3], { regionCode: '420500', establishedOn: '2025-06-15' })).id;
  const [m1, m2, m3, m4] = [await member(a, e1), await member(a, e1), await member(b, e2), await member(b, e2)];
  // A: every quarter and the year's 组织生活会 held.
  const aq1 = await meeting(a, 'general_meeting', '2025-02-10');
  await attend(aq1, m1 as number, true);
  await attend(aq1, m2 as number, false);
  await attend(aq1, m3 as number, true, true); // a guest: present, not expected
  for (const d of ['2025-05-10', '2025-08-10', '2025-11-10']) await meeting(a, 'general_meeting', d);
  await meeting(a, 'life_meeting', '2025-12-20');
  await meeting(a, 'general_meeting', '2024-11-10'); // last year: not counted
  // B: no 支部党员大会 in the third quarter (missed), one 党课 and a 主题党日 without attendance recorded.
  for (const d of ['2025-02-11', '2025-05-11', '2025-11-11']) await meeting(b, 'general_meeting', d);
  await meeting(b, 'life_meeting', '2025-12-21');
  const lecture = await meeting(b, 'party_lecture', '2025-03-01');
  await attend(lecture, m3 as number, true);
  await attend(lecture, m4 as number, true);
  const themeDay = await meeting(b, 'theme_day', '2025-04-01', false);
  await attend(themeDay, m3 as number, false);
  // C: the third and fourth quarters held.
  for (const d of ['2025-07-01', '2025-10-01']) await meeting(c, 'general_meeting', d);

  await achievement(a, e1, 'proposal', { adopted: true });
  await achievement(a, e1, 'proposal', { adopted: false });
  await achievement(a, e1, 'proposal', { adopted: true, onDate: '2024-12-31' }); // last year
  await achievement(a, e1, 'pledge', { fulfilled: true });
  await achievement(a, e1, 'pledge');
  await achievement(a, e1, 'problem_solved');
  await achievement(a, e1, 'innovation', { benefit: '12.50' });
  await achievement(b, e2, 'innovation', { benefit: '0.10' });
  await achievement(b, e2, 'innovation');
  await achievement(a, e1, 'contribution', { amount: '3.25' });
  await achievement(b, e2, 'contribution', { amount: '0.20' });
  await achievement(c, e3, 'model_post');
  await achievement(c, e3, 'responsibility_zone');
  // Model posts and zones count in the years they are in force (from–to, inclusive), not the year recorded.
  await achievement(c, e3, 'model_post', { onDate: '2023-03-01', fromOn: '2023-03-01' }); // still in force
  await achievement(c, e3, 'model_post', { onDate: '2023-01-01', fromOn: '2023-01-01', toOn: '2025-01-01' }); // its last day in 2025
  await achievement(c, e3, 'model_post', { onDate: '2023-01-01', fromOn: '2023-01-01', toOn: '2024-12-31' }); // ended before
  await achievement(c, e3, 'responsibility_zone', { onDate: '2025-12-20', fromOn: '2026-01-01' }); // starts after
  await engagement(e2, b, 'communication');
  await engagement(e2, b, 'application');
  await engagement(e3, null, 'org_request');
  await engagement(e1, a, 'support', 5.5);
  await orgAppraisal(a, 'advanced');
  await orgAppraisal(b, 'lagging', true);
  await orgAppraisal(c, 'ordinary');
  await memberAppraisal(m1 as number, a, 'excellent');
  await memberAppraisal(m2 as number, a, 'qualified');
  await memberAppraisal(m3 as number, b, 'basically_qualified');
  await memberAppraisal(m4 as number, b, 'unqualified');
});

const row = (r: { rows: { region: string }[] }, region: string) => r.rows.find((x) => x.region === region);

function expectTotals(r: { total: object; rows: object[] }, keys: readonly string[]) {
  for (const k of keys) {
    const sum = r.rows.reduce((s, x) => s + (x as Record<string, number>)[k], 0);
    expect(sum, k).toBeCloseTo((r.total as Record<string, number>)[k], 6);
  }
}

/** The .xlsx read back: 合计 then the rows, each cell the figure the JSON has; 合计 the sum of the rows. */
async function expectSheet(r: { total: object; rows: { name: string }[] }, columns: FormColumn<string>[], buf: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = book.worksheets[0] as ExcelJS.Worksheet;
  const lines: { label: string; values: unknown[]; formats: string[] }[] = [];
  ws.eachRow((x) => {
    const v = (x.values as unknown[]).slice(1);
    lines.push({
      label: typeof v[0] === 'string' ? restoreSafeText(v[0]) : '',
      values: v.slice(1),
      formats: v.slice(1).map((_, i) => x.getCell(i + 2).numFmt),
    });
  });
  const first = lines.findIndex((x) => x.label === '合计');
  expect(first).toBeGreaterThan(0);
  [r.total, ...r.rows].forEach((x, i) => {
    columns.forEach((c, j) => {
      const v = cellValue(x, c);
      expect(lines[first + i]?.values[j], c.key).toEqual(v === null ? '—' : v);
      if (v !== null && c.kind === 'rate') expect(lines[first + i]?.formats[j]).toBe('0.0%');
    });
  });
  columns.forEach((c, j) => {
    if (c.kind === 'rate') return;
    const sum = r.rows.reduce((s, _, i) => s + (lines[first + 1 + i]?.values[j] as number), 0);
    expect(sum, c.key).toBeCloseTo(lines[first]?.values[j] as number, 6);
  });
}

describe('组织生活情况', () => {
  it('counts orgs, those that held every due meeting, meetings by kind and attendance by the org’s region', async () => {
    const r = await run((tx) => orglifeReport(tx, committee, { region: '420500', year: 2025 }, today));
    expect(r).toMatchObject({ report: 'orglife', asOf: '2025-12-31', partial: false });
    expectTotals(r, ORGLIFE_COUNT_KEYS);
    expect(row(r, '420502')).toMatchObject({ orgs: 1, orgsAllHeld: 1, generalMeetings: 4, lifeMeetings: 1 });
    expect(row(r, '420502')).toMatchObject({ expected: 2, present: 1, attendanceRate: 0.5 });
    expect(row(r, '420503')).toMatchObject({ orgs: 1, orgsAllHeld: 0, generalMeetings: 3, partyLectures: 1 });
    expect(row(r, '420503')).toMatchObject({ themeDays: 1, expected: 2, present: 2 });
    expect(r.rows.at(-1)).toMatchObject({ region: '420500', direct: true, orgs: 1, orgsAllHeld: 1 });
    expect(r.total).toMatchObject({ orgs: 3, orgsAllHeld: 2, generalMeetings: 9, lifeMeetings: 2, memberReviews: 0 });
    expect(r.total).toMatchObject({ expected: 4, present: 3, attendanceRate: 0.75 });
    await expectSheet(r, ORGLIFE_COLUMNS, await activityWorkbook(r, today));
  });

  it('drills down: a child region’s report has its own rows', async () => {
    const r = await run((tx) => orglifeReport(tx, committee, { region: '420503', year: 2025 }, today));
    expect(r.total).toMatchObject({ orgs: 1, orgsAllHeld: 0, generalMeetings: 3 });
    expectTotals(r, ORGLIFE_COUNT_KEYS);
  });
});

describe('作用发挥情况', () => {
  it('counts each record of the year once, amounts in 万元, engagement by the enterprise’s region', async () => {
    const r = await run((tx) => achievementsReport(tx, committee, { region: '420500', year: 2025 }, today));
    expectTotals(r, ACHIEVEMENT_COUNT_KEYS);
    expect(row(r, '420502')).toMatchObject({
      proposals: 2,
      proposalsAdopted: 1,
      pledges: 2,
      pledgesFulfilled: 1,
      problemsSolved: 1,
      innovations: 1,
      innovationBenefit: 12.5,
      contribution: 3.25,
      funds: 5.5,
      orgAdvanced: 1,
      memberExcellent: 1,
      memberQualified: 1,
    });
    expect(row(r, '420503')).toMatchObject({
      innovations: 2,
      innovationBenefit: 0.1,
      contribution: 0.2,
      communications: 1,
      applications: 1,
      orgLagging: 1,
      orgWeak: 1,
      memberBasicallyQualified: 1,
      memberUnqualified: 1,
    });
    expect(r.rows.at(-1)).toMatchObject({ direct: true, modelPosts: 3, responsibilityZones: 1, orgRequests: 1 });
    expect(r.total).toMatchObject({ proposals: 2, innovationBenefit: 12.6, contribution: 3.45, orgOrdinary: 1 });
    await expectSheet(r, ACHIEVEMENT_COLUMNS, await activityWorkbook(r, today));
  });
});

describe('routes', () => {
  it('answer JSON and audited, printable .xlsx; a region out of scope is refused and nothing is exported', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const exports = async (action: string) =>
      (
        await fx.rows<{ n: number }>(
          sql`select count(*)::int as n from audit_log where action = ${action} and result = 'success'`,
        )
      )[0]?.n;
    for (const [name, sheet] of [
      ['orglife', '组织生活情况'],
      ['achievements', '作用发挥情况'],
    ] as const) {
      const json = await client.get(`/api/reports/${name}?region=420500&year=2025`);
      expect(json.status).toBe(200);
      expect(json.body.report).toBe(name);
      const res = await client.get(`/api/reports/${name}.xlsx?region=420500&year=2025`, { binary: true });
      expect(res.status).toBe(200);
      await expectPrintsAsForm(res.bytes as Buffer, { [sheet]: 5 });
      expect(await exports(`report.${name}_export`)).toBe(1);
      const { client: county } = await fx.clientAs({ roles: ['committee'], regionCode: '420503' });
      expect((await county.get(`/api/reports/${name}?region=420500&year=2025`)).status).toBe(404);
      expect((await county.get(`/api/reports/${name}.xlsx?region=420502&year=2025`)).status).toBe(404);
      expect((await county.get(`/api/reports/${name}?region=420503&year=2025`)).status).toBe(200);
      expect(await exports(`report.${name}_export`)).toBe(1);
    }
  });
});
