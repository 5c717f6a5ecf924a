// Training (issue #16 items 1, 5, 7, 8; rules.md §6, §12): classes recorded once from the
// roster with attendance, each person's yearly hours against the requirement at its boundaries
// (default and configured per region), a candidate's centralised training read from the 发展对象
// class, online courses marked done counting their hours, the report's totals equal the sums of
// its rows in JSON and .xlsx, and the scope of a secretary, a leader, an instructor and another county.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { idNumberCheckChar } from '../../domain/idNumber.ts';
import { TRAINING_COUNT_KEYS } from '../../domain/reports/trainingForm.ts';
import { makeDepartment, makeInstructor } from '../casework/casework.testing.ts';
import { restoreSafeText } from '../files/write.ts';
import { memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectPrintsAsForm } from '../testing/print.ts';

const fx = await fileFixture();
const { city, county, otherCounty } = await signInCountyCommittees(fx);
const today = localDateString(new Date());
// Last year: over, so every class of it has ended and the report is not partial.
const year = Number(today.slice(0, 4)) - 1;
const on = (md: string) => `${year}-${md}`;

let orgA: number;
let orgB: number;
let a: number[];
let b1: number;
let instructorId: number;
let secretary: Logged;
let otherSecretary: Logged;
let leader: Logged;
let instructor: Logged;

