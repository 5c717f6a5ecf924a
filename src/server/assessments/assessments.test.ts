import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ASSESSMENT_SETTINGS } from '../../domain/assessment/settings.ts';
import { addDays } from '../../domain/calendarDate.ts';
import { actorOf } from '../actor.ts';
import { inScope } from '../db/tx.ts';
import { type Logged, signInUsers } from '../regions/regionUsers.testing.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import { makeEnterprise } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { makeFixture } from '../testing/fixture.ts';
import { expectPrintsAsForm } from '../testing/print.ts';
import { areaCounts, assign, from, makeInstructor, period, today } from './assessments.testing.ts';
import { assessmentResults } from './results.ts';

const fx = await fileFixture();

let committee: Logged, leader: Logged, wuhan: Logged;
beforeAll(async () => {
  ({ committee, leader, wuhan } = await signInUsers(fx));
});

/** An instructor with all three parts recorded through the API and ballots written as a link would. */
async function scored(name: string, daily: number[], periodic: number, democratic: number[]) {
  const i = await makeInstructor(fx.database, { name });
  for (const s of daily) {
    const r = await committee.client.post('/api/assessments/daily', { instructorId: i.id, onDate: from, score: s });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  const p = await committee.client.put('/api/assessments/periodic', {
    instructorId: i.id,
    period,
    duties: periodic,
    discipline: periodic,
    effectiveness: periodic,
  });
  expect(p.status, JSON.stringify(p.body)).toBe(200);
  const e = await makeEnterprise(fx.database);
  for (const s of democratic) {
    await fx.rows(sql`insert into appraisal_scores (period, instructor_id, enterprise_id, appraiser, score, submitted_on)
                      values (${period}, ${i.id}, ${e.id}, 'member', ${s}, ${today})`);
  }
  return i;
}

const rowOf = (body: { rows: { instructorId: number }[] }, id: number) => body.rows.find((r) => r.instructorId === id);

describe('settings', () => {
  it('default to 40/40/20, 90/75/60, no cap', async () => {
    const res = await leader.client.get('/api/assessments/settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULT_ASSESSMENT_SETTINGS);
  });

  it('are changed with assessment.write and audited with before and after', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const next = { ...DEFAULT_ASSESSMENT_SETTINGS, weights: { daily: 50, periodic: 30, democratic: 20 } };
    const res = await committee.client.put('/api/assessments/settings', next);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await committee.client.get('/api/assessments/settings')).body).toEqual(next);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => [a.action, a.result])).toEqual([['assessment.settings', 'success']]);
    expect(audit[0].diff).toEqual({ regionCode: '420500', before: DEFAULT_ASSESSMENT_SETTINGS, after: next });
    await committee.client.put('/api/assessments/settings', DEFAULT_ASSESSMENT_SETTINGS);
  });

  it.each([
    [{ weights: { daily: 40, periodic: 40, democratic: 30 } }, 'weights', '三项权重之和须为 100，现为 110'],
    [{ thresholds: { excellent: 70, competent: 75, basic: 60 } }, 'thresholds', '分数线须依次降低'],
    [{ excellentCap: 0 }, 'excellentCap', '优秀比例上限须为 1–100 的整数'],
  ])('%o is refused naming %s; nothing changes', async (patch, field, message) => {
    const before = await areaCounts(fx.database);
    const res = await committee.client.put('/api/assessments/settings', { ...DEFAULT_ASSESSMENT_SETTINGS, ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(res.body.error.details[0].field).toBe(field);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('a leader reads but may not change them', async () => {
    const res = await leader.client.put('/api/assessments/settings', DEFAULT_ASSESSMENT_SETTINGS);
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
  });
});

describe('daily and periodic entries', () => {
  it('a daily entry is stored, listed and audited; a mistaken one removed', async () => {
    const i = await makeInstructor(fx.database);
    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.client.post('/api/assessments/daily', {
      instructorId: i.id,
      onDate: today,
      score: 88.5,
      note: '按时走访',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = await leader.client.get(`/api/assessments/daily?period=${period}&instructorId=${i.id}`);
    expect(list.body).toEqual([
      { id: res.body.id, instructorId: i.id, instructorName: i.name, onDate: today, score: 88.5, note: '按时走访' },
    ]);
    const del = await committee.client.request('DELETE', `/api/assessments/daily/${res.body.id}`, {});
    expect(del.status).toBe(200);
    expect((await leader.client.get(`/api/assessments/daily?period=${period}&instructorId=${i.id}`)).body).toEqual([]);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['assessment.daily_add', 'assessment.daily_remove']);
    expect(audit[1].diff).toMatchObject({ score: 88.5, onDate: today });
  });

  it.each([
    [{ score: 100.01 }, 'score', '分数须为 0–100，最多两位小数'],
    [{ score: -1 }, 'score', '分数须为 0–100，最多两位小数'],
    [{ score: 90.123 }, 'score', '分数须为 0–100，最多两位小数'],
    [{ onDate: addDays(today, 1) }, 'onDate', `考核日期（${addDays(today, 1)}）晚于今天`],
    [{ onDate: '2026-02-30' }, 'onDate', '日期不存在'],
  ])('%o is refused naming %s', async (patch, field, message) => {
    const i = await makeInstructor(fx.database);
    const before = await areaCounts(fx.database);
    const res = await committee.client.post('/api/assessments/daily', {
      instructorId: i.id,
      onDate: today,
      score: 90,
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field, message });
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('the periodic assessment is entered once per half year and corrected in place, audited with the previous scores', async () => {
    const i = await makeInstructor(fx.database);
    const body = { instructorId: i.id, period, duties: 90, discipline: 80, effectiveness: 70 };
    expect((await committee.client.put('/api/assessments/periodic', body)).status).toBe(200);
    const seq = await lastAuditSeq(fx.database.db);
    expect((await committee.client.put('/api/assessments/periodic', { ...body, duties: 95 })).status).toBe(200);
    const rows = await fx.rows(
      sql`select duties::float8 as duties from periodic_assessments where instructor_id = ${i.id}`,
    );
    expect(rows).toEqual([{ duties: 95 }]);
    const [audit] = await auditAfter(fx.database.db, seq);
    expect(audit.diff).toEqual({
      period,
      before: { duties: 90, discipline: 80, effectiveness: 70 },
      after: { duties: 95, discipline: 80, effectiveness: 70 },
    });
  });

  it.each([
    ['2026H3', '考核期为半年度'],
    ['2099H1', '不能为尚未开始的半年度录入定期考核'],
  ])('period %s is refused', async (p, message) => {
    const i = await makeInstructor(fx.database);
    const res = await committee.client.put('/api/assessments/periodic', {
      instructorId: i.id,
      period: p,
      duties: 90,
      discipline: 90,
      effectiveness: 90,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });
});

describe('results', () => {
  it('give the breakdown, the weighted final score and the grade at the boundaries', async () => {
    // 0.4·90 + 0.4·90 + 0.2·90 = 90 → 优秀; 0.4·89.99 + 0.4·89.99 + 0.2·89.99 = 89.99 → 称职.
    const a = await scored('甲', [90, 90], 90, [85, 95]);
    const b = await scored('乙', [89.99], 89.99, [89.99]);
    const c = await scored('丙', [60], 60, [60]);
    const d = await scored('丁', [59.99], 59.99, [59.99]);
    const res = await leader.client.get(`/api/assessments/results?period=${period}`);
    expect(res.status).toBe(200);
    expect(rowOf(res.body, a.id)).toMatchObject({
      name: '甲',
      department: '工信局',
      daily: 90,
      dailyEntries: 2,
      periodic: 90,
      democratic: 90,
      ballots: 2,
      final: 90,
      grade: 'excellent',
      gradeLabel: '优秀',
      incomplete: false,
    });
    expect(rowOf(res.body, b.id)).toMatchObject({ final: 89.99, grade: 'competent', gradeLabel: '称职' });
    expect(rowOf(res.body, c.id)).toMatchObject({ final: 60, grade: 'basic', gradeLabel: '基本称职' });
    expect(rowOf(res.body, d.id)).toMatchObject({ final: 59.99, grade: 'incompetent', gradeLabel: '不称职' });
  });

  it('a missing component: incomplete, no final score, no grade', async () => {
    const i = await makeInstructor(fx.database);
    await committee.client.post('/api/assessments/daily', { instructorId: i.id, onDate: today, score: 95 });
    const res = await leader.client.get(`/api/assessments/results?period=${period}`);
    expect(rowOf(res.body, i.id)).toMatchObject({
      daily: 95,
      periodic: null,
      democratic: null,
      final: null,
      grade: null,
      incomplete: true,
      missing: ['periodic', 'democratic'],
    });
  });

  it('entries of another half year do not count', async () => {
    const i = await makeInstructor(fx.database);
    await committee.client.post('/api/assessments/daily', { instructorId: i.id, onDate: addDays(from, -1), score: 10 });
    const res = await leader.client.get(`/api/assessments/results?period=${period}`);
    expect(rowOf(res.body, i.id)).toMatchObject({ daily: null, dailyEntries: 0 });
  });

  it('the excellent cap, configured, demotes the lowest of the 优秀 to 称职 by the stated order', async () => {
    const local = await makeFixture();
    try {
      const boss = await local.clientAs({ roles: ['committee'], regionCode: '420500' });
      const make = async (name: string, daily: number, periodic: number, democratic: number) => {
        const i = await makeInstructor(local.database, { name });
        await local.rows(
          sql`insert into daily_assessments (instructor_id, on_date, score) values (${i.id}, ${from}, ${daily})`,
        );
        await local.rows(sql`insert into periodic_assessments (instructor_id, period, duties, discipline, effectiveness)
                             values (${i.id}, ${period}, ${periodic}, ${periodic}, ${periodic})`);
        const e = await makeEnterprise(local.database);
        await local.rows(sql`insert into appraisal_scores (period, instructor_id, enterprise_id, appraiser, score, submitted_on)
                             values (${period}, ${i.id}, ${e.id}, 'owner', ${democratic}, ${from})`);
        return i.id;
      };
      const top = await make('一', 95, 95, 95);
      // Both 92: the higher democratic average wins the tie.
      const tieHighDem = await make('二', 89.5, 92, 97);
      const tieLowDem = await make('三', 92, 92, 92);
      const low = await make('四', 70, 70, 70);
      const res = await boss.client.put('/api/assessments/settings', {
        ...DEFAULT_ASSESSMENT_SETTINGS,
        excellentCap: 50,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const results = (await boss.client.get(`/api/assessments/results?period=${period}`)).body;
      // 4 graded × 50 % = 2 may be 优秀.
      const byId = Object.fromEntries(
        results.rows.map((r: { instructorId: number; final: number; grade: string; capped: boolean }) => [
          r.instructorId,
          [r.final, r.grade, r.capped],
        ]),
      );
      expect(byId).toEqual({
        [top]: [95, 'excellent', false],
        [tieHighDem]: [92, 'excellent', false],
        [tieLowDem]: [92, 'competent', true],
        [low]: [70, 'basic', false],
      });
    } finally {
      await local.close();
    }
  });

  it('cover only the actor’s region: Wuhan sees none of Yichang’s instructors', async () => {
    const i = await scored('宜昌的指导员', [90], 90, [90]);
    const res = await wuhan.client.get(`/api/assessments/results?period=${period}`);
    expect(res.status).toBe(200);
    expect(rowOf(res.body, i.id)).toBeUndefined();
  });

  it('assessmentResults (for the instructor summary) returns one row per instructor of the scope', async () => {
    const i = await makeInstructor(fx.database, { regionCode: '420506' });
    const outside = await makeInstructor(fx.database, { regionCode: '420102' });
    const actor = actorOf({ ...committee.user, roles: ['committee'], orgId: null, instructorId: null }, null);
    const rows = await inScope(fx.database.db, actor, (tx) => assessmentResults(tx, actor, period));
    const ids = rows.map((r) => r.instructorId);
    expect(ids).toContain(i.id);
    expect(ids).not.toContain(outside.id);
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining([
        'instructorId',
        'name',
        'department',
        'daily',
        'periodic',
        'democratic',
        'final',
        'grade',
        'incomplete',
      ]),
    );
  });

  it('export as .xlsx: title, unit line, rule line, header, one row per instructor; the export is audited', async () => {
    const i = await scored('导出', [91], 91, [91]);
    const seq = await lastAuditSeq(fx.database.db);
    const res = await leader.client.get(`/api/assessments/results/export?period=${period}`, { binary: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('考核结果');
    if (!sheet) throw new Error('no sheet');
    expect(String(sheet.getCell('A1').value)).toMatch(/职能党建指导员考核结果（\d{4}年[上下]半年）/);
    expect(String(sheet.getCell('A2').value)).toContain(`填报日期：${today}`);
    expect(String(sheet.getCell('A3').value)).toContain('日常考核 40% + 定期考核 40% + 民主测评 20%');
    expect(sheet.getRow(4).values).toContain('综合得分');
    const row = sheet.getRows(5, sheet.rowCount - 4)?.find((r) => r.getCell(2).value === '导出');
    expect(row?.values).toEqual([undefined, expect.any(Number), '导出', '工信局', 91, 1, 91, 91, 1, 91, '优秀']);
    const json = (await leader.client.get(`/api/assessments/results?period=${period}`)).body;
    const names = json.rows.map((r: { name: string }) => r.name);
    const sheetNames = sheet.getRows(5, json.rows.length)?.map((r) => r.getCell(2).value);
    expect(sheetNames).toEqual(names);
    expect((await auditAfter(fx.database.db, seq)).map((a) => a.action)).toEqual(['assessment.export']);
    expect(i.id).toBeGreaterThan(0);
    await expectPrintsAsForm(res.bytes as Buffer, { 考核结果: 4 });
  });
});

describe('scope: another region’s instructor is absent and nothing changes', () => {
  it.each([
    ['POST', '/api/assessments/daily', (id: number) => ({ instructorId: id, onDate: today, score: 90 })],
    [
      'PUT',
      '/api/assessments/periodic',
      (id: number) => ({ instructorId: id, period, duties: 90, discipline: 90, effectiveness: 90 }),
    ],
  ])('%s %s → 404', async (method, path, body) => {
    const i = await makeInstructor(fx.database, { regionCode: '420502' });
    const before = await areaCounts(fx.database);
    const res = await wuhan.client.request(method, path, body(i.id));
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('DELETE of another region’s daily entry → 404, the entry stays', async () => {
    const i = await makeInstructor(fx.database);
    const { body } = await committee.client.post('/api/assessments/daily', {
      instructorId: i.id,
      onDate: today,
      score: 80,
    });
    const before = await areaCounts(fx.database);
    const res = await wuhan.client.request('DELETE', `/api/assessments/daily/${body.id}`, {});
    expect(res.status).toBe(404);
    expect(await areaCounts(fx.database)).toEqual(before);
  });

  it('an instructor account may not read results at all', async () => {
    const i = await makeInstructor(fx.database);
    const e = await makeEnterprise(fx.database);
    await assign(fx.database, i.id, e.id, from);
    const own = await fx.clientAs({ roles: ['instructor'], regionCode: '420500', instructorId: i.id });
    const res = await own.client.get(`/api/assessments/results?period=${period}`);
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
  });
});
