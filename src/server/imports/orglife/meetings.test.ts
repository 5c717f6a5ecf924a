// Importing past meetings (issue #15 item 8): all or nothing, every error named by row, column
// and rule in Chinese; the rules those of the meeting write path (roster on the date, quorum,
// dates against the org); record once — in the file, against what is stored, and the general
// meeting a development record already holds; a secretary for their own org only.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, localDateString } from '../../../domain/calendarDate.ts';
import { idNumberCheckChar } from '../../../domain/idNumber.ts';
import type { Actor } from '../../actor.ts';
import { memberBody } from '../../members/members.testing.ts';
import type { TestClient } from '../../testing/client.ts';
import { makeEnterprise, makeOrg } from '../../testing/factories.ts';
import { closedAfterAll } from '../../testing/fileFixture.ts';
import { actorOf, importFixture, importRequest } from '../../testing/imports.ts';
import { readWorkbook, sheetValues } from '../../testing/uploads.ts';
import { IMPORTS } from '../adapters/index.ts';
import { runImport } from '../pipeline.ts';
import { meetingFile } from './files.testing.ts';

const fx = closedAfterAll(await importFixture());
const today = localDateString(new Date());
const lastWeek = addDays(today, -7);
const lastMonth = addDays(today, -30);

let county: TestClient;
let countyActor: Actor;
let otherCounty: TestClient;
let orgA: { id: number; name: string; establishedOn: string };
let orgB: { id: number; name: string };
let farOrg: { id: number; name: string };

async function newOrg(regionCode = '420502', establishedOn = '2020-01-01') {
  const e = await makeEnterprise(fx.database, { regionCode });
  return makeOrg(fx.database, [e.id], { regionCode, establishedOn });
}

let seq = 0;
function idNumber() {
  seq++;
  const first17 = `420502199507${String(seq).padStart(2, '0')}0${seq % 10}1`;
  return first17 + idNumberCheckChar(first17);
}

