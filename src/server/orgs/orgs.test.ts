import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Logged } from '../testing/fixture.ts';
import { expectUnchanged } from '../testing/snapshot.ts';

const fx = await fileFixture();
const today = localDateString(new Date());

let committee: Logged;
let wuhan: Logged;
beforeAll(async () => {
  committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
});

const categoryOf = async (id: number) =>
  (await fx.rows<{ category: string }>(sql`select category from enterprises where id = ${id}`))[0].category;

const newOrg = (enterpriseIds: number[], more: Record<string, unknown> = {}) => ({
  name: `党支部${Math.random().toString(36).slice(2, 8)}`,
  regionCode: '420502',
  type: enterpriseIds.length > 1 ? 'joint_branch' : 'branch',
  formation: enterpriseIds.length > 1 ? 'joint' : 'standalone',
  jointBasis: enterpriseIds.length > 1 ? 'area' : null,
  establishedOn: '2025-03-01',
  enterpriseIds,
  ...more,
});

describe('coverage moves the ledger category at once', () => {
  it('a standalone org makes its enterprise standalone; dissolving it puts it back', async () => {
    const e = await makeEnterprise(fx.database, { memberCount: 4, fullMemberCount: 4 });
    expect(await categoryOf(e.id)).toBe('should_form');
    const res = await committee.client.post('/api/orgs', newOrg([e.id]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await categoryOf(e.id)).toBe('standalone');
    const history = await fx.rows<{ field: string; before: unknown; after: unknown }>(
      sql`select field, before, after from enterprise_history where enterprise_id = ${e.id}`,
    );
    expect(history).toEqual([{ field: 'orgCoverage', before: null, after: 'standalone' }]);

    const dissolved = await committee.client.post(`/api/orgs/${res.body.id}/dissolve`, { dissolvedOn: today });
    expect(dissolved.status, JSON.stringify(dissolved.body)).toBe(200);
    expect(await categoryOf(e.id)).toBe('should_form');
  });

  it('a joint org covers several enterprises; ending one coverage changes only that one', async () => {
    const a = await makeEnterprise(fx.database, { memberCount: 1, fullMemberCount: 1 });
    const b = await makeEnterprise(fx.database, { memberCount: 2, fullMemberCount: 2 });
    const res = await committee.client.post('/api/orgs', newOrg([a.id, b.id]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([await categoryOf(a.id), await categoryOf(b.id)]).toEqual(['joint', 'joint']);
    const detail = await committee.client.get(`/api/orgs/${res.body.id}`);
    const coverage = detail.body.coverages.find((c: { enterpriseId: number }) => c.enterpriseId === a.id);
    const ended = await committee.client.post(`/api/orgs/${res.body.id}/coverages/${coverage.id}/end`, {
      endOn: today,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect([await categoryOf(a.id), await categoryOf(b.id)]).toEqual(['joint_candidate', 'joint']);
  });

  it('an enterprise covered by a joint org but with 3 full members is should_form', async () => {
    const a = await makeEnterprise(fx.database, { memberCount: 3, fullMemberCount: 3 });
    const b = await makeEnterprise(fx.database);
    await makeOrg(fx.database, [a.id, b.id]);
    expect(await categoryOf(a.id)).toBe('should_form');
  });
});

describe('formation rules refuse what cannot be', () => {
  it('a standalone org covers exactly one enterprise', async () => {
    const a = await makeEnterprise(fx.database);
    const b = await makeEnterprise(fx.database);
    const res = await committee.client.post(
      '/api/orgs',
      newOrg([a.id, b.id], { formation: 'standalone', type: 'branch' }),
    );
    expect([res.status, res.body.error.message]).toEqual([400, '单独组建的党组织覆盖且只覆盖一个企业']);
  });

  it('an enterprise has at most one standalone org in force', async () => {
    const e = await makeEnterprise(fx.database);
    await makeOrg(fx.database, [e.id]);
    const res = await committee.client.post('/api/orgs', newOrg([e.id]));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('已有单独组建的党组织');
  });

  it('a joint org needs its basis', async () => {
    const a = await makeEnterprise(fx.database);
    const b = await makeEnterprise(fx.database);
    const res = await committee.client.post('/api/orgs', newOrg([a.id, b.id], { jointBasis: null }));
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'jointBasis']);
  });

  it('a parent cannot be one of the org’s own descendants', async () => {
    const parent = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { type: 'committee' });
    const child = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { parentId: parent.id });
    const res = await committee.client.patch(`/api/orgs/${parent.id}`, { parentId: child.id });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'parentId']);
  });
});

