// An instructor reads the orgs of the enterprises assigned to them today (issue #15 item 10;
// migration 0037): the org, its meetings, achievements, appraisals, activities and pairings.
// An org covering none of their enterprises is 404, and every write is 403 — refused by the
// permissions and, behind them, by row-level security.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { makeAssignment, makeDepartment, makeInstructor } from '../casework/casework.testing.ts';
import { queryRows } from '../db/rows.ts';
import { inScope } from '../db/tx.ts';
import { memberBody } from '../members/members.testing.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { county } = await signInCountyCommittees(fx);

const today = localDateString(new Date());
const daysAgo = (n: number) => addDays(today, -n);
let me: Logged;
let instructorId: number;
let enterprise: number;
let org: number;
let otherOrg: number;
let endedOrg: number;
let member: number;
let meeting: number;

const ORG_READS = ['', '/meetings', '/meeting-status', '/achievements', '/appraisals', '/engagement', '/party-groups'];

beforeAll(async () => {
  const department = await makeDepartment(fx.database, '组织读取测试部门');
  instructorId = (await makeInstructor(fx.database, department.id)).id;
  enterprise = (await makeEnterprise(fx.database)).id;
  const other = (await makeEnterprise(fx.database)).id;
  const ended = (await makeEnterprise(fx.database)).id;
  org = (await makeOrg(fx.database, [enterprise])).id;
  otherOrg = (await makeOrg(fx.database, [other])).id;
  endedOrg = (await makeOrg(fx.database, [ended])).id;
  await makeAssignment(fx.database, instructorId, enterprise, daysAgo(30));
  // An assignment that ended yesterday gives no org.
  await makeAssignment(fx.database, instructorId, ended, daysAgo(60), daysAgo(1));
  const m = await county.client.post('/api/members', memberBody(org, { name: '赵读取' }));
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  member = m.body.id;
  const made = await county.client.post(`/api/orgs/${org}/meetings`, {
    kind: 'theme_day',
    heldOn: daysAgo(3),
    topic: '学习新修订的党章',
    present: [member],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  meeting = made.body.id;
  const a = await county.client.post('/api/achievements', {
    orgId: org,
    enterpriseId: enterprise,
    kind: 'proposal',
    form: 'golden_idea',
    onDate: daysAgo(5),
    content: '改进仓储流程',
    memberIds: [member],
    adopted: true,
    benefit: 3,
  });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  me = await fx.clientAs({ roles: ['instructor'], regionCode: '420500', instructorId });
});

describe('an instructor reads the orgs of their enterprises', () => {
  it('reads the org covering an assigned enterprise, its meetings and achievements', async () => {
    for (const tail of ORG_READS) {
      const res = await me.client.get(`/api/orgs/${org}${tail}`);
      expect(res.status, `${tail} ${JSON.stringify(res.body)}`).toBe(200);
    }
    const meetings = await me.client.get(`/api/orgs/${org}/meetings`);
    expect(meetings.body.map((x: { id: number }) => x.id)).toEqual([meeting]);
    expect(meetings.body[0]).toMatchObject({ present: 1, topic: '学习新修订的党章' });
    const one = await me.client.get(`/api/meetings/${meeting}`);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    const achievements = await me.client.get(`/api/orgs/${org}/achievements`);
    expect(achievements.body.map((x: { content: string }) => x.content)).toEqual(['改进仓储流程']);
    // 我的企业 names the org covering each enterprise, a link to its page.
    const mine = await me.client.get('/api/casework/assignments');
    expect(mine.status).toBe(200);
    expect(
      mine.body.items.map((x: { enterpriseId: number; orgs: { id: number }[] }) => [
        x.enterpriseId,
        x.orgs.map((o) => o.id),
      ]),
    ).toEqual([[enterprise, [org]]]);
    // The org list holds that org alone.
    const list = await me.client.get('/api/orgs');
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: number }) => o.id)).toEqual([org]);
  });

  it('an org covering none of their enterprises today is 404, and nothing changes', async () => {
    await expectUnchanged(fx.database.db, [], async () => {
      for (const id of [otherOrg, endedOrg]) {
        for (const tail of ORG_READS) {
          expect((await me.client.get(`/api/orgs/${id}${tail}`)).status, `${id}${tail}`).toBe(404);
        }
      }
    });
  });

  it('every write is 403 and nothing changes', async () => {
    const before = await fx.rows(sql`select id, topic from meetings order by id`);
    await expectUnchanged(fx.database.db, [], async () => {
      const calls: [string, string, unknown][] = [
        ['POST', `/api/orgs/${org}/meetings`, { kind: 'theme_day', heldOn: daysAgo(1), topic: '越权', present: [] }],
        ['PUT', `/api/meetings/${meeting}`, { kind: 'theme_day', heldOn: daysAgo(3), topic: '越权', present: [] }],
        ['DELETE', `/api/meetings/${meeting}`, undefined],
        [
          'POST',
          '/api/achievements',
          { orgId: org, enterpriseId: enterprise, kind: 'pledge', onDate: daysAgo(1), content: '越权' },
        ],
        ['POST', `/api/orgs/${org}/open-activities`, { heldOn: daysAgo(1), title: '越权', nonMemberCount: 3 }],
        ['POST', `/api/orgs/${org}/party-groups`, { name: '越权小组' }],
        ['PATCH', `/api/orgs/${org}`, { name: '越权' }],
      ];
      for (const [method, path, body] of calls) {
        const res = await me.client.request(method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
      }
    });
    expect(await fx.rows(sql`select id, topic from meetings order by id`)).toEqual(before);
  });

  it('row-level security refuses an instructor’s write even where a query forgets the permission', async () => {
    const scope = { actorId: 1, scopePrefix: '4205', orgId: null, instructorId };
    const seen = await inScope(fx.database.db, scope, (tx) =>
      queryRows<{ id: number }>(tx, sql`select id from party_orgs order by id`),
    );
    expect(seen.map((r) => r.id)).toEqual([org]);
    await expect(
      inScope(fx.database.db, scope, (tx) =>
        tx.execute(
          sql`insert into meetings (org_id, kind, held_on, topic) values (${org}, 'theme_day', ${daysAgo(1)}, '越权')`,
        ),
      ),
    ).rejects.toThrow();
    const updated = await inScope(fx.database.db, scope, (tx) =>
      queryRows(tx, sql`update meetings set topic = '越权' where id = ${meeting} returning id`),
    );
    expect(updated).toEqual([]);
    const renamed = await inScope(fx.database.db, scope, (tx) =>
      queryRows(tx, sql`update party_orgs set name = '越权' where id = ${org} returning id`),
    );
    expect(renamed).toEqual([]);
  });
});