async function member(orgId: number, more: Record<string, unknown>) {
  const res = await county.post('/api/members', memberBody(orgId, { idNumber: idNumber(), ...more }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

const importAs = (actor: Actor, file: string, more: Parameters<typeof importRequest>[1] = {}) =>
  runImport(fx.deps, actor, IMPORTS.meetings, importRequest(file, more));

const meetingCount = async () => (await fx.rows<{ n: number }>(sql`select count(*)::int as n from meetings`))[0].n;

beforeAll(async () => {
  const c = await fx.clientAs({ roles: ['committee'], regionCode: '420502' });
  county = c.client;
  countyActor = actorOf(c.user);
  otherCounty = (await fx.clientAs({ roles: ['committee'], regionCode: '420506' })).client;
  orgA = await newOrg();
  orgB = await newOrg();
  farOrg = await newOrg('420506');
  // 甲乙丙丁: full members with a vote; 戊 probationary; 己 joined two days ago.
  for (const n of ['甲', '乙', '丙', '丁']) await member(orgA.id, { name: `党员${n}` });
  await member(orgA.id, { name: '预备党员戊', status: 'probationary', joinedOn: addMonths(today, -3), fullOn: null });
  await member(orgA.id, { name: '新党员己', status: 'probationary', joinedOn: addDays(today, -2), fullOn: null });
  await member(orgB.id, { name: '党员庚' });
});

describe('template', () => {
  it('lists the columns, the kinds as a drop-down, and a guide', async () => {
    const res = await county.get('/api/imports/meetings/template', { binary: true });
    expect(res.status).toBe(200);
    const book = await readWorkbook(res.bytes);
    const sheet = book.getWorksheet('组织生活会议')!;
    const header = sheetValues(sheet)[0] as string[];
    expect(header).toEqual(expect.arrayContaining(['党组织', '会议类型', '会议日期', '到会人员', '缺席人员及原因']));
    const letter = sheet.getColumn(header.indexOf('会议类型') + 1).letter;
    expect(sheet.getCell(`${letter}2`).dataValidation).toMatchObject({ type: 'list' });
    expect(sheetValues(book.getWorksheet('选项')!).flat()).toEqual(
      expect.arrayContaining(['支部党员大会', '民主评议党员']),
    );
    const guide = sheetValues(book.getWorksheet('填写说明')!).flat().join('\n');
    expect(guide).toContain('只记录一次');
  });
});

describe('a good file', () => {
  it('writes every meeting with its attendance from the roster, audited, and the batch', async () => {
    const before = await meetingCount();
    const result = await importAs(
      countyActor,
      meetingFile([
        {
          org: orgA.name,
          kind: '主题党日',
          heldOn: lastWeek,
          topic: '学习新党章',
          host: '党员甲',
          attendees: '党员甲、党员乙、预备党员戊',
          absences: '党员丙：请假，出差',
          expected: 5,
          presentCount: 3,
        },
        {
          org: orgA.name,
          kind: '支部党员大会',
          heldOn: lastMonth,
          topic: '选举支部委员会',
          attendees: '党员甲，党员乙，党员丙',
          election: '是',
          resolutions: '选举产生新一届支委会',
        },
      ]),
    );
    expect(result, JSON.stringify(result.errors)).toMatchObject({ status: 'applied', rows: 2, added: 2, errors: [] });
    expect(await meetingCount()).toBe(before + 2);
    const [day] = await fx.rows<{ id: number; present: number; absent: number }>(
      sql`select m.id, count(*) filter (where a.present)::int as present, count(*) filter (where not a.present)::int as absent
          from meetings m join meeting_attendance a on a.meeting_id = m.id
          where m.org_id = ${orgA.id} and m.kind = 'theme_day' and m.held_on = ${lastWeek}::date group by m.id`,
    );
    expect(day).toMatchObject({ present: 3, absent: 2 });
    const [leave] = await fx.rows<{ absent_reason: string; absent_note: string }>(
      sql`select a.absent_reason, a.absent_note from meeting_attendance a join members m on m.id = a.member_id
          where a.meeting_id = ${day.id} and m.name = '党员丙'`,
    );
    expect(leave).toEqual({ absent_reason: 'leave', absent_note: '出差' });
    const audits = await fx.rows<{ action: string }>(
      sql`select action from audit_log where action in ('meeting.create', 'meeting.import') and seq > (
            select coalesce(max(seq), 0) - 10 from audit_log) order by seq`,
    );
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['meeting.create', 'meeting.import']));
  });
});

describe('every error, by row, column and rule; nothing written', () => {
  it('names each broken rule and writes none of the file', async () => {
    const before = await meetingCount();
    const ok = { org: orgA.name, kind: '党课', heldOn: addDays(today, -3), topic: '党课', attendees: '党员甲' };
    const rows = [
      ok, // row 2: fine on its own
      { ...ok, org: '不存在的党支部' }, // 3
      { ...ok, org: farOrg.name }, // 4: another county's
      { ...ok, heldOn: addDays(today, 1) }, // 5
      { ...ok, heldOn: '2019-12-31' }, // 6: before orgA existed
      { ...ok, kind: '茶话会' }, // 7
      { ...ok, kind: '支委会', attendees: '新党员己' }, // 8: joined after the date
      { ...ok, kind: '支部党员大会', heldOn: addDays(today, -4), election: '是', attendees: '党员甲、党员乙' }, // 9
      ok, // 10: the same meeting as row 2
      { ...ok, kind: '主题党日', heldOn: lastWeek }, // 11: recorded by the good file
      { ...ok, kind: '组织生活会', topic: null }, // 12
      { ...ok, kind: '民主评议党员', expected: 9 }, // 13
      { ...ok, kind: '支委会', heldOn: addDays(today, -5), absences: '党员庚：请假' }, // 14: not of orgA
      { ...ok, kind: '党小组会' }, // 15: no group
      { ...ok, kind: '支委会', heldOn: addDays(today, -6), absences: '党员乙-请假' }, // 16
    ];
    const result = await importAs(countyActor, meetingFile(rows));
    expect(result.status).toBe('rejected');
    expect(await meetingCount()).toBe(before);
    const at = (row: number) => result.errors.filter((e) => e.row === row).map((e) => `${e.column}｜${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([expect.stringMatching(/^党组织｜党组织“不存在的党支部”不存在或不在您的数据范围内/)]);
    expect(at(4)).toEqual([expect.stringMatching(/^党组织｜.*不存在或不在您的数据范围内/)]);
    expect(at(5)).toEqual([expect.stringMatching(/^会议日期｜.*晚于今天/)]);
    expect(at(6)).toEqual([expect.stringMatching(/^会议日期｜.*早于 .* 的成立日期/)]);
    expect(at(7)).toEqual([expect.stringMatching(/^会议类型｜/)]);
    expect(at(8)).toEqual([expect.stringMatching(/^到会人员｜新党员己 在 .* 不在 .* 的应到名单中/)]);
    // 4 full members with a vote: more than half is 3; 2 came.
    expect(at(9)).toEqual([expect.stringMatching(/^到会人员｜.*应到 4 人，至少须到 3 人，实到 2 人，不足法定人数/)]);
    expect(at(10)).toEqual([expect.stringMatching(/^会议日期｜与第 2 行是同一次会议/)]);
    expect(at(11)).toEqual([expect.stringMatching(/^会议日期｜.*已记录在系统中，不重复导入/)]);
    expect(at(12)).toEqual(['会议主题｜请填写会议主题（必填项）']);
    expect(at(13)).toEqual([expect.stringMatching(/^应到人数｜应到人数填写为 9，但 .* 的应到名单为 5 人/)]);
    expect(at(14)).toEqual([expect.stringMatching(/^缺席人员及原因｜党员庚 .*不在 .* 的应到名单中/)]);
    expect(at(15)).toEqual(['党小组｜党小组会须填写党小组']);
    expect(at(16)).toEqual([expect.stringMatching(/^缺席人员及原因｜.*格式不对/)]);
  });

  it('a voting meeting exactly at its quorum is written', async () => {
    const result = await importAs(
      countyActor,
      meetingFile([
        {
          org: orgA.name,
          kind: '支部党员大会',
          heldOn: addDays(today, -4),
          topic: '补选委员',
          attendees: '党员甲、党员乙、党员丙',
          election: '是',
        },
      ]),
    );
    expect(result, JSON.stringify(result.errors)).toMatchObject({ status: 'applied', added: 1 });
  });

  it('a partial import is refused: the file is all or nothing', async () => {
    await expect(importAs(countyActor, meetingFile([{ org: orgA.name }]), { partial: true })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('checks again on confirmation: a meeting recorded since the preview makes the batch rejected, nothing written', async () => {
    const on = addDays(today, -8);
    const row = { org: orgA.name, kind: '支委会', heldOn: on, topic: '研究工作', attendees: '党员甲' };
    const staged = await importAs(countyActor, meetingFile([row]), { apply: false });
    expect(staged.status).toBe('staged');
    const recorded = await county.post(`/api/orgs/${orgA.id}/meetings`, {
      kind: 'committee_meeting',
      heldOn: on,
      topic: '研究工作',
      present: [],
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const before = await meetingCount();
    const applied = await county.post(`/api/imports/meetings/batches/${staged.batchId}/apply`);
    expect(applied.status).toBe(409);
    expect((await county.get(`/api/imports/meetings/batches/${staged.batchId}`)).body.status).toBe('rejected');
    expect(await meetingCount()).toBe(before);
  });
});

describe('record once: the general meeting a development record holds', () => {
  it('is that meeting: the row records its attendance, below quorum refused', async () => {
    const org = await newOrg();
    for (const n of ['子', '丑', '寅']) await member(org.id, { name: `党员${n}` });
    const created = await county.post('/api/developments', {
      orgId: org.id,
      name: '吴发展',
      idNumber: idNumber(),
      appliedOn: '2023-03-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const dev = created.body.id as number;
    const steps = await county.patch(`/api/developments/${dev}`, {
      talkedOn: '2023-03-20',
      activistOn: '2023-06-01',
      contacts: ['张三'],
      candidateOn: '2024-06-01',
      politicalReviewOn: '2024-07-01',
      trainingDays: 3,
      introducers: ['李四', '王五'],
    });
    expect(steps.status, JSON.stringify(steps.body)).toBe(200);
    expect((await county.patch(`/api/developments/${dev}`, { admittedOn: '2024-09-01' })).status).toBe(200);
    const row = { org: org.name, kind: '支部党员大会', heldOn: '2024-09-01', topic: '讨论接收预备党员' };
    const below = await importAs(countyActor, meetingFile([{ ...row, attendees: '党员子' }]));
    expect(below.status).toBe('rejected');
    expect(below.errors).toEqual([
      expect.objectContaining({ row: 2, column: '到会人员', message: expect.stringContaining('不足法定人数') }),
    ]);
    const done = await importAs(countyActor, meetingFile([{ ...row, attendees: '党员子、党员丑' }]));
    expect(done, JSON.stringify(done.errors)).toMatchObject({ status: 'applied', added: 0, changed: 1 });
    const list = await county.get(`/api/orgs/${org.id}/meetings?year=2024`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      attendanceRecorded: true,
      votes: [{ kind: 'admission', personName: '吴发展' }],
      quorum: { base: 3, needed: 2, met: true },
    });
    // Imported again: now recorded, so a duplicate.
    const again = await importAs(countyActor, meetingFile([{ ...row, attendees: '党员子、党员丑' }]));
    expect(again.errors[0]).toMatchObject({ column: '会议日期', message: expect.stringContaining('已记录在系统中') });
  });
});

describe('scope', () => {
  it('a secretary imports for their own org only, and sees only their own batches', async () => {
    const a = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgA.id });
    const b = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: orgB.id });
    const row = { kind: '党课', heldOn: addDays(today, -9), topic: '专题党课' };
    const other = await importAs(actorOf(a.user), meetingFile([{ ...row, org: orgB.name, attendees: '党员庚' }]));
    expect(other.errors).toEqual([
      expect.objectContaining({ row: 2, column: '党组织', message: expect.stringContaining('不在您的数据范围内') }),
    ]);
    const own = await importAs(actorOf(a.user), meetingFile([{ ...row, org: orgA.name, attendees: '党员甲' }]), {
      apply: false,
    });
    expect(own.status).toBe('staged');
    expect((await b.client.get(`/api/imports/meetings/batches/${own.batchId}`)).status).toBe(404);
    expect((await b.client.post(`/api/imports/meetings/batches/${own.batchId}/apply`)).status).toBe(404);
    expect((await otherCounty.post(`/api/imports/meetings/batches/${own.batchId}/apply`)).status).toBe(404);
    expect((await a.client.get(`/api/imports/meetings/batches/${own.batchId}`)).body.status).toBe('staged');
    const applied = await a.client.post(`/api/imports/meetings/batches/${own.batchId}/apply`);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  });

  it('a leader, who only reads organisational life, may not import', async () => {
    const leader = await fx.clientAs({ roles: ['leader'], regionCode: '420502' });
    expect((await leader.client.get('/api/imports/meetings/template')).status).toBe(403);
  });
});
