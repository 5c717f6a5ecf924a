// Honours and demonstration sites (issue #13 item 10; document 004: 先锋号先进党组织,
// 先锋岗先进个人; document 001: 8家示范点): who was honoured, by which body and when, shown on
// the org's and member's pages, listed and counted by region and year, kept to the region.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateString } from '../../domain/calendarDate.ts';
import { memberBody } from '../members/members.testing.ts';
import { lastAuditSeq } from '../testing/audit.ts';
import { signInCountyCommittees } from '../testing/countyUsers.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectInvalid, expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const { city, county, otherCounty } = await signInCountyCommittees(fx);

let secretary: Logged;
const today = localDateString(new Date());
const year = Number(today.slice(0, 4));
let org: number;
let enterprise: number;
let member: number;
let otherOrg: number;

const honour = (more: Record<string, unknown>) => ({
  orgId: null,
  memberId: null,
  title: '建设小康先锋号先进党组织',
  awardingBody: '省非公企业党工委',
  level: 'province',
  awardedOn: addDays(today, -20),
  note: null,
  ...more,
});

beforeAll(async () => {
  enterprise = (await makeEnterprise(fx.database, { regionCode: '420502' })).id;
  org = (await makeOrg(fx.database, [enterprise], { regionCode: '420502' })).id;
  otherOrg = (await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420502' })).id])).id;
  const m = await county.client.post('/api/members', memberBody(org, { name: '黄启保' }));
  expect(m.status, JSON.stringify(m.body)).toBe(200);
  member = m.body.id;
  secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: otherOrg });
});

describe('recording honours', () => {
  it('an org’s honour and a member’s, the member’s kept under their org, shown on both pages', async () => {
    const toOrg = await county.client.post('/api/honours', honour({ orgId: org }));
    expect(toOrg.status, JSON.stringify(toOrg.body)).toBe(200);
    const toMember = await county.client.post(
      '/api/honours',
      honour({ memberId: member, title: '建设小康先锋岗先进个人' }),
    );
    expect(toMember.status, JSON.stringify(toMember.body)).toBe(200);

    const onOrg = await county.client.get(`/api/orgs/${org}/honours`);
    expect(onOrg.status).toBe(200);
    expect(
      onOrg.body.honours.map((h: { title: string; memberName: string | null }) => [h.title, h.memberName]),
    ).toEqual(
      expect.arrayContaining([
        ['建设小康先锋号先进党组织', null],
        ['建设小康先锋岗先进个人', '黄启保'],
      ]),
    );
    const onMember = await county.client.get(`/api/members/${member}/honours`);
    expect(onMember.body).toEqual([
      expect.objectContaining({
        orgId: org,
        title: '建设小康先锋岗先进个人',
        awardingBody: '省非公企业党工委',
        level: 'province',
        levelLabel: '省级',
      }),
    ]);
    const [audit] = await fx.rows<{ action: string }>(
      sql`select action from audit_log where entity = 'honour' and entity_id = ${String(toMember.body.id)}`,
    );
    expect(audit.action).toBe('honour.create');
  });

  it.each([
    [{}, 'orgId', '二者选一'],
    [{ orgId: 1, memberId: 1 }, 'orgId', '二者选一'],
    [{ orgId: 1, title: '' }, 'title', '请填写荣誉称号'],
    [{ orgId: 1, awardingBody: '' }, 'awardingBody', '请填写授予机关'],
    [{ orgId: 1, level: 'galaxy' }, 'level', '请选择级别'],
    [{ orgId: 1, awardedOn: addDays(today, 3) }, 'awardedOn', '晚于今天'],
    [{ orgId: 'x' }, 'orgId', '请选择党组织'],
  ])('refuses %j, naming %s', async (more, field, message) => {
    const count = () => fx.rows(sql`select count(*)::int as n from honours`);
    await expectInvalid(() => county.client.post('/api/honours', honour(more)), count, field, message);
  });

  it('withdraws a mistaken entry, audited with what it said', async () => {
    const res = await county.client.post('/api/honours', honour({ orgId: otherOrg, title: '误登记' }));
    const del = await county.client.request('DELETE', `/api/honours/${res.body.id}`);
    expect(del.status).toBe(200);
    expect(await fx.rows(sql`select id from honours where id = ${res.body.id}`)).toEqual([]);
    const [audit] = await fx.rows<{ diff: { title: string } }>(
      sql`select diff from audit_log where action = 'honour.delete' and entity_id = ${String(res.body.id)}`,
    );
    expect(audit.diff.title).toBe('误登记');
  });
});