async function member(orgId: number, name: string) {
  const res = await county.client.post('/api/members', memberBody(orgId, { name }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

const klass = (more: Record<string, unknown> = {}) => ({
  kind: 'member',
  title: '党员集中轮训',
  organiser: '西陵区委组织部',
  startsOn: on('03-01'),
  endsOn: on('03-02'),
  hours: 16,
  placeText: '区委党校',
  attendance: [],
  ...more,
});

async function createClass(body: Record<string, unknown>, client = county) {
  const res = await client.client.post('/api/training/classes', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

const hoursOf = async (client: Logged, orgId: number) => {
  const res = await client.client.get(`/api/orgs/${orgId}/training-hours?year=${year}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    below: number;
    rows: {
      id: number;
      name: string;
      group: string;
      hours: number;
      required: number;
      missing: number;
      below: boolean;
    }[];
  };
};

beforeAll(async () => {
  orgA = (await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420502' })).id])).id;
  orgB = (await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420502' })).id])).id;
  a = [];
  for (const n of ['甲', '乙', '丙', '丁']) a.push(await member(orgA, `党员${n}`));
  b1 = await member(orgB, '党员戊');
  // 党员甲 is the branch secretary: 56 hours apply to them.
  const officer = await county.client.post(`/api/orgs/${orgA}/officers`, {
    post: 'secretary',
    personName: '党员甲',
    memberId: a[0],
    startOn: `${year - 1}-01-01`,
  });
  expect(officer.status, JSON.stringify(officer.body)).toBe(200);
  const dept = await makeDepartment(fx.database, '区工信局');
  instructorId = (await makeInstructor(fx.database, dept.id, { regionCode: '420502', name: '指导员己' })).id;
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgA });
  otherSecretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgB });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420502' });
  instructor = await fx.clientAs({ roles: ['instructor'], regionCode: '420502', instructorId });
});

describe('a class recorded once, from the roster', () => {
  it('records members present and absent and an instructor, audited in the same transaction', async () => {
    const id = await createClass(
      klass({
        attendance: [
          { memberId: a[0], present: true },
          { memberId: a[1], present: true },
          { memberId: a[2], present: false },
          { instructorId, present: true },
        ],
      }),
    );
    const read = await county.client.get(`/api/training/classes/${id}`);
    expect(read.body).toMatchObject({ kindLabel: '党员集中轮训', days: 2, hours: 16, participants: 4, present: 3 });
    expect(read.body.attendance.map((x: { name: string }) => x.name)).toEqual([
      '党员甲',
      '党员乙',
      '党员丙',
      '指导员己',
    ]);
    const [audit] = await fx.rows<{ action: string; entity: string }>(
      sql`select action, entity from audit_log where entity = 'training_class' and entity_id = ${String(id)}`,
    );
    expect(audit).toEqual({ action: 'training.class_create', entity: 'training_class' });
  });

  it('refuses, naming the row in Chinese, a person twice, one out of scope, a candidate in a members’ class, and nothing is written', async () => {
    const farOrg = (
      await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420506' })).id], {
        regionCode: '420506',
      })
    ).id;
    const far = await otherCounty.client.post('/api/members', memberBody(farOrg, { name: '外区党员' }));
    expect(far.status, JSON.stringify(far.body)).toBe(200);
    const outsider = far.body.id as number;
    const before = await fx.rows(sql`select count(*)::int as n from training_classes`);
    const cases: [unknown[], string][] = [
      [
        [
          { memberId: a[0], present: true },
          { memberId: a[0], present: false },
        ],
        '第 2 行：同一党员重复登记',
      ],
      [[{ present: true }], '第 1 行：请选择一名党员、指导员或发展对象'],
      [[{ memberId: a[0], instructorId, present: true }], '第 1 行：请选择一名党员、指导员或发展对象'],
      [[{ developmentId: 1, present: true }], '第 1 行：发展对象只能登记在发展对象集中培训中'],
      [[{ memberId: 99999999, present: true }], '第 1 行：该党员不在管辖范围内或已不在册'],
    ];
    for (const [attendance, message] of cases) {
      const res = await county.client.post('/api/training/classes', klass({ attendance }));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    const late = await county.client.post(
      '/api/training/classes',
      klass({ startsOn: on('03-05'), endsOn: on('03-01') }),
    );
    expect(late.body.error.details[0]).toMatchObject({ field: 'endsOn' });
    expect(late.body.error.message).toContain('早于开始日期');
    // Another county's member is not on this county's roster.
    const res = await county.client.post(
      '/api/training/classes',
      klass({ attendance: [{ memberId: outsider, present: true }] }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'attendance.0' });
    expect(await fx.rows(sql`select count(*)::int as n from training_classes`)).toEqual(before);
  });

  it('is recorded by the committee only: a secretary, a leader and an instructor are refused', async () => {
    for (const who of [secretary, leader, instructor]) {
      expect((await who.client.post('/api/training/classes', klass())).status).toBe(403);
    }
  });
});

describe('hours against the yearly requirement (rules.md §12)', () => {
  let k: number;
  beforeAll(async () => {
    // So far: 甲 16 (officer), 乙 16, 丙 0 (absent), 丁 0. Bring 乙 to 31.5 and 丁 to 32.
    k = await createClass(
      klass({
        title: '党员冬训',
        startsOn: on('11-10'),
        endsOn: on('11-11'),
        hours: 15.5,
        attendance: [
          { memberId: a[1], present: true },
          { memberId: a[3], present: true },
        ],
      }),
    );
    await createClass(
      klass({
        title: '专题党课',
        startsOn: on('12-01'),
        endsOn: on('12-01'),
        hours: 16.5,
        attendance: [{ memberId: a[3], present: true }],
      }),
    );
  });

  it('31.5 is below 32, 32 meets it; an officer needs 56; listed by name, never by hours', async () => {
    const r = await hoursOf(secretary, orgA);
    const by = Object.fromEntries(r.rows.map((x) => [x.name, x]));
    expect(by.党员甲).toMatchObject({ group: 'officer', hours: 16, required: 56, missing: 40, below: true });
    expect(by.党员乙).toMatchObject({ group: 'member', hours: 31.5, required: 32, missing: 0.5, below: true });
    expect(by.党员丙).toMatchObject({ hours: 0, required: 32, below: true });
    expect(by.党员丁).toMatchObject({ hours: 32, required: 32, missing: 0, below: false });
    expect(r.below).toBe(3);
    const names = r.rows.map((x) => x.name);
    expect(names).toEqual([...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
  });

  it('follows the region’s configured requirement; a sibling county keeps the default', async () => {
    const put = await county.client.put('/api/settings/training', { member: 31.5, officer: 16, instructor: 24 });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const by = Object.fromEntries((await hoursOf(county, orgA)).rows.map((x) => [x.name, x]));
    expect(by.党员乙).toMatchObject({ required: 31.5, below: false });
    expect(by.党员甲).toMatchObject({ required: 16, below: false });
    expect((await otherCounty.client.get('/api/settings/training')).body).toEqual({
      member: 32,
      officer: 56,
      instructor: 24,
    });
    const bad = await county.client.put('/api/settings/training', { member: 31.3, officer: 56, instructor: 24 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('以 0.5 为单位');
    expect(
      (await secretary.client.put('/api/settings/training', { member: 1, officer: 1, instructor: 1 })).status,
    ).toBe(403);
    await county.client.put('/api/settings/training', { member: 32, officer: 56, instructor: 24 });
  });

  it('a secretary sees their own org only; another secretary gets 404', async () => {
    expect((await otherSecretary.client.get(`/api/orgs/${orgA}/training-hours?year=${year}`)).status).toBe(404);
    expect((await otherCounty.client.get(`/api/orgs/${orgA}/training-hours?year=${year}`)).status).toBe(404);
    const classes = await otherSecretary.client.get(`/api/training/classes?year=${year}`);
    expect(classes.body).toEqual([]);
    expect((await otherSecretary.client.get(`/api/training/classes/${k}`)).status).toBe(404);
  });

  it('an instructor sees their own hours (against 24) and only the classes they sat', async () => {
    const mine = await instructor.client.get(`/api/training/my-hours?year=${year}`);
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body).toMatchObject({ name: '指导员己', hours: 16, required: 24, missing: 8, below: true });
    expect(mine.body.items).toEqual([{ source: 'class', title: '党员集中轮训', on: on('03-02'), hours: 16 }]);
    const classes = await instructor.client.get(`/api/training/classes?year=${year}`);
    expect(classes.body.map((c: { title: string }) => c.title)).toEqual(['党员集中轮训']);
    expect((await instructor.client.get(`/api/orgs/${orgA}/training-hours?year=${year}`)).status).toBe(404);
  });

  it('lists the orgs with members below as a prompt (a count per org, no names, no ranking)', async () => {
    const res = await secretary.client.get('/api/prompts');
    expect(res.status).toBe(200);
    const section = res.body.sections.find((s: { key: string }) => s.key === 'training');
    // This year nobody has hours yet in orgA: all four are below.
    expect(section).toMatchObject({
      total: 1,
      items: [{ title: expect.any(String), link: { type: 'org', id: orgA } }],
    });
    expect(section.items[0].message).toContain('4 名党员本年度培训学时尚未达到要求（其中书记、支部委员 1 名）');
  });
});

describe('the online party school', () => {
  let course: number;
  it('publishes a course to a region; a secretary marks it done for members; its hours count in the year marked', async () => {
    const res = await county.client.post('/api/training/courses', {
      title: '学习贯彻党的二十届四中全会精神',
      topic: '理论学习',
      hours: 0.5,
      videoUrl: '/media/courses/01.mp4',
      publishedOn: on('01-10'),
      regions: ['420502'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    course = res.body.id;
    const listed = await secretary.client.get('/api/training/courses');
    expect(listed.body.map((c: { id: number }) => c.id)).toContain(course);
    const mark = await secretary.client.post(`/api/training/courses/${course}/completions`, {
      memberIds: [a[1]],
      completedOn: on('06-01'),
    });
    expect(mark.status, JSON.stringify(mark.body)).toBe(200);
    const by = Object.fromEntries((await hoursOf(secretary, orgA)).rows.map((x) => [x.name, x]));
    expect(by.党员乙).toMatchObject({ hours: 32, below: false });
    const again = await secretary.client.post(`/api/training/courses/${course}/completions`, {
      memberIds: [a[1]],
      completedOn: on('06-02'),
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('党员乙已登记学完该课程');
  });

  it('refuses members of another org, a foreign video scheme, and an instructor marks for themself', async () => {
    const other = await secretary.client.post(`/api/training/courses/${course}/completions`, {
      memberIds: [b1],
      completedOn: on('06-01'),
    });
    expect(other.status).toBe(400);
    expect(other.body.error.details[0].field).toBe('memberIds.0');
    const bad = await county.client.post('/api/training/courses', {
      title: '课程',
      topic: '专题',
      hours: 1,
      videoUrl: 'javascript:alert(1)',
      publishedOn: on('01-10'),
      regions: ['420502'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('videoUrl');
    const outside = await county.client.post('/api/training/courses', {
      title: '课程',
      topic: '专题',
      hours: 1,
      videoUrl: null,
      publishedOn: on('01-10'),
      regions: ['420506'],
    });
    expect(outside.body.error.details[0].field).toBe('regions.0');
    const self = await instructor.client.post(`/api/training/courses/${course}/completions`, {
      completedOn: on('07-01'),
    });
    expect(self.status, JSON.stringify(self.body)).toBe(200);
    const mine = await instructor.client.get(`/api/training/my-hours?year=${year}`);
    expect(mine.body).toMatchObject({ hours: 16.5, classHours: 16, courseHours: 0.5 });
    // Another county does not see the course, nor can it mark it.
    expect(
      (
        await otherCounty.client.post(`/api/training/courses/${course}/completions`, {
          memberIds: [a[1]],
          completedOn: on('06-01'),
        })
      ).status,
    ).toBe(400);
    expect((await otherCounty.client.get('/api/training/courses')).body.map((c: { id: number }) => c.id)).not.toContain(
      course,
    );
    // A course someone has done cannot be withdrawn; undoing the mark first allows it.
    expect((await county.client.request('DELETE', `/api/training/courses/${course}`)).status).toBe(409);
  });
});

describe('a candidate’s centralised training is the 发展对象 class record (rules.md §6)', () => {
  let seq = 0;
  const idNumber = () => {
    seq++;
    const first17 = `42050219950601${String(seq).padStart(2, '0')}1`;
    return first17 + idNumberCheckChar(first17);
  };
  const candidate = async () => {
    const res = await county.client.post('/api/developments', {
      orgId: orgA,
      name: `发展对象${seq + 1}`,
      idNumber: idNumber(),
      appliedOn: '2023-03-01',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const id = res.body.id as number;
    const p = await county.client.patch(`/api/developments/${id}`, {
      talkedOn: '2023-03-20',
      activistOn: '2023-06-01',
      contacts: ['张三'],
      candidateOn: '2024-06-01',
      politicalReviewOn: '2024-07-01',
      introducers: ['李四', '王五'],
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    return id;
  };
  const candidateClass = (developmentId: number, startsOn: string, endsOn: string, hours: number) =>
    klass({
      kind: 'candidate',
      title: '发展对象培训班',
      startsOn,
      endsOn,
      hours,
      attendance: [{ developmentId, present: true }],
    });

  it('reads days and hours from the class, refuses typing them with a pointer, and admits on them', async () => {
    const id = await candidate();
    const classId = await createClass(candidateClass(id, '2024-07-10', '2024-07-12', 20));
    const dev = (await county.client.get(`/api/developments/${id}`)).body;
    expect(dev).toMatchObject({ trainingDays: 3, trainingHours: 20, trainingFromClass: true });
    const typed = await county.client.patch(`/api/developments/${id}`, { trainingHours: 30 });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details[0].field).toBe('trainingHours');
    expect(typed.body.error.message).toContain(`《发展对象培训班》（2024-07-10 至 2024-07-12，编号 ${classId}）`);
    // The same figures sent back by a form are no change.
    expect((await county.client.patch(`/api/developments/${id}`, { trainingDays: 3, trainingHours: 20 })).status).toBe(
      200,
    );
    const admit = await county.client.patch(`/api/developments/${id}`, { admittedOn: '2024-09-01' });
    expect(admit.status, JSON.stringify(admit.body)).toBe(200);
    // Withdrawing the class would leave the admitted candidate without training: refused.
    const del = await county.client.request('DELETE', `/api/training/classes/${classId}`);
    expect(del.status).toBe(400);
    expect(del.body.error.message).toContain('接收前的集中培训不能少于3天或24学时');
  });

  it('a 2-day, 23-hour class is not enough to admit; a second class makes it; typed data stays readable without a class', async () => {
    const id = await candidate();
    await createClass(candidateClass(id, '2024-07-10', '2024-07-11', 23));
    const short = await county.client.patch(`/api/developments/${id}`, { admittedOn: '2024-09-01' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toContain('现为 2 天、23 学时');
    await createClass(candidateClass(id, '2024-08-01', '2024-08-01', 1));
    expect((await county.client.get(`/api/developments/${id}`)).body).toMatchObject({
      trainingDays: 3,
      trainingHours: 24,
    });
    expect((await county.client.patch(`/api/developments/${id}`, { admittedOn: '2024-09-01' })).status).toBe(200);

    const typedOnly = await candidate();
    const t = await county.client.patch(`/api/developments/${typedOnly}`, { trainingDays: 3 });
    expect(t.status).toBe(200);
    expect((await county.client.get(`/api/developments/${typedOnly}`)).body).toMatchObject({
      trainingDays: 3,
      trainingFromClass: false,
    });
  });

  it('the secretary of the candidate’s org sees the county’s class; another secretary does not', async () => {
    const list = await secretary.client.get('/api/training/classes?year=2024');
    expect(list.body.map((c: { title: string }) => c.title)).toContain('发展对象培训班');
    expect((await otherSecretary.client.get('/api/training/classes?year=2024')).body).toEqual([]);
  });
});

describe('培训情况 report', () => {
  it('counts classes, 人次, people and hours by the holding region; totals equal the rows in JSON and .xlsx', async () => {
    // A city class with a member of 西陵区: held by the city itself (本级).
    await createClass(
      klass({ title: '市级书记培训班', kind: 'secretary', hours: 8, attendance: [{ memberId: a[0], present: true }] }),
      city,
    );
    const res = await city.client.get(`/api/reports/training?region=420500&year=${year}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    const xiling = r.rows.find((x: { region: string }) => x.region === '420502');
    // 西陵区: 3 classes; present 甲, 乙, instructor; 乙, 丁; 丁 → 6 attendances, 4 people, 16*3 + 15.5*2 + 16.5 hours.
    expect(xiling).toMatchObject({ classes: 3, attendances: 6, people: 4, hours: 95.5 });
    // On the roster: 甲–丁, 戊, the two candidates admitted above; and the instructor. Below: 甲
    // (24 of 56, the city class included), 丙, 戊, the two new members, the instructor (16.5 of 24).
    expect(xiling).toMatchObject({ assessed: 8, belowRequirement: 6 });
    const own = r.rows.find((x: { direct?: boolean }) => x.direct);
    expect(own).toMatchObject({ classes: 1, attendances: 1, people: 1, hours: 8 });
    for (const k of TRAINING_COUNT_KEYS) {
      const sum = r.rows.reduce((s: number, x: Record<string, number>) => s + x[k], 0);
      expect(Math.round(sum * 10) / 10, k).toBe(r.total[k]);
    }
    const xlsx = await city.client.get(`/api/reports/training.xlsx?region=420500&year=${year}`, { binary: true });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await expectPrintsAsForm(xlsx.bytes as Buffer, { 培训情况: 5 });
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const lines: { label: string; values: number[] }[] = [];
    book.worksheets[0].eachRow((x) => {
      const v = (x.values as unknown[]).slice(1);
      lines.push({ label: typeof v[0] === 'string' ? restoreSafeText(v[0]) : '', values: v.slice(1) as number[] });
    });
    const first = lines.findIndex((x) => x.label === '合计');
    expect(first).toBeGreaterThan(0);
    TRAINING_COUNT_KEYS.forEach((k, j) => {
      expect(lines[first].values[j], k).toBe(r.total[k]);
      const sum = r.rows.reduce((s: number, _: unknown, i: number) => s + lines[first + 1 + i].values[j], 0);
      expect(Math.round(sum * 10) / 10, k).toBe(lines[first].values[j]);
    });
    const [audit] = await fx.rows<{ action: string }>(
      sql`select action from audit_log where action = 'report.training_export' order by seq desc limit 1`,
    );
    expect(audit).toEqual({ action: 'report.training_export' });
    // Out of scope: another county's committee cannot read the city or 西陵区.
    expect((await otherCounty.client.get(`/api/reports/training?region=420502&year=${year}`)).status).toBe(404);
  });
});
