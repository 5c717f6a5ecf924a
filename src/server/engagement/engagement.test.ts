// Open activities, pairings and owner engagement (issue #15 items 4 and 7; document 001):
// recorded once by the branch or the committee, members ticked from the roster on the day,
// non-members counted; owner facts kept per enterprise with the org covering it. Scope: a
// secretary records for their own org; another county gets 404 and nothing changes.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectEachNotFound, expectInvalid } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { county, otherCounty } = await signInCountyCommittees(fx);

const today = localDateString(new Date());
let org: number;
let otherOrg: number;
let enterprise: number;
let uncovered: number;
let members: number[];
let secretary: Logged;

const state = async () => [
  await fx.rows(sql`select * from open_activities order by id`),
  await fx.rows(sql`select * from open_activity_participants order by activity_id, member_id`),
  await fx.rows(sql`select * from pairings order by id`),
  await fx.rows(sql`select * from pairing_activities order by id`),
  await fx.rows(sql`select * from owner_engagements order by id`),
];

beforeAll(async () => {
  enterprise = (await makeEnterprise(fx.database)).id;
  uncovered = (await makeEnterprise(fx.database)).id;
  org = (await makeOrg(fx.database, [enterprise])).id;
  otherOrg = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
  members = [];
  for (const name of ['刘春梅', '陈建华']) {
    const m = await county.client.post('/api/members', memberBody(org, { name }));
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    members.push(m.body.id);
  }
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
});