describe('demonstration sites', () => {
  it('marks an org or an enterprise for a year and level, shown on the org’s page, once', async () => {
    const site = {
      orgId: org,
      enterpriseId: null,
      name: '“创五有、促发展”示范点',
      level: 'city',
      year,
      awardingBody: '市委组织部',
      note: null,
    };
    expect((await county.client.post('/api/demonstration-sites', site)).status).toBe(200);
    const again = await county.client.post('/api/demonstration-sites', site);
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].field).toBe('name');
    const onEnterprise = await county.client.post('/api/demonstration-sites', {
      ...site,
      orgId: null,
      enterpriseId: enterprise,
      level: 'county',
    });
    expect(onEnterprise.status).toBe(200);
    const onOrg = await county.client.get(`/api/orgs/${org}/honours`);
    expect(onOrg.body.demonstrationSites.map((s: { level: string }) => s.level).sort()).toEqual(['city', 'county']);
    const future = await county.client.post('/api/demonstration-sites', { ...site, year: year + 1 });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].field).toBe('year');
    const list = await city.client.get(`/api/demonstration-sites?year=${year}`);
    expect(list.body.total).toBe(2);
  });
});

describe('counted by region and year', () => {
  it('the honoured org’s region, the year of the award', async () => {
    const res = await city.client.get(`/api/honours/counts?regionCode=420500&year=${addDays(today, -20).slice(0, 4)}`);
    expect(res.status).toBe(200);
    const xiling = res.body.children.find((c: { region: string }) => c.region === '420502');
    expect(xiling).toMatchObject({ orgHonours: 1, memberHonours: 1 });
    expect(res.body.children.find((c: { region: string }) => c.region === '420506')).toMatchObject({
      orgHonours: 0,
      memberHonours: 0,
      demonstrationSites: 0,
    });
    expect(res.body).toMatchObject({ orgHonours: 1, memberHonours: 1 });
    // An honour of an earlier year moves that year only.
    const old = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { establishedOn: '2015-01-01' });
    const earlier = await county.client.post('/api/honours', honour({ orgId: old.id, awardedOn: `${year - 3}-06-01` }));
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
    const again = await city.client.get('/api/honours/counts?regionCode=420500');
    expect(again.body.byYear).toContainEqual({
      year: year - 3,
      orgHonours: 1,
      memberHonours: 0,
      demonstrationSites: 0,
    });
    expect(again.body.byYear.find((y: { year: number }) => y.year === year)).toMatchObject({ demonstrationSites: 2 });
  });
});

describe('kept to the region', () => {
  it('an out-of-scope committee gets 404 and nothing changes', async () => {
    const [{ id }] = await fx.rows<{ id: number }>(sql`select id from honours where org_id = ${org} limit 1`);
    const [{ id: siteId }] = await fx.rows<{ id: number }>(sql`select id from demonstration_sites limit 1`);
    const before = await fx.rows(sql`select * from honours order by id`);
    const sites = await fx.rows(sql`select * from demonstration_sites order by id`);
    const seq = await lastAuditSeq(fx.database.db);
    await expectUnchanged(fx.database.db, [], async () => {
      expect((await otherCounty.client.get(`/api/orgs/${org}/honours`)).status).toBe(404);
      expect((await otherCounty.client.get(`/api/members/${member}/honours`)).status).toBe(404);
      expect((await otherCounty.client.post('/api/honours', honour({ orgId: org }))).status).toBe(404);
      expect((await otherCounty.client.post('/api/honours', honour({ memberId: member }))).status).toBe(404);
      expect((await otherCounty.client.request('DELETE', `/api/honours/${id}`)).status).toBe(404);
      expect((await otherCounty.client.request('DELETE', `/api/demonstration-sites/${siteId}`)).status).toBe(404);
      const site = {
        orgId: null,
        enterpriseId: enterprise,
        name: '示范点',
        level: 'county',
        year,
        awardingBody: null,
        note: null,
      };
      expect((await otherCounty.client.post('/api/demonstration-sites', site)).status).toBe(404);
    });
    expect(await fx.rows(sql`select * from honours order by id`)).toEqual(before);
    expect(await fx.rows(sql`select * from demonstration_sites order by id`)).toEqual(sites);
    const denied = await fx.rows(sql`select 1 from audit_log where seq > ${seq} and result = 'denied'`);
    expect(denied.length).toBe(7);
    const list = await otherCounty.client.get('/api/honours?pageSize=200');
    expect(list.body.total).toBe(0);
    const counts = await otherCounty.client.get(`/api/honours/counts?regionCode=420502`);
    expect(counts.status).toBe(404);
  });

  it('a secretary sees the honours of their own org only, through its page', async () => {
    await county.client.post('/api/honours', honour({ orgId: otherOrg, title: '五好党支部' }));
    const own = await secretary.client.get(`/api/orgs/${otherOrg}/honours`);
    expect(own.body.honours.map((h: { title: string }) => h.title)).toEqual(['五好党支部']);
    expect((await secretary.client.get(`/api/orgs/${org}/honours`)).status).toBe(404);
    expect((await secretary.client.get('/api/honours')).status).toBe(403);
  });
});
