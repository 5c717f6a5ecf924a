// 双向进入、交叉兼职 (issue #13 item 8): officers record their enterprise posts; the org page
// and the annual table count them.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const today = localDateString(new Date());
const year = Number(today.slice(0, 4));

let committee: Logged;
let wuhan: Logged;
beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
});

const newOrg = async () =>
  makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { establishedOn: '2024-01-01' });
const appoint = async (orgId: number, body: Record<string, unknown>) => {
  const res = await committee.client.post(`/api/orgs/${orgId}/officers`, { personName: '王五', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
};
const detail = async (orgId: number) => (await committee.client.get(`/api/orgs/${orgId}`)).body;
const annualTotal = async () => {
  const res = await committee.client.get(`/api/reports/annual?region=420500&year=${year}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.total;
};

describe('officers’ enterprise posts', () => {
  it('are recorded at appointment and counted on the org page', async () => {
    const org = await newOrg();
    await appoint(org.id, {
      post: 'secretary',
      enterprisePost: ' 董事长 ',
      legalRepresentative: true,
      unionChair: true,
    });
    await appoint(org.id, { post: 'organization', enterprisePost: '人力资源部经理' });
    await appoint(org.id, { post: 'propaganda' });
    const d = await detail(org.id);
    expect(d.officers.find((o: { post: string }) => o.post === 'secretary')).toMatchObject({
      enterprisePost: '董事长',
      legalRepresentative: true,
      unionChair: true,
    });
    expect(d.crossHolding).toEqual({
      managementPosts: 2,
      secretaryLegalRepresentative: true,
      secretaryUnionChair: true,
    });
  });

  it('are corrected with PATCH, audited with before and after, and an officer who left no longer counts', async () => {
    const org = await newOrg();
    const sec = await appoint(org.id, { post: 'secretary' });
    expect((await detail(org.id)).crossHolding).toEqual({
      managementPosts: 0,
      secretaryLegalRepresentative: false,
      secretaryUnionChair: false,
    });
    const res = await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, {
      enterprisePost: '总经理',
      legalRepresentative: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [row] = await fx.rows<{ action: string; diff: Record<string, unknown> }>(
      sql`select action, diff from audit_log where action = 'org.officer_update' and entity_id = ${String(org.id)}`,
    );
    expect(row?.diff).toMatchObject({
      officerId: sec,
      enterprisePost: { before: null, after: '总经理' },
      legalRepresentative: { before: false, after: true },
    });
    expect(row?.diff).not.toHaveProperty('unionChair');
    expect((await detail(org.id)).crossHolding).toMatchObject({
      managementPosts: 1,
      secretaryLegalRepresentative: true,
    });

    // An empty post clears it; the same values again change nothing and write no audit row.
    await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, {
      enterprisePost: '',
      legalRepresentative: false,
    });
    await expectUnchanged(fx.database.db, [], async () => {
      const same = await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, { enterprisePost: null });
      expect(same.status).toBe(200);
    });
    await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, { unionChair: true });
    await committee.client.post(`/api/orgs/${org.id}/officers/${sec}/end`, { endOn: today });
    expect((await detail(org.id)).crossHolding).toEqual({
      managementPosts: 0,
      secretaryLegalRepresentative: false,
      secretaryUnionChair: false,
    });
  });

  it('refuses bad input with the field named, and an officer of another org', async () => {
    const org = await newOrg();
    const other = await newOrg();
    const sec = await appoint(org.id, { post: 'secretary' });
    const long = await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, {
      enterprisePost: '长'.repeat(51),
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('enterprisePost');
    expect(JSON.stringify(long.body)).toContain('50');
    const flag = await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, { unionChair: '是' });
    expect(flag.status).toBe(400);
    expect(JSON.stringify(flag.body)).toContain('unionChair');
    const unknown = await committee.client.patch(`/api/orgs/${org.id}/officers/${sec}`, { post: 'discipline' });
    expect(unknown.status).toBe(400);
    const wrongOrg = await committee.client.patch(`/api/orgs/${other.id}/officers/${sec}`, { unionChair: true });
    expect(wrongOrg.status).toBe(404);
  });

  it('an org outside the actor’s region is 404 and nothing changes', async () => {
    const org = await newOrg();
    const sec = await appoint(org.id, { post: 'secretary', enterprisePost: '总经理' });
    for (const [method, path, body] of [
      ['PATCH', `/api/orgs/${org.id}/officers/${sec}`, { legalRepresentative: true }],
      ['POST', `/api/orgs/${org.id}/officers`, { post: 'deputy_secretary', personName: '越权', unionChair: true }],
    ] as const) {
      await expectUnchanged(fx.database.db, [], async () => {
        const res = await wuhan.client.request(method, path, body);
        expect([res.status, path]).toEqual([404, path]);
      });
    }
  });
});

describe('the annual table', () => {
  it('counts 法定代表人兼任党组织书记, secretaries chairing the union and officers in management, in force at the date', async () => {
    const before = await annualTotal();
    const a = await newOrg();
    await appoint(a.id, { post: 'secretary', enterprisePost: '董事长', legalRepresentative: true });
    await appoint(a.id, { post: 'deputy_secretary', enterprisePost: '副总经理' });
    const b = await newOrg();
    await appoint(b.id, { post: 'secretary', unionChair: true });
    // A deputy who is the legal representative is in the management, but not a secretary.
    await appoint(b.id, { post: 'deputy_secretary', legalRepresentative: true });
    // A dissolved org's officers are not counted.
    const c = await newOrg();
    await appoint(c.id, { post: 'secretary', enterprisePost: '总经理', legalRepresentative: true, unionChair: true });
    await committee.client.post(`/api/orgs/${c.id}/dissolve`, { dissolvedOn: today });
    const after = await annualTotal();
    expect({
      legal: after.secretaryLegalRepresentative - before.secretaryLegalRepresentative,
      union: after.secretaryUnionChair - before.secretaryUnionChair,
      management: after.officersInManagement - before.officersInManagement,
    }).toEqual({ legal: 1, union: 1, management: 3 });
    // The org page and the table agree.
    expect((await detail(b.id)).crossHolding).toEqual({
      managementPosts: 1,
      secretaryLegalRepresentative: false,
      secretaryUnionChair: true,
    });
  });
});
