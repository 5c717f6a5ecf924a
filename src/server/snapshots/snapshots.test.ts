import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';

let fx: Fixture;
let committee: TestClient;
const today = localDateString(new Date());
const BEFORE = '2025-01-01';
const FORMED = '2025-06-01';

/** The ids of each group of enterprises, by what happens to them between the snapshots. */
const g = {} as Record<'formed' | 'stillCandidate' | 'noMember' | 'cancelled' | 'movedOut' | 'founded', number[]>;

async function many(n: number, values: Parameters<typeof makeEnterprise>[1]) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await makeEnterprise(fx.database, values)).id);
  return ids;
}

beforeAll(async () => {
  fx = await makeFixture();
  committee = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  const old = { foundedOn: '2020-01-01' };
  g.formed = await many(4, { ...old, regionCode: '420503', memberCount: 1, fullMemberCount: 1 });
  g.stillCandidate = await many(2, { ...old, regionCode: '420502', memberCount: 2, fullMemberCount: 1 });
  g.noMember = await many(5, { ...old, regionCode: '420502' });
  g.cancelled = await many(1, { ...old, regionCode: '420503' });
  g.movedOut = await many(1, { ...old, regionCode: '420503' });
  g.founded = await many(2, { foundedOn: '2025-09-01', regionCode: '420503', employees: 150 });
  // Outside 宜昌市: in no snapshot of it.
  await many(3, { ...old, regionCode: '420102' });
  for (const id of g.formed) await makeOrg(fx.database, [id], { establishedOn: FORMED });
  // Today: one enterprise is cancelled, one moves to 武汉市.
  await fx.rows(sql`update enterprises set registration_status = 'cancelled' where id = ${g.cancelled[0]}`);
  await fx.rows(sql`update enterprises set region_code = '420102' where id = ${g.movedOut[0]}`);
});
afterAll(() => fx.close());

const create = (c: TestClient, body: Record<string, unknown>) => c.post('/api/snapshots', body);

