// Meetings and party groups (issue #15, rules.md §10): attendance from the roster on the
// meeting date, the quorum of a voting general meeting at its boundaries (and configured), the
// development admission meeting recorded once, and the scope of a secretary and a leader.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, localDateString } from '../../domain/calendarDate.ts';
import { idNumberCheckChar } from '../../domain/idNumber.ts';
import { awayBody, memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { county } = await signInCountyCommittees(fx);
const today = localDateString(new Date());
const lastWeek = addDays(today, -7);

let secretary: Logged;
let otherSecretary: Logged;
let leader: Logged;

async function newOrg(establishedOn?: string) {
  const enterprise = await makeEnterprise(fx.database, { regionCode: '420502' });
  return (await makeOrg(fx.database, [enterprise.id], establishedOn ? { establishedOn } : {})).id;
}

async function member(orgId: number, more: Record<string, unknown> = {}) {
  const res = await county.client.post('/api/members', memberBody(orgId, more));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
}

const meeting = (more: Record<string, unknown> = {}) => ({
  kind: 'theme_day',
  heldOn: lastWeek,
  topic: '学习党的二十届四中全会精神',
  present: [],
  ...more,
});

const setSettings = (value: Record<string, unknown>) =>
  fx.rows(sql`insert into settings (key, value) values ('orglife', ${JSON.stringify(value)}::jsonb)
    on conflict (key) do update set value = excluded.value`);
const resetSettings = () => fx.rows(sql`delete from settings where key = 'orglife'`);

let org: number;
let otherOrg: number;
let full: number[];
let probationary: number;
let joinedLater: number;
let left: number;
let mobile: number;
let guest: number;

beforeAll(async () => {
  org = await newOrg();
  otherOrg = await newOrg();
  full = [];
  for (const name of ['甲', '乙', '丙', '丁']) full.push(await member(org, { name: `党员${name}` }));
  probationary = await member(org, {
    name: '预备党员戊',
    status: 'probationary',
    joinedOn: addMonths(today, -3),
    fullOn: null,
  });
  joinedLater = await member(org, {
    name: '新党员己',
    status: 'probationary',
    joinedOn: addDays(today, -2),
    fullOn: null,
  });
  left = await member(org, { name: '已故党员庚' });
  const leave = await county.client.post(`/api/members/${left}/leave`, {
    reason: 'death',
    leftOn: addDays(today, -30),
  });
  expect(leave.status, JSON.stringify(leave.body)).toBe(200);
  mobile = await member(org, { name: '流动党员辛' });
  expect((await county.client.put(`/api/members/${mobile}/away`, awayBody())).status).toBe(200);
  guest = await member(otherOrg, { name: '外来党员壬' });
  expect((await county.client.put(`/api/members/${guest}/away`, awayBody({ workOrgId: org }))).status).toBe(200);
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
  otherSecretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420502' });
});

describe('attendance from the roster on the meeting date', () => {
  it('expects the members on the roster that day; the server works out who was absent, a mobile member 流动在外', async () => {
    const roster = await secretary.client.get(`/api/orgs/${org}/meeting-roster?on=${lastWeek}`);
    expect(roster.status).toBe(200);
    const names = roster.body.members.map((m: { name: string }) => m.name);
    // Joined after the date, or left before it: not expected.
    expect(names).not.toContain('新党员己');
    expect(names).not.toContain('已故党员庚');
    expect(names).toHaveLength(6);
    expect(roster.body.members.find((m: { name: string }) => m.name === '预备党员戊')).toMatchObject({
      voting: false,
      probationary: true,
    });
    expect(roster.body.members.find((m: { name: string }) => m.name === '流动党员辛')).toMatchObject({ mobile: true });
    expect(roster.body.guests.map((g: { name: string }) => g.name)).toEqual(['外来党员壬']);

    const res = await secretary.client.post(
      `/api/orgs/${org}/meetings`,
      meeting({
        present: [full[0], full[1], probationary, guest],
        absences: [{ memberId: full[2], reason: 'leave', note: '出差' }],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ expected: 6, present: 3, absent: 3, guests: 1 });
    const detail = await secretary.client.get(`/api/meetings/${res.body.id}`);
    const row = (name: string) => detail.body.attendance.find((a: { name: string }) => a.name === name);
    expect(row('流动党员辛')).toMatchObject({ present: false, absentReason: 'mobile', absentReasonLabel: '流动在外' });
    expect(row('党员丙')).toMatchObject({ present: false, absentReason: 'leave', absentNote: '出差' });
    expect(row('党员丁')).toMatchObject({ present: false, absentReason: null });
    expect(row('外来党员壬')).toMatchObject({ present: true, guest: true, voting: false });
    const [audit] = await fx.rows<{ action: string; diff: { present: number } }>(
      sql`select action, diff from audit_log where entity = 'meeting' and entity_id = ${String(res.body.id)}`,
    );
    expect(audit).toMatchObject({ action: 'meeting.create', diff: { present: 3 } });
  });

  it('refuses a member ticked who was not on the roster that day, and a date after today', async () => {
    const later = await secretary.client.post(`/api/orgs/${org}/meetings`, meeting({ present: [joinedLater] }));
    expect(later.status).toBe(400);
    expect(later.body.error.message).toContain('不在');
    const future = await secretary.client.post(`/api/orgs/${org}/meetings`, meeting({ heldOn: addDays(today, 1) }));
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].field).toBe('heldOn');
  });
});

