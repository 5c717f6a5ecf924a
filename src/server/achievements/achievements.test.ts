// What organizations achieve (issue #15 item 5; rules.md §11): each recorded once with its org,
// the enterprise it covers, its members and date; money in 万元 checked; kept to the scope; and
// the instructor outcomes of the same kinds derived from the records.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { makeAssignment, makeDepartment, makeInstructor } from '../casework/casework.testing.ts';
import { memberBody } from '../members/members.testing.ts';
import { lastAuditSeq } from '../testing/audit.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectInvalid, expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { city, county, otherCounty } = await signInCountyCommittees(fx);

const today = localDateString(new Date());
const daysAgo = (n: number) => addDays(today, -n);
let secretary: Logged;
let leader: Logged;
let org: number;
let enterprise: number;
let uncovered: number;
let member: number;
let otherMember: number;
let otherOrg: number;

const proposal = (more: Record<string, unknown> = {}) => ({
  orgId: org,
  enterpriseId: enterprise,
  kind: 'proposal',
  form: 'golden_idea',
  onDate: daysAgo(10),
  content: '改进包装流程，减少破损',
  memberIds: [member],
  adopted: true,
  benefit: 12.5,
  ...more,
});

const count = () => fx.rows(sql`select count(*)::int as n from achievements`);

beforeAll(async () => {
  enterprise = (await makeEnterprise(fx.database)).id;
  uncovered = (await makeEnterprise(fx.database)).id;
  org = (await makeOrg(fx.database, [enterprise])).id;
  otherOrg = (await makeOrg(fx.database, [uncovered])).id;
  const m = await county.client.post('/api/members', memberBody(org, { name: '王建功' }));
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  member = m.body.id;
  otherMember = (await county.client.post('/api/members', memberBody(otherOrg, { name: '李他人' }))).body.id;
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
});