describe('open activities', () => {
  it('the secretary records one: members ticked from the roster, non-members counted, audited', async () => {
    const res = await secretary.client.post(`/api/orgs/${org}/open-activities`, {
      heldOn: addDays(today, -1),
      title: '党群共建志愿服务进社区',
      place: '厂区广场',
      memberIds: members,
      nonMemberCount: 23,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const view = await secretary.client.get(`/api/orgs/${org}/engagement`);
    expect(view.body.openActivities).toEqual([
      expect.objectContaining({
        title: '党群共建志愿服务进社区',
        nonMemberCount: 23,
        participants: expect.arrayContaining([expect.objectContaining({ id: members[0], name: '刘春梅' })]),
      }),
    ]);
    const [audit] = await fx.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'open_activity' and entity_id = ${String(res.body.id)}`,
    );
    expect(audit.action).toBe('engagement.activity_create');
  });

  it('refuses a member not on the roster, an empty activity, a future date — naming the field', async () => {
    const outsider = await county.client.post('/api/members', memberBody(otherOrg, { name: '孙丽' }));
    const post = (body: Record<string, unknown>) => () =>
      secretary.client.post(`/api/orgs/${org}/open-activities`, { heldOn: today, title: '读书会', ...body });
    await expectInvalid(post({ memberIds: [outsider.body.id] }), state, 'memberIds', '不在');
    await expectInvalid(post({}), state, 'memberIds', '请勾选参加的党员或填写群众人数');
    await expectInvalid(post({ heldOn: addDays(today, 1), nonMemberCount: 3 }), state, 'heldOn', '晚于今天');
    await expectInvalid(post({ title: ' ', nonMemberCount: 3 }), state, 'title', '请填写活动主题');
  });
});

describe('pairings', () => {
  let pairing: number;

  it('with a village, by the secretary; joint activities within its period', async () => {
    const res = await secretary.client.post(`/api/orgs/${org}/pairings`, {
      partnerKind: 'village',
      partnerName: '龙泉镇青龙村',
      startOn: addDays(today, -30),
      endOn: addDays(today, 300),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pairing = res.body.id;
    const joint = await secretary.client.post(`/api/pairings/${pairing}/activities`, {
      heldOn: addDays(today, -3),
      title: '村企共建助农直播',
    });
    expect(joint.status, JSON.stringify(joint.body)).toBe(200);
    await expectInvalid(
      () =>
        secretary.client.post(`/api/pairings/${pairing}/activities`, { heldOn: addDays(today, -31), title: '早了' }),
      state,
      'heldOn',
      '早于结对开始日期',
    );
    const view = await secretary.client.get(`/api/orgs/${org}/engagement`);
    expect(view.body.pairings).toEqual([
      expect.objectContaining({
        partnerKind: 'village',
        partnerName: '龙泉镇青龙村',
        activities: [expect.objectContaining({ title: '村企共建助农直播' })],
      }),
    ]);
  });

  it('two orgs pair through the committee; the partner sees it; a secretary cannot name another org', async () => {
    const res = await county.client.post(`/api/orgs/${otherOrg}/pairings`, {
      partnerKind: 'org',
      partnerOrgId: org,
      startOn: addDays(today, -5),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const view = await secretary.client.get(`/api/orgs/${org}/engagement`);
    expect(view.body.pairings.map((p: { id: number }) => p.id)).toContain(res.body.id);
    await expectInvalid(
      () =>
        secretary.client.post(`/api/orgs/${org}/pairings`, {
          partnerKind: 'org',
          partnerOrgId: otherOrg,
          startOn: today,
        }),
      state,
      'partnerOrgId',
      '上级党组织登记',
    );
    await expectInvalid(
      () => county.client.post(`/api/orgs/${org}/pairings`, { partnerKind: 'community', startOn: today }),
      state,
      'partnerName',
      '村或社区名称',
    );
  });
});

describe('owner engagement', () => {
  it('a communication and the support given, with the org covering the enterprise', async () => {
    const talk = await secretary.client.post(`/api/enterprises/${enterprise}/owner-engagements`, {
      kind: 'communication',
      occurredOn: addDays(today, -2),
      ownerName: '王建国',
      topics: '新厂区党员活动室选址',
      outcome: '同意在新厂区三楼设活动室',
    });
    expect(talk.status, JSON.stringify(talk.body)).toBe(200);
    const support = await secretary.client.post(`/api/enterprises/${enterprise}/owner-engagements`, {
      kind: 'support',
      occurredOn: addDays(today, -2),
      hours: 4,
      venue: '三楼会议室',
      funds: 1.5,
    });
    expect(support.status, JSON.stringify(support.body)).toBe(200);
    const view = await secretary.client.get(`/api/orgs/${org}/engagement`);
    expect(view.body.ownerEngagements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'support', hours: 4, funds: 1.5, venue: '三楼会议室', orgId: org }),
        expect.objectContaining({ kind: 'communication', topics: '新厂区党员活动室选址' }),
      ]),
    );
    const listed = await county.client.get(`/api/enterprises/${enterprise}/owner-engagements`);
    expect(listed.body).toHaveLength(2);
  });

  it('is recorded once where the rule says so, naming the field', async () => {
    const post =
      (body: Record<string, unknown>, id = enterprise) =>
      () =>
        county.client.post(`/api/enterprises/${id}/owner-engagements`, { occurredOn: today, ...body });
    expect((await post({ kind: 'application', ownerName: '王建国' })()).status).toBe(200);
    await expectInvalid(post({ kind: 'application' }), state, 'kind', '不必重复登记');
    await expectInvalid(post({ kind: 'support' }), state, 'hours', '请至少填写一项支持');
    await expectInvalid(post({ kind: 'communication' }), state, 'topics', '沟通事项');
    await expectInvalid(post({ kind: 'org_request' }), state, 'kind', '已有党组织');
    await expectInvalid(post({ kind: 'communication', topics: '走访' }, uncovered), state, 'occurredOn', '尚无党组织');
    expect((await post({ kind: 'org_request', ownerName: '李老板' }, uncovered)()).status).toBe(200);
  });
});

describe('scope', () => {
  it('another county gets 404 on every route, and a secretary on another org’s enterprise; nothing changes', async () => {
    const [p] = await fx.rows<{ id: number }>(sql`select id from pairings where org_id = ${org} limit 1`);
    const calls = [
      ['GET', `/api/orgs/${org}/engagement`, undefined],
      ['POST', `/api/orgs/${org}/open-activities`, { heldOn: today, title: '越权', nonMemberCount: 1 }],
      ['POST', `/api/orgs/${org}/pairings`, { partnerKind: 'village', partnerName: '某村', startOn: today }],
      ['POST', `/api/pairings/${p.id}/activities`, { heldOn: today, title: '越权' }],
      ['GET', `/api/enterprises/${enterprise}/owner-engagements`, undefined],
      [
        'POST',
        `/api/enterprises/${enterprise}/owner-engagements`,
        { kind: 'communication', occurredOn: today, topics: '越权' },
      ],
    ] as const;
    await expectEachNotFound(fx.database.db, otherCounty, calls, state);
    await expectEachNotFound(
      fx.database.db,
      secretary,
      [
        ['GET', `/api/orgs/${otherOrg}/engagement`, undefined],
        ['POST', `/api/enterprises/${uncovered}/owner-engagements`, { kind: 'org_request', occurredOn: today }],
      ],
      state,
    );
  });
});
