// `dangjian report instructors`: one JSON object on stdout, the .xlsx with the same figures,
// and one Chinese line on stderr for what it refuses.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../domain/calendarDate.ts';
import { weekMonday } from '../domain/casework/weeks.ts';
import { seeded } from '../domain/random.ts';
import { makeUscc } from '../domain/uscc.ts';
import { SUMMARY_FIGURES } from '../server/casework/summary.ts';
import { SUMMARY_COLUMNS } from '../server/casework/summaryColumns.ts';
import { queryRows } from '../server/db/rows.ts';
import { runCli } from '../server/testing/cli.ts';
import { seededDataDir } from './dataDir.testing.ts';

const today = localDateString(new Date());
// Four weeks, Monday to Sunday, well in the past.
const from = addDays(weekMonday(today), -7 * 10);
const to = addDays(from, 27);
const rand = seeded(5);

const dir = seededDataDir(async (db) => {
  const one = async (q: ReturnType<typeof sql>) => (await queryRows<{ id: number }>(db, q))[0].id;
  const dept = await one(sql`insert into departments (name, sort_order) values ('组织部', 1) returning id`);
  await one(sql`insert into departments (name, sort_order) values ('工信局', 2) returning id`);
  const instructor = await one(
    sql`insert into instructors (kind, name, source_department_id, region_code) values ('instructor', '赵指导', ${dept}, '420502') returning id`,
  );
  const enterprise = await one(
    sql`insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count)
        values (${makeUscc(rand)}, '宜昌某某科技有限公司', 'private', '420502', 50, 0, 0) returning id`,
  );
  const a = await one(
    sql`insert into assignments (instructor_id, enterprise_id, start_on) values (${instructor}, ${enterprise}, ${from}) returning id`,
  );
  // Contacts in the first and third weeks: two weeks missed.
  for (const on of [addDays(from, 1), addDays(from, 15), addDays(from, 16)]) {
    await db.execute(
      sql`insert into contacts (assignment_id, on_date, kind, with_whom) values (${a}, ${on}, 'phone', '总经理')`,
    );
  }
  await db.execute(sql`insert into requests (assignment_id, category, description, status, received_on, closed_on,
                         last_update_on, grants, trainees)
                       values (${a}, 'training', '培训', 'resolved', ${addDays(from, 2)}, ${addDays(from, 9)},
                         ${addDays(from, 9)}, 12.5, 30)`);
  await db.execute(sql`insert into outcomes (assignment_id, on_date, role, kind, quantity)
                       values (${a}, ${addDays(from, 3)}, 'guide', 'systems', 3)`);
});

describe('dangjian report instructors', () => {
  it('--json prints one object: region, from, to, rows, total, instructors', async () => {
    const res = await runCli(
      ['report', 'instructors', '--region', '420500', '--from', from, '--to', to, '--json'],
      dir(),
    );
    expect(res.code, res.stderr).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(Object.keys(json)).toEqual(['region', 'from', 'to', 'rows', 'total', 'instructors']);
    expect([json.region, json.from, json.to]).toEqual(['420500', from, to]);
    expect(json.rows.map((r: { department: string }) => r.department)).toEqual(['组织部', '工信局']);
    expect(json.rows[0]).toMatchObject({
      instructors: 1,
      enterprises: 1,
      contacts: 3,
      weeksMissed: 2,
      requestsReceived: 1,
      requestsResolved: 1,
      problems: 1,
      grants: 12.5,
      trainees: 30,
      systems: 3,
    });
    for (const f of SUMMARY_FIGURES) {
      expect([f, json.total[f]]).toEqual([f, json.rows.reduce((s: number, r: Record<string, number>) => s + r[f], 0)]);
    }
    expect(json.instructors).toMatchObject([{ name: '赵指导', contacts: 3, weeksMissed: 2, score: null, grade: null }]);
  });

  it('--out writes the .xlsx with the same figures', async () => {
    const file = path.join(dir(), 'summary.xlsx');
    const args = ['report', 'instructors', '--region', '420500', '--from', from, '--to', to];
    const [written, printed] = [
      await runCli([...args, '--out', file], dir()),
      await runCli([...args, '--json'], dir()),
    ];
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout.trim()).toBe(`已写出 ${file}`);
    const json = JSON.parse(printed.stdout);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    const figures = (row: number) => SUMMARY_COLUMNS.map((_, i) => sheet.getCell(row, i + 2).value);
    expect(sheet.getCell(5, 1).value).toBe('合计');
    expect(figures(5)).toEqual(SUMMARY_COLUMNS.map((c) => json.total[c.key]));
    expect(sheet.getCell(6, 1).value).toBe('组织部');
    expect(figures(6)).toEqual(SUMMARY_COLUMNS.map((c) => json.rows[0][c.key]));
    expect(book.worksheets[1].getCell(4, 1).value).toBe('赵指导');
  });

  it.each([
    [['--region', '420599', '--from', '2026-01-01', '--to', '2026-06-30'], '错误：行政区划代码 420599 不存在'],
    [
      ['--region', '420500', '--from', '2026-06-30', '--to', '2026-01-01'],
      '错误：结束日期（2026-01-01）早于开始日期（2026-06-30）',
    ],
    [['--region', '420500', '--from', '2026-02-30', '--to', '2026-06-30'], '错误：--from 2026-02-30：日期不存在'],
  ])('refuses %j with one line on stderr', async (args, message) => {
    const res = await runCli(['report', 'instructors', ...args, '--json'], dir());
    expect([res.code, res.stdout, res.stderr.trim()]).toEqual([1, '', message]);
  });
});
