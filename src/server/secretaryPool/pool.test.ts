// The pool of secretaries to send (issue #13 item 9; document 001: 下派了24名干部到非公有制企业
// 任党组织书记, 党务工作者输送机制): who is in it and where they came from, each dispatch to an
// org and return, shown on the org's page, counted by region, kept to the region.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { localOperator } from '../actor.ts';
import { poolSecretaries } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { lastAuditSeq } from '../testing/audit.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectInvalid, expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { city, county, otherCounty } = await signInCountyCommittees(fx);
const leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
const today = localDateString(new Date());
const daysAgo = (n: number) => addDays(today, -n);
const year = Number(today.slice(0, 4));

const body = (more: Record<string, unknown> = {}) => ({
  name: '李明',
  sex: 'male',
  birthDate: '1970-03-15',
  phone: '13912345678',
  origin: 'agency',
  originUnit: '西陵区商务局',
  regionCode: '420502',
  enteredOn: daysAgo(90),
  note: null,
  ...more,
});

async function enter(c: Logged, more: Record<string, unknown> = {}): Promise<number> {
  const res = await c.client.post('/api/secretary-pool', body(more));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id;
}

const orgIn = async (regionCode: string) =>
  (await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode })).id], { regionCode })).id;

describe('entering people into the pool', () => {
  it('keeps where they came from and leaves the phone and birth date masked', async () => {
    const id = await enter(county, {
      name: '王芳',
      sex: 'female',
      origin: 'retired_cadre',
      originUnit: '区人社局（退休）',
    });
    const res = await county.client.get(`/api/secretary-pool/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.secretary).toMatchObject({
      name: '王芳',
      origin: 'retired_cadre',
      originLabel: '退休干部',
      originUnit: '区人社局（退休）',
      phone: '139****5678',
      birthDate: '1970-**-**',
      status: 'available',
      statusLabel: '可下派',
      current: null,
    });
    expect(res.body.writable).toBe(true);
    expect(JSON.stringify(res.body)).not.toContain('13912345678');
    const [stored] = await fx.rows<{ phone: string }>(sql`select phone from pool_secretaries where id = ${id}`);
    expect(stored.phone).not.toContain('1391234');
    const reveal = await county.client.post(`/api/secretary-pool/${id}/reveal`, {});
    expect(reveal.body.phone).toBe('13912345678');
    const [audit] = await fx.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'pool_secretary' and entity_id = ${String(id)} order by seq desc limit 1`,
    );
    expect(audit.action).toBe('pool.reveal');
  });

  it.each([
    [{ name: '' }, 'name', '请填写姓名'],
    [{ origin: '借调' }, 'origin', '请选择来源'],
    [{ originUnit: ' ' }, 'originUnit', '请填写原单位'],
    [{ enteredOn: addDays(today, 1) }, 'enteredOn', '晚于今天'],
    [{ enteredOn: '2026-02-30' }, 'enteredOn', '日期不存在'],
    [{ phone: '139-abc' }, 'phone', '非法字符'],
    [{ birthDate: addDays(today, -10) }, 'birthDate', '不早于入库日期'],
    [{ regionCode: '999999' }, 'regionCode', '不存在'],
  ])('refuses %j, naming %s', async (more, field, message) => {
    const count = () => fx.rows(sql`select count(*)::int as n from pool_secretaries`);
    await expectInvalid(() => county.client.post('/api/secretary-pool', body(more)), count, field, message);
  });

  it('refuses a field the route does not take, naming it', async () => {
    const res = await county.client.post('/api/secretary-pool', body({ status: 'sent' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual({ field: '', message: '不接受的字段：status' });
  });
});

describe('sending a secretary to an org and their return', () => {
  let person: number;
  let org: number;
  let dispatchId: number;

  beforeAll(async () => {
    person = await enter(county, { name: '赵强', origin: 'soe', originUnit: '宜昌国投公司' });
    org = await orgIn('420502');
  });

  it('opens the org’s secretary post and shows them on the org’s page as 下派书记', async () => {
    const res = await county.client.post(`/api/secretary-pool/${person}/dispatches`, {
      orgId: org,
      startOn: daysAgo(30),
      note: '区委组织部选派',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    dispatchId = res.body.id;
    const onOrg = await county.client.get(`/api/orgs/${org}/dispatched-secretaries`);
    expect(onOrg.body).toEqual([
      expect.objectContaining({ secretaryId: person, name: '赵强', originUnit: '宜昌国投公司', endOn: null }),
    ]);
    const detail = await county.client.get(`/api/orgs/${org}`);
    expect(detail.body.org.secretarySource).toBe('dispatched');
    expect(detail.body.facts.secretaryName).toBe('赵强');
    const me = await county.client.get(`/api/secretary-pool/${person}`);
    expect(me.body.secretary).toMatchObject({ status: 'sent', current: { orgId: org, startOn: daysAgo(30) } });
    expect(me.body.dispatches).toHaveLength(1);
  });

  it('refuses a second dispatch while serving, and leaving the pool while serving', async () => {
    const other = await orgIn('420502');
    const again = await county.client.post(`/api/secretary-pool/${person}/dispatches`, {
      orgId: other,
      startOn: today,
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0]).toMatchObject({ field: 'orgId' });
    expect(again.body.error.message).toContain('仍在下派任职');
    const leave = await county.client.patch(`/api/secretary-pool/${person}`, { leftOn: today });
    expect(leave.status).toBe(400);
    expect(leave.body.error.details[0].field).toBe('leftOn');
  });

  it('refuses an org that still has a secretary, naming them', async () => {
    const someone = await enter(county, { name: '钱进' });
    const res = await county.client.post(`/api/secretary-pool/${someone}/dispatches`, { orgId: org, startOn: today });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'orgId' });
    expect(res.body.error.message).toContain('现任书记为 赵强');
  });

  it('records the return: the post ends the same day and the person is available again', async () => {
    const early = await county.client.post(`/api/secretary-pool/${person}/dispatches/${dispatchId}/return`, {
      endOn: daysAgo(40),
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].field).toBe('endOn');
    const res = await county.client.post(`/api/secretary-pool/${person}/dispatches/${dispatchId}/return`, {
      endOn: today,
    });
    expect(res.status).toBe(200);
    const me = await county.client.get(`/api/secretary-pool/${person}`);
    expect(me.body.secretary).toMatchObject({ status: 'returned', current: null });
    expect(me.body.dispatches[0]).toMatchObject({ orgId: org, endOn: today });
    const detail = await county.client.get(`/api/orgs/${org}`);
    expect(detail.body.facts.secretaryName).toBeNull();
    expect(detail.body.org.secretarySource).toBeNull();
    const onOrg = await county.client.get(`/api/orgs/${org}/dispatched-secretaries`);
    expect(onOrg.body[0].endOn).toBe(today);
  });
});

describe('counted by region', () => {
  it('available by the region keeping them; sent this year and serving by the region of the org', async () => {
    const before = await city.client.get('/api/secretary-pool/counts?regionCode=420500');
    const row = (body: { children: { region: string }[] }, code: string) =>
      body.children.find((c) => c.region === code) as unknown as Record<string, number>;
    const b502 = row(before.body, '420502');
    const b506 = row(before.body, '420506');

    // Kept by the city's pool (区划 420500), sent to an org in 夷陵 (420506).
    const cadre = await enter(city, { name: '孙伟', regionCode: '420500' });
    const yiling = await orgIn('420506');
    expect(
      (await city.client.post(`/api/secretary-pool/${cadre}/dispatches`, { orgId: yiling, startOn: daysAgo(3) }))
        .status,
    ).toBe(200);
    await enter(county, { name: '周敏' });

    const after = await city.client.get(`/api/secretary-pool/counts?regionCode=420500&year=${year}`);
    expect(after.status).toBe(200);
    expect(after.body.year).toBe(year);
    expect(row(after.body, '420502')).toMatchObject({ available: b502.available + 1, serving: b502.serving });
    expect(row(after.body, '420506')).toMatchObject({
      available: b506.available,
      sentInYear: b506.sentInYear + (daysAgo(3).startsWith(String(year)) ? 1 : 0),
      serving: b506.serving + 1,
    });
    expect(after.body.serving).toBe(before.body.serving + 1);
    // The county sees the city's cadre serving in its org, without being able to change them.
    const yilingCommittee = await otherCounty.client.get(`/api/secretary-pool/${cadre}`);
    expect(yilingCommittee.status).toBe(200);
    expect(yilingCommittee.body.writable).toBe(false);
    const refused = await otherCounty.client.patch(`/api/secretary-pool/${cadre}`, { name: '改名' });
    expect(refused.status).toBe(403);
  });

  it('refuses a year outside the range, naming it', async () => {
    const res = await city.client.get('/api/secretary-pool/counts?year=1900');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ field: 'year', message: '年份不早于 1990' });
  });
});

describe('kept to the region', () => {
  it('an out-of-scope committee gets 404 for the person and the org, and nothing changes', async () => {
    const id = await enter(county, { name: '吴刚' });
    const org = await orgIn('420502');
    const list = await otherCounty.client.get('/api/secretary-pool?status=all&pageSize=200');
    expect(list.body.items.map((p: { id: number }) => p.id)).not.toContain(id);
    const rowBefore = await fx.rows(sql`select * from pool_secretaries where id = ${id}`);
    const mine = await otherCounty.client.post('/api/secretary-pool', body({ regionCode: '420506' }));
    const seq = await lastAuditSeq(fx.database.db);
    await expectUnchanged(fx.database.db, [], async () => {
      expect((await otherCounty.client.get(`/api/secretary-pool/${id}`)).status).toBe(404);
      expect((await otherCounty.client.patch(`/api/secretary-pool/${id}`, { name: '改名' })).status).toBe(404);
      expect((await otherCounty.client.post(`/api/secretary-pool/${id}/reveal`, {})).status).toBe(404);
      const send = await otherCounty.client.post(`/api/secretary-pool/${id}/dispatches`, {
        orgId: org,
        startOn: today,
      });
      expect(send.status).toBe(404);
      expect((await otherCounty.client.get(`/api/orgs/${org}/dispatched-secretaries`)).status).toBe(404);
      // Their own pool cannot send into an org outside their region either.
      const sendOut = await otherCounty.client.post(`/api/secretary-pool/${mine.body.id}/dispatches`, {
        orgId: org,
        startOn: today,
      });
      expect(sendOut.status).toBe(404);
    });
    expect(await fx.rows(sql`select * from pool_secretaries where id = ${id}`)).toEqual(rowBefore);
    expect(await fx.rows(sql`select * from secretary_dispatches where org_id = ${org}`)).toEqual([]);
    const denied = await fx.rows<{ result: string }>(
      sql`select result from audit_log where seq > ${seq} and action like 'pool.%' and result = 'denied'`,
    );
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('a leader reads the pool and its counts but cannot change them', async () => {
    expect((await leader.client.get('/api/secretary-pool')).status).toBe(200);
    expect((await leader.client.get('/api/secretary-pool/counts')).status).toBe(200);
    const res = await leader.client.post('/api/secretary-pool', body());
    expect(res.status).toBe(403);
  });

  it('row-level security keeps another county’s pool out even of a query that forgets the scope', async () => {
    const id = await enter(county, { name: '郑洁' });
    const actor = { ...localOperator(), regionCode: '420506', scopePrefix: '420506' };
    const rows = await inScope(fx.database.db, actor, (tx) =>
      tx.select({ id: poolSecretaries.id }).from(poolSecretaries).where(eq(poolSecretaries.id, id)),
    );
    expect(rows).toEqual([]);
  });
});