describe('survey snapshots', () => {
  let a: number;
  let b: number;

  it('freezes the ledger of a region as of a date, audited', async () => {
    const before = await create(committee, { date: BEFORE, region: '420500', label: '2025 年初' });
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    // Everything founded by then and in 宜昌市 then: all but the two founded later.
    expect(before.body).toMatchObject({
      takenOn: BEFORE,
      regionCode: '420500',
      label: '2025 年初',
      enterpriseCount: 13,
    });
    a = before.body.id;
    const now = await create(committee, { date: today });
    expect(now.status).toBe(200);
    // The actor's own region by default; the enterprise moved to 武汉市 is no longer in it.
    expect(now.body).toMatchObject({ regionCode: '420500', enterpriseCount: 14 });
    expect(now.body.label).toContain(today);
    b = now.body.id;
    const [audit] = await fx.rows<{ action: string; diff: Record<string, unknown> }>(
      sql`select action, diff from audit_log where action = 'snapshot.create' and entity_id = ${String(a)}`,
    );
    expect(audit?.diff).toMatchObject({ region: '420500', date: BEFORE, enterpriseCount: 13 });
    const list = await committee.get('/api/snapshots');
    expect(list.body.items.map((s: { id: number }) => s.id)).toEqual([b, a]);
  });

  it('compares enterprise by enterprise: the transition matrix, entered and left', async () => {
    const res = await committee.get(`/api/snapshots/compare?from=${a}&to=${b}`);
    expect(res.status).toBe(200);
    const cell = (from: string, to: string) =>
      res.body.transitions.find((t: { from: string; to: string }) => t.from === from && t.to === to)?.n ?? 0;
    expect(cell('joint_candidate', 'standalone')).toBe(4);
    expect(cell('joint_candidate', 'joint_candidate')).toBe(2);
    expect(cell('no_member', 'no_member')).toBe(5);
    expect(cell('no_member', 'closed')).toBe(1);
    expect(cell('no_member', 'absent')).toBe(1);
    expect(cell('absent', 'no_member')).toBe(2);
    expect(res.body.totals).toEqual({ entered: 2, left: 1, changed: 5, unchanged: 7 });
  });

  it('lists the enterprises of every transition, as many as the matrix counts', async () => {
    const { transitions } = (await committee.get(`/api/snapshots/compare?from=${a}&to=${b}`)).body;
    for (const t of transitions as { from: string; to: string; n: number }[]) {
      const list = await committee.get(
        `/api/snapshots/compare/enterprises?from=${a}&to=${b}&fromState=${t.from}&toState=${t.to}&pageSize=2`,
      );
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(t.n);
      expect(list.body.rows.length).toBe(Math.min(2, t.n));
      for (const r of list.body.rows) {
        if (t.from === 'absent') expect(r.from).toBeNull();
        else expect(r.from.inScope ? r.from.category : 'closed').toBe(t.from);
        if (t.to === 'absent') expect(r.to).toBeNull();
        else expect(r.to.inScope ? r.to.category : 'closed').toBe(t.to);
      }
    }
    const formed = await committee.get(
      `/api/snapshots/compare/enterprises?from=${a}&to=${b}&fromState=joint_candidate&toState=standalone`,
    );
    expect(formed.body.rows.map((r: { enterpriseId: number }) => r.enterpriseId).sort()).toEqual([...g.formed].sort());
    expect(formed.body.rows[0]).toMatchObject({ from: { orgCoverage: null }, to: { orgCoverage: 'standalone' } });
    const founded = await committee.get(
      `/api/snapshots/compare/enterprises?from=${a}&to=${b}&fromState=absent&toState=no_member`,
    );
    // 150 employees and no org: 重点盯住 as frozen.
    expect(founded.body.rows.every((r: { to: { keyWatch: boolean } }) => r.to.keyWatch)).toBe(true);
  });

  it('does not change when the ledger changes later', async () => {
    const frozen = () =>
      fx.rows(sql`select * from snapshot_rows where snapshot_id = ${b} order by enterprise_id`).then(JSON.stringify);
    const rowsBefore = await frozen();
    const compareBefore = (await committee.get(`/api/snapshots/compare?from=${a}&to=${b}`)).body;
    for (const id of g.stillCandidate) await makeOrg(fx.database, [id], { establishedOn: addDays(today, -1) });
    await fx.rows(sql`update enterprises set employees = 500, member_count = 9, full_member_count = 9
                      where id = any(${`{${g.noMember.join(',')}}`}::int[])`);
    await makeEnterprise(fx.database, { regionCode: '420502', foundedOn: '2021-01-01' });
    expect(await frozen()).toBe(rowsBefore);
    expect((await committee.get(`/api/snapshots/compare?from=${a}&to=${b}`)).body).toEqual(compareBefore);
    // A new snapshot of today sees the change.
    const c = (await create(committee, { date: today })).body.id;
    const later = (await committee.get(`/api/snapshots/compare?from=${b}&to=${c}`)).body;
    const cell = (from: string, to: string) =>
      later.transitions.find((t: { from: string; to: string }) => t.from === from && t.to === to)?.n ?? 0;
    expect(cell('joint_candidate', 'standalone')).toBe(2);
    expect(cell('no_member', 'should_form')).toBe(5);
    expect(later.totals.entered).toBe(1);
  });

  it('keeps to the actor’s region: other regions’ snapshots are absent, creation outside is refused', async () => {
    const wuhan = (await fx.clientAs({ roles: ['committee'], regionCode: '420100' })).client;
    const own = await create(wuhan, { date: today });
    expect(own.body).toMatchObject({ regionCode: '420100', enterpriseCount: 4 });
    expect((await wuhan.get('/api/snapshots')).body.items.map((s: { id: number }) => s.id)).toEqual([own.body.id]);
    expect((await committee.get('/api/snapshots')).body.items.map((s: { id: number }) => s.id)).not.toContain(
      own.body.id,
    );
    const count = async () => (await fx.rows<{ n: number }>(sql`select count(*)::int as n from snapshots`))[0]?.n;
    const n = await count();
    for (const res of [
      await wuhan.get(`/api/snapshots/compare?from=${a}&to=${b}`),
      await wuhan.get(`/api/snapshots/compare?from=${own.body.id}&to=${b}`),
      await wuhan.get(`/api/snapshots/compare/enterprises?from=${a}&to=${b}&fromState=absent&toState=no_member`),
      await create(wuhan, { date: today, region: '420500' }),
      await create(wuhan, { date: today, region: '420503' }),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    }
    expect(await count()).toBe(n);
  });

  it('lets a leader read and compare but not create; refuses a future date with the rule', async () => {
    const leader = (await fx.clientAs({ roles: ['leader'], regionCode: '420500' })).client;
    expect((await leader.get(`/api/snapshots/compare?from=${a}&to=${b}`)).status).toBe(200);
    expect((await create(leader, { date: today })).status).toBe(403);
    const future = await create(committee, { date: addDays(today, 1) });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe(`快照日期（${addDays(today, 1)}）不能晚于今天（${today}）`);
    const bad = await create(committee, { date: '2025-02-30' });
    expect([bad.status, bad.body.error.details[0].field]).toEqual([400, 'date']);
  });
});
