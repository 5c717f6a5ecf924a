// The contact_missed prompt lists the first assignments by enterprise and instructor name and
// counts all of them, within the committee's region: the count is the size of the whole list,
// whatever the limit (the dashboard's figure and the to-do bell read the count alone).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendarDate.ts';
import { weekMonday } from '../../domain/casework/weeks.ts';
import { actorOf } from '../actor.ts';
import { makeAssignment, makeDepartment, makeInstructor, today } from '../casework/casework.testing.ts';
import { inScope } from '../db/tx.ts';
import { makeEnterprise } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { caseworkSections } from './casework.ts';

const fx = await fileFixture();

const lastWeek = addDays(weekMonday(today()), -7);
const started = addDays(lastWeek, -14);
// Names that differ by one Latin letter: the same order in every collation.
const names = ['C', 'A', 'B', 'D', 'E'].map((x) => `企业${x}有限公司`);
let expected: { id: number; title: string }[] = [];
let instructorB = 0;

beforeAll(async () => {
  const dept = await makeDepartment(fx.database, '工信局');
  const a = await makeInstructor(fx.database, dept.id, { name: '指导A' });
  const b = await makeInstructor(fx.database, dept.id, { name: '指导B' });
  instructorB = b.id;
  const rows: { id: number; title: string; instructor: string }[] = [];
  for (const name of names) {
    const e = await makeEnterprise(fx.database, { name, regionCode: '420502' });
    for (const [who, instructor] of [
      [b, '指导B'],
      [a, '指导A'],
    ] as const) {
      const row = await makeAssignment(fx.database, who.id, e.id, started);
      rows.push({ id: row.id, title: name, instructor });
    }
  }
  // Not counted: in another city, begun after last week, ended.
  const wuhan = await makeEnterprise(fx.database, { name: '武汉企业有限公司', regionCode: '420102' });
  await makeAssignment(fx.database, a.id, wuhan.id, started);
  const late = await makeEnterprise(fx.database, { name: '新企业有限公司', regionCode: '420502' });
  await makeAssignment(fx.database, a.id, late.id, today());
  const ended = await makeEnterprise(fx.database, { name: '旧企业有限公司', regionCode: '420502' });
  await makeAssignment(fx.database, a.id, ended.id, started, addDays(lastWeek, 3));
  // Not counted: contacted last week, though never before.
  const kept = await makeEnterprise(fx.database, { name: '联系企业有限公司', regionCode: '420502' });
  const contacted = await makeAssignment(fx.database, b.id, kept.id, started);
  await fx.rows(
    sql`insert into contacts (assignment_id, on_date, kind, with_whom) values (${contacted.id}, ${addDays(lastWeek, 2)}, 'visit', '负责人')`,
  );
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  rows.sort((x, y) => cmp(x.title, y.title) || cmp(x.instructor, y.instructor) || x.id - y.id);
  expected = rows.map(({ id, title }) => ({ id, title }));
});

describe('contact_missed', () => {
  it('lists the first assignments in name order and counts every one in the region', async () => {
    const user = await fx.makeUser({ roles: ['committee'], regionCode: '420500' });
    const actor = actorOf({ ...user, totpEnabled: true }, null);
    const section = async (limit: number) => {
      const sections = await inScope(fx.database.db, actor, (tx) => caseworkSections(tx, actor, today(), limit));
      return sections.find((s) => s.key === 'contact_missed')!;
    };
    for (const limit of [1, 3, 50]) {
      const s = await section(limit);
      expect(s.total).toBe(10);
      expect(s.items.map((i) => ({ id: i.link.id, title: i.title }))).toEqual(expected.slice(0, limit));
    }
    // Begun on a Monday three weeks before this one: three whole weeks missed.
    expect((await section(1)).items[0]!.message).toMatch(/选派以来共 3 周未联系$/);
  });

  it('an instructor has only their own assignments (the scope is applied inside the search, migration 0034)', async () => {
    const user = await fx.makeUser({ roles: ['instructor'], regionCode: '420500', instructorId: instructorB });
    const actor = actorOf({ ...user, totpEnabled: true }, null);
    const sections = await inScope(fx.database.db, actor, (tx) => caseworkSections(tx, actor, today(), 50));
    const s = sections.find((x) => x.key === 'contact_missed')!;
    const mine = expected.filter((_, i) => i % 2 === 1);
    expect(s.total).toBe(5);
    expect(s.items.map((i) => ({ id: i.link.id, title: i.title }))).toEqual(mine);
    expect(s.items.every((i) => i.message.includes('指导员 指导B'))).toBe(true);
  });
});
