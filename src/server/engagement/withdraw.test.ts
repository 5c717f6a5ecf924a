// Withdrawing a mistaken entry (issue #15): a member appraisal, an open activity, a pairing with
// its joint activities, one joint activity, an owner-engagement record. The record goes, the
// audit entry of the same transaction keeps what it said; another org or county gets 404 and
// nothing changes; a reader gets 403.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectEachNotFound, expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { county, otherCounty } = await signInCountyCommittees(fx);

const today = localDateString(new Date());
const daysAgo = (n: number) => addDays(today, -n);
let org: number;
let enterprise: number;
let member: number;
let spare: number;
let secretary: Logged;
let mate: Logged;
let leader: Logged;

const state = async () => [
  await fx.rows(sql`select * from member_appraisals order by id`),
  await fx.rows(sql`select * from open_activities order by id`),
  await fx.rows(sql`select * from open_activity_participants order by activity_id, member_id`),
  await fx.rows(sql`select * from pairings order by id`),
  await fx.rows(sql`select * from pairing_activities order by id`),
  await fx.rows(sql`select * from owner_engagements order by id`),
];

const ok = (res: { status: number; body: { id: number } }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id;
};

/** One of each record, by the org's secretary. */
async function record(who: number) {
  const appraisal = ok(
    await secretary.client.post(`/api/orgs/${org}/member-appraisals`, {
      memberId: who,
      year: Number(today.slice(0, 4)) - 1,
      result: 'basically_qualified',
      appraisedOn: `${Number(today.slice(0, 4)) - 1}-12-20`,
    }),
  );
  const activity = ok(
    await secretary.client.post(`/api/orgs/${org}/open-activities`, {
      heldOn: daysAgo(2),
      title: '党群读书会',
      memberIds: [member],
      nonMemberCount: 6,
    }),
  );
  const pairing = ok(
    await secretary.client.post(`/api/orgs/${org}/pairings`, {
      partnerKind: 'community',
      partnerName: '西陵区学院街社区',
      startOn: daysAgo(20),
    }),
  );
  const joint = [];
  for (const title of ['社区义诊', '助老志愿服务']) {
    joint.push(ok(await secretary.client.post(`/api/pairings/${pairing}/activities`, { heldOn: daysAgo(5), title })));
  }
  const talk = ok(
    await secretary.client.post(`/api/enterprises/${enterprise}/owner-engagements`, {
      kind: 'communication',
      occurredOn: daysAgo(1),
      topics: '党员活动室选址',
    }),
  );
  return { appraisal, activity, pairing, joint, talk };
}

beforeAll(async () => {
  enterprise = (await makeEnterprise(fx.database)).id;
  org = (await makeOrg(fx.database, [enterprise])).id;
  const otherOrg = (await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id])).id;
  const m = await county.client.post('/api/members', memberBody(org, { name: '周撤销' }));
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  member = m.body.id;
  spare = (await county.client.post('/api/members', memberBody(org, { name: '吴留存' }))).body.id;
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org });
  mate = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
  leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
});

const auditOf = (entity: string, id: number) =>
  fx.rows<{ action: string; diff: Record<string, unknown> }>(
    sql`select action, diff from audit_log where entity = ${entity} and entity_id = ${String(id)} and result = 'success'
        order by seq desc limit 1`,
  );