describe('recording achievements', () => {
  it('a secretary records each kind for their org, audited in the same transaction, shown on the org and enterprise pages', async () => {
    const bodies = [
      proposal(),
      proposal({ form: 'one_idea', memberIds: [], personName: '车间主任张三', adopted: false, benefit: null }),
      {
        ...proposal(),
        kind: 'pledge',
        form: null,
        adopted: null,
        benefit: null,
        fromOn: `${today.slice(0, 4)}-01-01`,
        toOn: `${today.slice(0, 4)}-12-31`,
        content: '全年零事故',
      },
      { ...proposal(), kind: 'problem_solved', form: null, adopted: null, benefit: 3, content: '解决夜班通勤' },
      {
        ...proposal(),
        kind: 'innovation',
        form: 'tech_tackling',
        adopted: null,
        benefit: 20.25,
        content: '焊接工艺改进',
      },
      {
        ...proposal(),
        kind: 'contribution',
        form: 'student_aid',
        adopted: null,
        benefit: null,
        amount: 1.5,
        memberIds: [],
        content: '资助困难学生',
      },
      {
        ...proposal(),
        kind: 'model_post',
        form: null,
        adopted: null,
        benefit: null,
        fromOn: daysAgo(100),
        content: '质检党员示范岗',
      },
      {
        ...proposal(),
        kind: 'responsibility_zone',
        form: null,
        adopted: null,
        benefit: null,
        fromOn: daysAgo(100),
        content: '仓储党员责任区',
      },
    ];
    for (const body of bodies) {
      const res = await secretary.client.post('/api/achievements', body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const [audit] = await fx.rows<{ action: string; diff: { content: string } }>(
        sql`select action, diff from audit_log where entity = 'achievement' and entity_id = ${String(res.body.id)}`,
      );
      expect(audit).toMatchObject({ action: 'achievement.create', diff: { content: body.content } });
    }
    const onOrg = await secretary.client.get(`/api/orgs/${org}/achievements`);
    expect(onOrg.status).toBe(200);
    expect(onOrg.body).toHaveLength(bodies.length);
    const golden = onOrg.body.find((a: { form: string }) => a.form === 'golden_idea');
    expect(golden).toMatchObject({
      kindLabel: '建言献策',
      formLabel: '金点子',
      adopted: true,
      benefit: 12.5,
      members: [{ id: member, name: '王建功' }],
    });
    expect(onOrg.body.find((a: { kind: string }) => a.kind === 'pledge')).toMatchObject({ fulfilled: false });
    const onEnterprise = await leader.client.get(`/api/enterprises/${enterprise}/achievements`);
    expect(onEnterprise.status).toBe(200);
    expect(onEnterprise.body.map((a: { id: number }) => a.id)).toEqual(onOrg.body.map((a: { id: number }) => a.id));
  });

  it.each([
    [{ benefit: -1 }, 'benefit', '经济效益不能为负数'],
    [{ benefit: 1.234 }, 'benefit', '经济效益（万元）最多保留两位小数'],
    [
      { kind: 'contribution', form: 'donation', adopted: null, benefit: null },
      'amount',
      '请填写社会贡献的金额（万元）',
    ],
    [
      { kind: 'contribution', form: 'donation', adopted: null, benefit: null, amount: 0.005 },
      'amount',
      '最多保留两位小数',
    ],
    [{ kind: 'contribution', form: 'donation', adopted: null, benefit: null, amount: -2 }, 'amount', '金额不能为负数'],
    [{ form: null }, 'form', '请选择建言献策的类别'],
    [{ form: 'donation' }, 'form', '请选择建言献策的类别'],
    [{ memberIds: [] }, 'memberIds', '二者选一'],
    [{ personName: '张三' }, 'memberIds', '二者选一'],
    [
      { kind: 'pledge', form: null, adopted: null, benefit: null, fromOn: daysAgo(30) },
      'toOn',
      '请填写目标承诺的截止日期',
    ],
    [
      { kind: 'pledge', form: null, adopted: null, benefit: null, fromOn: daysAgo(3), toOn: daysAgo(30) },
      'toOn',
      '早于起始日期',
    ],
    [
      { kind: 'model_post', form: null, adopted: null, benefit: null, memberIds: [] },
      'memberIds',
      '请选择党员示范岗的党员',
    ],
    [{ enterpriseId: -1 }, 'enterpriseId', '请选择企业'],
    [{ onDate: addDays(today, 2) }, 'onDate', '晚于今天'],
    [{ content: '' }, 'content', '请填写内容'],
    [{ kind: 'galaxy' }, 'kind', '请选择类别'],
  ])('refuses %j, naming %s', async (more, field, message) => {
    await expectInvalid(() => secretary.client.post('/api/achievements', proposal(more)), count, field, message);
  });

  it('the enterprise must be one the org covers, and the members of the org', async () => {
    await expectInvalid(
      () => county.client.post('/api/achievements', proposal({ enterpriseId: uncovered })),
      count,
      'enterpriseId',
      '不在',
    );
    await expectInvalid(
      () => county.client.post('/api/achievements', proposal({ memberIds: [otherMember] })),
      count,
      'memberIds',
      '李他人 不是',
    );
    // Nothing after the org was dissolved (set directly: dissolving has its own area and tests).
    const gone = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
    const [{ enterpriseId }] = await fx.rows<{ enterpriseId: number }>(
      sql`select enterprise_id as "enterpriseId" from org_coverages where org_id = ${gone}`,
    );
    await fx.rows(sql`update party_orgs set dissolved_on = ${daysAgo(20)} where id = ${gone}`);
    await expectInvalid(
      () =>
        county.client.post(
          '/api/achievements',
          proposal({ orgId: gone, enterpriseId, memberIds: [], personName: '张三', onDate: daysAgo(5) }),
        ),
      count,
      'onDate',
      `已于 ${daysAgo(20)} 撤销`,
    );
  });

  it('follows up: a proposal adopted later, a pledge fulfilled; the wrong field for the kind is refused', async () => {
    const made = await secretary.client.post('/api/achievements', proposal({ adopted: false, benefit: null }));
    let res = await secretary.client.request('PATCH', `/api/achievements/${made.body.id}`, {
      adopted: true,
      benefit: 8,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = await fx.rows<{ adopted: boolean; benefit: string }>(
      sql`select adopted, benefit from achievements where id = ${made.body.id}`,
    );
    expect(row).toEqual({ adopted: true, benefit: '8.00' });
    const [audit] = await fx.rows<{ diff: unknown }>(
      sql`select diff from audit_log where action = 'achievement.update' and entity_id = ${String(made.body.id)}`,
    );
    expect(audit.diff).toEqual({ before: { adopted: false, benefit: null }, after: { adopted: true, benefit: 8 } });
    res = await secretary.client.request('PATCH', `/api/achievements/${made.body.id}`, { fulfilled: true });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'fulfilled']);
    const del = await secretary.client.request('DELETE', `/api/achievements/${made.body.id}`);
    expect(del.status).toBe(200);
    expect(await fx.rows(sql`select id from achievements where id = ${made.body.id}`)).toEqual([]);
  });
});

describe('kept to the scope', () => {
  it('out of scope gets 404 and nothing changes; a leader and an instructor only read', async () => {
    const [{ id }] = await fx.rows<{ id: number }>(sql`select id from achievements where org_id = ${org} limit 1`);
    const mate = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
    const before = await fx.rows(sql`select * from achievements order by id`);
    const seq = await lastAuditSeq(fx.database.db);
    await expectUnchanged(fx.database.db, [], async () => {
      for (const who of [otherCounty, mate]) {
        expect((await who.client.get(`/api/orgs/${org}/achievements`)).status).toBe(404);
        expect((await who.client.post('/api/achievements', proposal())).status).toBe(404);
        expect((await who.client.request('PATCH', `/api/achievements/${id}`, { adopted: false })).status).toBe(404);
        expect((await who.client.request('DELETE', `/api/achievements/${id}`)).status).toBe(404);
      }
      expect((await otherCounty.client.get(`/api/enterprises/${enterprise}/achievements`)).status).toBe(404);
      expect((await leader.client.post('/api/achievements', proposal())).status).toBe(403);
    });
    expect(await fx.rows(sql`select * from achievements order by id`)).toEqual(before);
    const denied = await fx.rows(sql`select 1 from audit_log where seq > ${seq} and result = 'denied'`);
    expect(denied.length).toBe(10);
    expect((await city.client.get(`/api/orgs/${org}/achievements`)).body.length).toBeGreaterThan(0);
    expect((await mate.client.get(`/api/enterprises/${enterprise}/achievements`)).status).toBe(404);
  });
});

describe('instructor outcomes derived from the records', () => {
  it('derived instructor outcomes equal the records they come from, and typing one that a record already gives is refused with a pointer to the record', async () => {
    const department = await makeDepartment(fx.database, '作用发挥测试部门');
    const instructor = await makeInstructor(fx.database, department.id);
    const e = (await makeEnterprise(fx.database)).id;
    const o = (await makeOrg(fx.database, [e])).id;
    const m = (await county.client.post('/api/members', memberBody(o, { name: '赵承诺' }))).body.id;
    const assignment = await makeAssignment(fx.database, instructor.id, e, daysAgo(90));
    const me = await fx.clientAs({ roles: ['instructor'], regionCode: '420500', instructorId: instructor.id });
    const typed = (kind: string, more: Record<string, unknown> = {}) =>
      me.client.post('/api/casework/outcomes', {
        assignmentId: assignment.id,
        onDate: daysAgo(5),
        role: 'guide',
        kind,
        quantity: 2,
        ...more,
      });

    // Before any record, a pledge and an innovation are typed.
    expect((await typed('pledges')).status).toBe(200);
    expect((await typed('innovations', { role: 'service', quantity: 1, benefit: 9 })).status).toBe(200);

    const base = { orgId: o, enterpriseId: e, memberIds: [m], content: '记录', adopted: null, benefit: null };
    const record = async (body: Record<string, unknown>) => {
      const res = await county.client.post('/api/achievements', { ...base, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.id as number;
    };
    // Before the assignment: not its outcome.
    await record({ kind: 'proposal', form: 'rationalization', onDate: daysAgo(120), adopted: false });
    const p1 = await record({ kind: 'proposal', form: 'golden_idea', onDate: daysAgo(30), adopted: true, benefit: 4 });
    const p2 = await record({ kind: 'proposal', form: 'one_idea', onDate: daysAgo(20), adopted: false });
    const i1 = await record({ kind: 'innovation', form: 'small_invention', onDate: daysAgo(15), benefit: 6.5 });
    const i2 = await record({ kind: 'innovation', form: 'tech_tackling', onDate: daysAgo(12), benefit: 10.25 });
    const s1 = await record({ kind: 'problem_solved', onDate: daysAgo(10) });
    // Not a kind the instructor counts.
    await record({ kind: 'contribution', form: 'donation', onDate: daysAgo(8), amount: 3, memberIds: [] });

    const list = (await me.client.get(`/api/casework/outcomes?assignmentId=${assignment.id}`)).body as {
      source: string;
      id: number;
      kind: string;
      quantity: number;
      benefit: number | null;
    }[];
    const fromRecords = list.filter((x) => x.source === 'achievement');
    expect(fromRecords.map((x) => [x.kind, x.id, x.quantity, x.benefit]).sort()).toEqual(
      [
        ['proposals', p1, 1, null],
        ['proposals', p2, 1, null],
        ['innovations', i1, 1, 6.5],
        ['innovations', i2, 1, 10.25],
        ['problems', s1, 1, null],
      ].sort(),
    );
    // The typed innovation is replaced by the records; the typed pledge stays (no pledge record yet).
    expect(list.filter((x) => x.source === 'typed').map((x) => x.kind)).toEqual(['pledges']);

    // Typing what a record gives is refused, pointing at the latest record.
    let res = await typed('innovations', { role: 'service', quantity: 1 });
    expect([res.status, res.body.error.message, res.body.error.details[0].record]).toEqual([
      400,
      `创新项目由该企业党组织登记的创新项目记录 #${i2}（${daysAgo(12)}）自动统计，无需录入`,
      { type: 'achievement', id: i2 },
    ]);
    res = await typed('proposals');
    expect(res.body.error.details[0].record).toEqual({ type: 'achievement', id: p2 });
    res = await typed('problems', { role: 'service', quantity: 1 });
    expect([res.status, res.body.error.details[0].record]).toEqual([400, { type: 'achievement', id: s1 }]);
    expect((await typed('pledges')).status).toBe(200);

    // A pledge record now gives pledges: the two typed ones no longer count.
    const g1 = await record({
      kind: 'pledge',
      onDate: daysAgo(3),
      fromOn: daysAgo(3),
      toOn: addDays(today, 200),
    });
    res = await typed('pledges');
    expect(res.body.error.details[0].record).toEqual({ type: 'achievement', id: g1 });

    // The summary counts the same records, and the benefit of the innovations recorded.
    const report = await city.client.get(`/api/reports/instructors?region=420500&from=${daysAgo(60)}&to=${today}`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const row = report.body.rows.find((r: { department: string }) => r.department === '作用发挥测试部门');
    expect(row).toMatchObject({ pledges: 1, proposals: 2, innovations: 2, problems: 1, benefit: 16.75 });

    // The instructor reads the enterprise's achievements, with the org covering it today
    // (migration 0037: an instructor reads the orgs of their assigned enterprises).
    const seen = await me.client.get(`/api/enterprises/${e}/achievements`);
    expect(seen.status).toBe(200);
    expect(seen.body.length).toBe(8);
    expect(seen.body.every((a: { orgId: number; orgName: string | null }) => a.orgId === o && a.orgName !== null)).toBe(
      true,
    );
    expect((await me.client.get(`/api/enterprises/${enterprise}/achievements`)).status).toBe(404);
  });
});