describe('terms', () => {
  it('the term end is computed from the type, and an extension needs its approval', async () => {
    const org = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { establishedOn: '2020-01-01' });
    const res = await committee.client.post(`/api/orgs/${org.id}/elections`, { electedOn: '2023-06-30' });
    expect(res.body.endsOn).toBe('2026-06-30');
    const detail = await committee.client.get(`/api/orgs/${org.id}`);
    expect(detail.body.findings.map((f: { code: string }) => f.code)).toContain('reelection_overdue');

    const unapproved = await committee.client.post(`/api/orgs/${org.id}/elections`, {
      electedOn: '2024-01-01',
      adjustmentMonths: 6,
    });
    expect([unapproved.status, unapproved.body.error.details[0].field]).toEqual([400, 'adjustmentApprovedBy']);
    const tooLong = await committee.client.post(`/api/orgs/${org.id}/elections/${res.body.id}/adjust`, {
      adjustmentMonths: 13,
      adjustmentApprovedBy: '区委组织部',
      adjustmentApprovedOn: '2026-05-01',
    });
    expect(tooLong.status).toBe(400);
    const extended = await committee.client.post(`/api/orgs/${org.id}/elections/${res.body.id}/adjust`, {
      adjustmentMonths: 12,
      adjustmentApprovedBy: '区委组织部',
      adjustmentApprovedOn: '2026-05-01',
    });
    expect(extended.body.endsOn).toBe('2027-06-30');
  });
});

describe('scope', () => {
  it('an org outside the actor’s region is 404 and nothing changes', async () => {
    const org = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id]);
    for (const [method, path, body] of [
      ['GET', `/api/orgs/${org.id}`, undefined],
      ['PATCH', `/api/orgs/${org.id}`, { name: '越权' }],
      ['POST', `/api/orgs/${org.id}/dissolve`, { dissolvedOn: today }],
      ['POST', `/api/orgs/${org.id}/officers`, { post: 'secretary', personName: '张三' }],
      ['POST', `/api/orgs/${org.id}/elections`, { electedOn: today }],
    ] as const) {
      await expectUnchanged(fx.database.db, [], async () => {
        const res = await wuhan.client.request(method, path, body);
        expect([res.status, path]).toEqual([404, path]);
      });
    }
    const list = await wuhan.client.get('/api/orgs');
    expect(list.body.items.map((o: { id: number }) => o.id)).not.toContain(org.id);
  });

  it('an org cannot be set up in another region or over an enterprise outside the scope', async () => {
    const mine = await makeEnterprise(fx.database);
    const res = await wuhan.client.post('/api/orgs', newOrg([mine.id], { regionCode: '420102' }));
    expect(res.status).toBe(400);
    const elsewhere = await wuhan.client.post('/api/orgs', newOrg([mine.id]));
    expect(elsewhere.status).toBe(403);
  });

  it('a secretary sees their own org and its enterprises, and nothing else', async () => {
    const e = await makeEnterprise(fx.database);
    const other = await makeEnterprise(fx.database);
    const org = await makeOrg(fx.database, [e.id]);
    const otherOrg = await makeOrg(fx.database, [other.id]);
    const secretary = await fx.clientAs({ roles: ['secretary'], regionCode: '420502', orgId: org.id });
    expect((await secretary.client.get(`/api/orgs/${org.id}`)).status).toBe(200);
    expect((await secretary.client.get(`/api/orgs/${otherOrg.id}`)).status).toBe(404);
    expect((await secretary.client.get('/api/orgs')).body.items.map((o: { id: number }) => o.id)).toEqual([org.id]);
    const ledger = await secretary.client.get('/api/enterprises');
    expect(ledger.body.items.map((x: { id: number }) => x.id)).toEqual([e.id]);
    expect((await secretary.client.get(`/api/enterprises/${other.id}`)).status).toBe(404);
  });
});

describe('the enterprise page', () => {
  it('names the orgs that cover it, current first, and the members recorded there', async () => {
    const e = await makeEnterprise(fx.database);
    const other = await makeEnterprise(fx.database);
    const joint = await makeOrg(fx.database, [e.id, other.id], { name: '园区联合党支部' });
    const detail = await committee.client.get(`/api/enterprises/${e.id}`);
    expect(detail.body.orgs).toMatchObject([
      { orgId: joint.id, name: '园区联合党支部', formation: 'joint', endOn: null },
    ]);
    expect(detail.body.roster).toEqual({ recorded: 0, full: 0 });
  });
});