describe('the quorum of a voting general meeting', () => {
  // 5 full members with a vote on the day (甲乙丙丁 and 辛, who is away): more than half is 3.
  const election = (present: number[], absences: unknown[] = []) =>
    secretary.client.post(
      `/api/orgs/${org}/meetings`,
      meeting({ kind: 'general_meeting', topic: '选举支部委员会', present, absences, election: true }),
    );

  it('refuses an election with half present, naming the numbers; probationary members do not count', async () => {
    const res = await expectUnchanged(fx.database.db, [], async () => {
      const r = await election([full[0], full[1], probationary]);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toBe(
        '表决选举须有半数以上有表决权的正式党员到会：应到 5 人，至少须到 3 人，实到 2 人，不足法定人数',
      );
    });
    expect(res.filter((a) => a.result === 'success')).toEqual([]);
  });

  it('accepts it with one more than half', async () => {
    const res = await election([full[0], full[1], full[2]]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const list = await secretary.client.get(`/api/orgs/${org}/meetings`);
    const held = list.body.find((m: { id: number }) => m.id === res.body.id);
    expect(held.quorum).toEqual({ base: 5, needed: 3, met: true });
    expect(held.votes).toEqual([{ kind: 'election', kindLabel: '选举', developmentId: null, personName: null }]);
  });

  it('counts members on leave approved in advance unless the deployment excludes them', async () => {
    const onLeave = [
      { memberId: full[2], reason: 'leave', note: null },
      { memberId: full[3], reason: 'leave', note: null },
    ];
    expect((await election([full[0], full[1]], onLeave)).status).toBe(400);
    await setSettings({ leaveInQuorum: 'exclude' });
    try {
      // 5 − 2 on leave = 3: more than half is 2.
      const res = await election([full[0], full[1]], onLeave);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const one = await election([full[0]], onLeave);
      expect(one.body.error.message).toContain('应到 3 人（事先请假的 2 人不计入应到人数），至少须到 2 人，实到 1 人');
    } finally {
      await resetSettings();
    }
  });

  it('only a general meeting records an election', async () => {
    const res = await secretary.client.post(`/api/orgs/${org}/meetings`, meeting({ election: true }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('election');
  });
});

let seq = 0;
function idNumber() {
  seq++;
  const first17 = `420502199506${String(seq).padStart(2, '0')}0${seq % 10}1`;
  return first17 + idNumberCheckChar(first17);
}

describe('record once: a development admission meeting', () => {
  async function candidate(orgId: number, name: string) {
    const created = await county.client.post('/api/developments', {
      orgId,
      name,
      idNumber: idNumber(),
      appliedOn: '2023-03-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.id as number;
    const steps = await county.client.patch(`/api/developments/${id}`, {
      talkedOn: '2023-03-20',
      activistOn: '2023-06-01',
      contacts: ['张三'],
      candidateOn: '2024-06-01',
      politicalReviewOn: '2024-07-01',
      trainingDays: 3,
      introducers: ['李四', '王五'],
    });
    expect(steps.status, JSON.stringify(steps.body)).toBe(200);
    return id;
  }

  it('appears once, as a meeting, with its vote', async () => {
    const devOrg = await newOrg();
    const dev = await candidate(devOrg, '吴发展');
    const admitted = await county.client.patch(`/api/developments/${dev}`, { admittedOn: '2024-09-01' });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200);
    const list = await county.client.get(`/api/orgs/${devOrg}/meetings?year=2024`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      kind: 'general_meeting',
      heldOn: '2024-09-01',
      attendanceRecorded: false,
      votes: [{ kind: 'admission', kindLabel: '接收预备党员', developmentId: dev, personName: '吴发展' }],
      quorum: null,
    });
    const [{ n }] = await fx.rows<{ n: number }>(sql`select count(*)::int as n from meetings where org_id = ${devOrg}`);
    expect(n).toBe(1);
    // It cannot be withdrawn as a meeting while it holds the vote.
    const del = await county.client.request('DELETE', `/api/meetings/${list.body[0].id}`);
    expect(del.status).toBe(409);
  });

  it('links to the general meeting already recorded that day, and is refused there below quorum', async () => {
    const devOrg = await newOrg('2020-01-01');
    const voters: number[] = [];
    for (const name of ['子', '丑', '寅']) voters.push(await member(devOrg, { name: `党员${name}` }));
    const held = await county.client.post(`/api/orgs/${devOrg}/meetings`, {
      kind: 'general_meeting',
      heldOn: '2024-09-10',
      topic: '支部党员大会',
      present: [voters[0]],
    });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const dev = await candidate(devOrg, '郑发展');
    const refused = await county.client.patch(`/api/developments/${dev}`, { admittedOn: '2024-09-10' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('admittedOn');
    expect(refused.body.error.message).toContain('应到 3 人，至少须到 2 人，实到 1 人');
    const [{ n }] = await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from developments where id = ${dev} and admitted_on is not null`,
    );
    expect(n).toBe(0);

    const fixed = await county.client.put(`/api/meetings/${held.body.id}`, {
      kind: 'general_meeting',
      heldOn: '2024-09-10',
      topic: '支部党员大会',
      present: [voters[0], voters[1]],
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect((await county.client.patch(`/api/developments/${dev}`, { admittedOn: '2024-09-10' })).status).toBe(200);
    const list = await county.client.get(`/api/orgs/${devOrg}/meetings?year=2024`);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      id: held.body.id,
      votes: [{ kind: 'admission', personName: '郑发展' }],
      quorum: { base: 3, needed: 2, met: true },
    });
    // Taking attendance again below quorum is refused while the vote is there.
    const below = await county.client.put(`/api/meetings/${held.body.id}`, {
      kind: 'general_meeting',
      heldOn: '2024-09-10',
      topic: '支部党员大会',
      present: [voters[0]],
    });
    expect(below.status).toBe(400);
    expect(below.body.error.message).toContain('接收预备党员');
  });
});

describe('party groups', () => {
  it('are set up with members of the org, one group each; a group meeting expects its members', async () => {
    const res = await secretary.client.post(`/api/orgs/${org}/party-groups`, {
      name: '第一党小组',
      leaderMemberId: full[0],
      memberIds: [full[0], full[1]],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const twice = await secretary.client.post(`/api/orgs/${org}/party-groups`, {
      name: '第二党小组',
      memberIds: [full[1]],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe('党员乙 已在“第一党小组”党小组，一人只能在一个党小组');
    const stranger = await secretary.client.post(`/api/orgs/${org}/party-groups`, {
      name: '第二党小组',
      memberIds: [guest],
    });
    expect(stranger.status).toBe(400);

    const groups = await leader.client.get(`/api/orgs/${org}/party-groups`);
    expect(groups.body).toEqual([
      expect.objectContaining({ name: '第一党小组', leaderName: '党员甲', members: expect.any(Array) }),
    ]);
    const held = await secretary.client.post(
      `/api/orgs/${org}/meetings`,
      meeting({ kind: 'group_meeting', partyGroupId: res.body.id, present: [full[0]] }),
    );
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body).toMatchObject({ expected: 2, present: 1, absent: 1 });
    expect((await secretary.client.request('DELETE', `/api/party-groups/${res.body.id}`)).status).toBe(409);
  });
});

describe('scope', () => {
  it('a secretary of another org gets 404 and changes nothing; a leader reads but cannot write', async () => {
    const [someMeeting] = await fx.rows<{ id: number }>(sql`select id from meetings where org_id = ${org} limit 1`);
    const [someGroup] = await fx.rows<{ id: number }>(sql`select id from party_groups where org_id = ${org} limit 1`);
    const state = () =>
      fx.rows(sql`select (select count(*) from meetings) as m, (select count(*) from meeting_attendance) as a,
        (select count(*) from party_groups) as g, (select count(*) from party_group_members) as gm`);
    const before = await state();
    await expectUnchanged(fx.database.db, [], async () => {
      for (const r of [
        await otherSecretary.client.get(`/api/orgs/${org}/meetings`),
        await otherSecretary.client.get(`/api/meetings/${someMeeting.id}`),
        await otherSecretary.client.get(`/api/orgs/${org}/meeting-roster?on=${lastWeek}`),
        await otherSecretary.client.post(`/api/orgs/${org}/meetings`, meeting()),
        await otherSecretary.client.put(`/api/meetings/${someMeeting.id}`, meeting()),
        await otherSecretary.client.request('DELETE', `/api/meetings/${someMeeting.id}`),
        await otherSecretary.client.post(`/api/orgs/${org}/party-groups`, { name: '越权小组' }),
        await otherSecretary.client.put(`/api/party-groups/${someGroup.id}`, { name: '越权' }),
        await otherSecretary.client.request('DELETE', `/api/party-groups/${someGroup.id}`),
      ]) {
        expect(r.status).toBe(404);
      }
      expect((await leader.client.get(`/api/orgs/${org}/meetings`)).status).toBe(200);
      expect((await leader.client.post(`/api/orgs/${org}/meetings`, meeting())).status).toBe(403);
      expect((await leader.client.request('DELETE', `/api/meetings/${someMeeting.id}`)).status).toBe(403);
    });
    expect(await state()).toEqual(before);
  });
});

describe('the work prompts and to-dos', () => {
  it('show a secretary the meetings due in their own org only, and the leader none as to-dos', async () => {
    const prompts = await secretary.client.get('/api/prompts');
    const section = prompts.body.sections.find((s: { key: string }) => s.key === 'orglife');
    expect(section.total).toBeGreaterThan(0);
    expect(new Set(section.items.map((i: { link: { id: number } }) => i.link.id))).toEqual(new Set([org]));
    const todo = await secretary.client.get('/api/todo');
    expect(todo.status).toBe(200);
    expect(todo.body.sections.find((s: { key: string }) => s.key === 'orglife')?.total).toBe(section.total);
    const leaderTodo = await leader.client.get('/api/todo');
    expect(leaderTodo.body.sections?.find((s: { key: string }) => s.key === 'orglife')).toBeUndefined();
  });
});
