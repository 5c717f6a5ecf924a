// An instructor account sees and records only for the enterprises assigned to it, while the
// assignment lasts (issue 5 item 9; row-level security of migration 0013 backs this up).
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';
import { assignTo, createInstructor, daysAgo, departmentId, instructorBody, today } from './instructors.testing.ts';

const fx = await fileFixture();

let committee: Logged;
let me: Logged;
let unlinked: Logged;
let mine: number;
let colleague: number;
const e: Record<'assigned' | 'shared' | 'others' | 'none' | 'ended', { id: number }> = {} as never;
let endedAssignment: number;

beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  const dept = await departmentId(committee.client, '工信');
  mine = await createInstructor(committee.client, dept, { name: '本人' });
  colleague = await createInstructor(committee.client, dept, { name: '同事' });
  for (const key of ['assigned', 'shared', 'others', 'none', 'ended'] as const)
    e[key] = await makeEnterprise(fx.database);
  await assignTo(committee.client, mine, e.assigned.id);
  await assignTo(committee.client, mine, e.shared.id);
  await assignTo(committee.client, colleague, e.shared.id);
  await assignTo(committee.client, colleague, e.others.id);
  endedAssignment = await assignTo(committee.client, mine, e.ended.id, daysAgo(40));
  await committee.client.post(`/api/instructors/${mine}/assignments/${endedAssignment}/end`, { endOn: today() });
  me = await fx.clientAs({ roles: ['instructor'], regionCode: '420500', instructorId: mine });
  unlinked = await fx.clientAs({ roles: ['instructor'], regionCode: '420500' });
});

const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);

describe('an instructor account', () => {
  it('sees in the ledger only the enterprises assigned to it today', async () => {
    const res = await me.client.get('/api/enterprises?pageSize=200');
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([e.assigned.id, e.shared.id].sort((a, b) => a - b));
    expect(res.body.total).toBe(2);
    for (const id of [e.assigned.id, e.shared.id])
      expect((await me.client.get(`/api/enterprises/${id}`)).status).toBe(200);
    // Another instructor's, nobody's, and one whose assignment ended today: as if absent.
    for (const id of [e.others.id, e.none.id, e.ended.id]) {
      expect([id, (await me.client.get(`/api/enterprises/${id}`)).status]).toEqual([id, 404]);
    }
    const dashboard = await me.client.get('/api/dashboard');
    expect(dashboard.body.ledger.inScope).toBe(2);
  });

  it('sees only its own record and its current assignments', async () => {
    const list = await me.client.get('/api/instructors?pageSize=200&status=all');
    expect(ids(list.body.items)).toEqual([mine]);
    const detail = await me.client.get(`/api/instructors/${mine}`);
    expect(detail.status).toBe(200);
    expect(detail.body.writable).toBe(false);
    expect(detail.body.assignments.map((a: { enterpriseId: number }) => a.enterpriseId).sort()).toEqual(
      [e.assigned.id, e.shared.id].sort(),
    );
    expect((await me.client.get(`/api/instructors/${colleague}`)).status).toBe(404);
    // On a shared enterprise it sees its own assignment, not the colleague's.
    const card = await me.client.get(`/api/enterprises/${e.shared.id}/instructors`);
    expect(card.body.assignments.map((a: { instructorId: number }) => a.instructorId)).toEqual([mine]);
    for (const id of [e.others.id, e.ended.id]) {
      expect((await me.client.get(`/api/enterprises/${id}/instructors`)).status).toBe(404);
    }
  });

  it('loses the enterprise the day its assignment ends', async () => {
    const extra = await makeEnterprise(fx.database);
    const a = await assignTo(committee.client, mine, extra.id, daysAgo(2));
    expect((await me.client.get(`/api/enterprises/${extra.id}`)).status).toBe(200);
    await committee.client.post(`/api/instructors/${mine}/assignments/${a}/end`, { endOn: today() });
    expect((await me.client.get(`/api/enterprises/${extra.id}`)).status).toBe(404);
    expect(ids((await me.client.get('/api/enterprises?pageSize=200')).body.items)).not.toContain(extra.id);
  });

  it('may not manage instructors, assignments or the catalogue: 403 and nothing changes', async () => {
    const state = () =>
      fx.rows(sql`select (select jsonb_agg(to_jsonb(i) order by id) from instructors i) as i,
                         (select jsonb_agg(to_jsonb(a) order by id) from assignments a) as a,
                         (select jsonb_agg(to_jsonb(d) order by id) from departments d) as d`);
    const dept = await departmentId(me.client, '工信');
    const calls: [string, string, unknown][] = [
      ['POST', '/api/instructors', instructorBody(dept)],
      ['PATCH', `/api/instructors/${mine}`, { name: '改名' }],
      ['POST', `/api/instructors/${mine}/reveal`, {}],
      ['POST', `/api/instructors/${mine}/assignments`, { enterpriseId: e.none.id, startOn: today() }],
      ['POST', `/api/instructors/${colleague}/assignments`, { enterpriseId: e.assigned.id, startOn: today() }],
      ['POST', `/api/instructors/${mine}/assignments/${endedAssignment}/end`, { endOn: today() }],
      ['POST', '/api/departments', { name: '越权部门' }],
      ['GET', `/api/enterprises/${e.assigned.id}/instructor-suggestions`, undefined],
    ];
    for (const [method, path, body] of calls) {
      const before = await state();
      const audit = await expectUnchanged(fx.database.db, [me.user.id], async () => {
        const res = await me.client.request(method, path, body);
        expect([res.status, path]).toEqual([403, path]);
      });
      expect(audit.map((a) => a.result)).toEqual(['denied']);
      expect(await state()).toEqual(before);
    }
  });

  it('not yet linked to an instructor record, sees no enterprise and no instructor', async () => {
    expect((await unlinked.client.get('/api/enterprises?pageSize=200')).body.total).toBe(0);
    expect((await unlinked.client.get('/api/instructors?status=all')).body.total).toBe(0);
    expect((await unlinked.client.get(`/api/enterprises/${e.assigned.id}/instructors`)).status).toBe(404);
  });
});