describe('withdrawing a mistaken entry', () => {
  it('another county or org gets 404, a reader 403, and nothing changes', async () => {
    const r = await record(spare);
    const calls = [
      ['DELETE', `/api/member-appraisals/${r.appraisal}`, undefined],
      ['DELETE', `/api/open-activities/${r.activity}`, undefined],
      ['DELETE', `/api/pairings/${r.pairing}`, undefined],
      ['DELETE', `/api/pairing-activities/${r.joint[0]}`, undefined],
      ['DELETE', `/api/owner-engagements/${r.talk}`, undefined],
    ] as const;
    await expectEachNotFound(fx.database.db, otherCounty, calls, state);
    await expectEachNotFound(fx.database.db, mate, calls, state);
    const before = await state();
    await expectUnchanged(fx.database.db, [leader.user.id], async () => {
      for (const [method, path] of calls) expect((await leader.client.request(method, path)).status).toBe(403);
    });
    expect(await state()).toEqual(before);
  });

  it('the secretary withdraws each; the audit entry keeps what it said', async () => {
    const r = await record(member);
    const del = async (path: string) => {
      const res = await secretary.client.request('DELETE', path);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };

    await del(`/api/member-appraisals/${r.appraisal}`);
    expect(await fx.rows(sql`select id from member_appraisals where id = ${r.appraisal}`)).toEqual([]);
    expect(await auditOf('member_appraisal', r.appraisal)).toEqual([
      {
        action: 'appraisal.member_delete',
        diff: expect.objectContaining({ memberName: '周撤销', result: 'basically_qualified' }),
      },
    ]);

    await del(`/api/open-activities/${r.activity}`);
    expect(await fx.rows(sql`select 1 from open_activity_participants where activity_id = ${r.activity}`)).toEqual([]);
    expect(await auditOf('open_activity', r.activity)).toEqual([
      {
        action: 'engagement.activity_delete',
        diff: expect.objectContaining({ title: '党群读书会', members: 1, nonMemberCount: 6 }),
      },
    ]);

    // One joint activity, then the pairing with the one left.
    await del(`/api/pairing-activities/${r.joint[0]}`);
    expect(await fx.rows(sql`select id from pairing_activities where pairing_id = ${r.pairing}`)).toEqual([
      { id: r.joint[1] },
    ]);
    expect((await auditOf('pairing', r.pairing))[0]).toMatchObject({
      action: 'engagement.pairing_activity_delete',
      diff: { activityId: r.joint[0], title: '社区义诊' },
    });
    await del(`/api/pairings/${r.pairing}`);
    expect(await fx.rows(sql`select id from pairing_activities where pairing_id = ${r.pairing}`)).toEqual([]);
    expect((await auditOf('pairing', r.pairing))[0]).toMatchObject({
      action: 'engagement.pairing_delete',
      diff: { partnerName: '西陵区学院街社区', activities: [expect.objectContaining({ title: '助老志愿服务' })] },
    });

    await del(`/api/owner-engagements/${r.talk}`);
    expect(await auditOf('owner_engagement', r.talk)).toEqual([
      { action: 'engagement.owner_delete', diff: expect.objectContaining({ topics: '党员活动室选址' }) },
    ]);

    // The org page no longer lists any of it.
    const view = await secretary.client.get(`/api/orgs/${org}/engagement`);
    expect(view.status).toBe(200);
    const ids = (list: { id: number }[]) => list.map((x) => x.id);
    expect(ids(view.body.openActivities)).not.toContain(r.activity);
    expect(ids(view.body.pairings)).not.toContain(r.pairing);
    expect(ids(view.body.ownerEngagements)).not.toContain(r.talk);
    // A second withdrawal finds nothing.
    expect((await secretary.client.request('DELETE', `/api/open-activities/${r.activity}`)).status).toBe(404);
  });

  it('a request to set up an org is withdrawn by the committee, not by a secretary', async () => {
    const bare = (await makeEnterprise(fx.database)).id;
    const req = ok(
      await county.client.post(`/api/enterprises/${bare}/owner-engagements`, {
        kind: 'org_request',
        occurredOn: daysAgo(3),
        ownerName: '钱老板',
      }),
    );
    expect((await secretary.client.request('DELETE', `/api/owner-engagements/${req}`)).status).toBe(404);
    expect((await county.client.request('DELETE', `/api/owner-engagements/${req}`)).status).toBe(200);
    expect(await fx.rows(sql`select id from owner_engagements where id = ${req}`)).toEqual([]);
  });
});
