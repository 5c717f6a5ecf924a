// Bulk ending and moving of coverages, and the managing org (管理党组织) of many enterprises.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { daysAgo } from '../instructors/instructors.testing.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

let committee: TestClient;

beforeAll(async () => {
  committee = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
});

const coverages = (enterpriseId: number) =>
  fx.rows<{ org_id: number; start_on: string; end_on: string | null }>(
    sql`select org_id, start_on::text, end_on::text from org_coverages where enterprise_id = ${enterpriseId} order by id`,
  );
const category = async (id: number) =>
  (await fx.rows<{ org_coverage: string | null }>(sql`select org_coverage from enterprises where id = ${id}`))[0]
    .org_coverage;

describe('ending coverages in bulk', () => {
  it('previews, refuses an enterprise whose coverage already ended, and applies all or nothing', async () => {
    const a = await makeEnterprise(fx.database);
    const b = await makeEnterprise(fx.database);
    const joint = await makeOrg(fx.database, [a.id, b.id]);
    const ended = await makeEnterprise(fx.database, { name: '覆盖已结束的企业' });
    const old = await makeOrg(fx.database, [ended.id]);
    const end = { selection: { enterpriseIds: [ended.id] }, endOn: daysAgo(5) };
    expect((await committee.post('/api/enterprises/bulk/end-coverage/apply', end)).status).toBe(200);

    const batch = { selection: { enterpriseIds: [a.id, b.id, ended.id] }, endOn: daysAgo(1) };
    const preview = await committee.post('/api/enterprises/bulk/end-coverage/preview', batch);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(
      preview.body.rows.map((r: { change: string | null; reason: string | null }) => r.change ?? r.reason),
    ).toEqual([
      `结束${joint.name}的覆盖，${daysAgo(1)} 起不再覆盖`,
      `结束${joint.name}的覆盖，${daysAgo(1)} 起不再覆盖`,
      `${old.name}对该企业的覆盖已于 ${daysAgo(5)} 结束，现在没有党组织覆盖它`,
    ]);
    expect((await coverages(a.id))[0].end_on).toBeNull();

    const refused = await committee.post('/api/enterprises/bulk/end-coverage/apply', batch);
    expect(refused.status).toBe(400);
    expect((await coverages(a.id))[0].end_on).toBeNull();
    expect(await category(a.id)).toBe('joint');

    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.post('/api/enterprises/bulk/end-coverage/apply', {
      ...batch,
      selection: { enterpriseIds: [a.id, b.id] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await coverages(a.id))[0].end_on).toBe(daysAgo(1));
    expect(await category(b.id)).toBeNull();
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((r) => [r.action, r.entityId, r.diff])).toEqual([
      ['org.coverage_end', String(joint.id), { enterpriseId: a.id, endOn: daysAgo(1) }],
      ['org.coverage_end', String(joint.id), { enterpriseId: b.id, endOn: daysAgo(1) }],
    ]);
  });
});

describe('moving coverages in bulk', () => {
  it('ends the old coverage and starts the new one on the same day; already there is refused', async () => {
    const a = await makeEnterprise(fx.database);
    const b = await makeEnterprise(fx.database);
    const from = await makeOrg(fx.database, [a.id]);
    const to = await makeOrg(fx.database, [b.id], { formation: 'joint' });
    const batch = { selection: { enterpriseIds: [a.id, b.id] }, orgId: to.id, on: daysAgo(2) };
    const preview = await committee.post('/api/enterprises/bulk/move-coverage/preview', batch);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.rows[0]).toMatchObject({
      ok: true,
      change: `由${from.name}转到${to.name}覆盖，${daysAgo(2)} 起`,
    });
    expect(preview.body.rows[1]).toMatchObject({ ok: false, reason: `该企业已在${to.name}的覆盖范围内` });

    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.post('/api/enterprises/bulk/move-coverage/apply', {
      ...batch,
      selection: { enterpriseIds: [a.id] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await coverages(a.id)).toEqual([
      expect.objectContaining({ org_id: from.id, end_on: daysAgo(2) }),
      { org_id: to.id, start_on: daysAgo(2), end_on: null },
    ]);
    expect(await category(a.id)).toBe('joint');
    expect((await auditAfter(fx.database.db, seq)).map((r) => r.action)).toEqual([
      'org.coverage_end',
      'org.coverage_add',
    ]);
  });

  it('a target org out of scope refuses the batch with 404 and nothing changes', async () => {
    const a = await makeEnterprise(fx.database);
    const wuhanEnterprise = await makeEnterprise(fx.database, { regionCode: '420102' });
    const wuhan = await makeOrg(fx.database, [wuhanEnterprise.id], { regionCode: '420102' });
    const res = await committee.post('/api/enterprises/bulk/move-coverage/apply', {
      selection: { enterpriseIds: [a.id] },
      orgId: wuhan.id,
      on: daysAgo(1),
    });
    expect(res.status).toBe(404);
    expect(await coverages(a.id)).toEqual([]);
  });
});

describe('setting the managing org of many enterprises', () => {
  it('sets it on the orgs covering them, a joint org once, and refuses those without an org', async () => {
    const town = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { name: '某街道党工委' });
    const a = await makeEnterprise(fx.database);
    const b = await makeEnterprise(fx.database);
    const joint = await makeOrg(fx.database, [a.id, b.id]);
    const bare = await makeEnterprise(fx.database);
    const batch = { selection: { enterpriseIds: [a.id, b.id, bare.id] }, managingOrgId: town.id };
    const preview = await committee.post('/api/enterprises/bulk/managing-org/preview', batch);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(
      preview.body.rows.map((r: { change: string | null; reason: string | null }) => r.change ?? r.reason),
    ).toEqual([
      `${joint.name}的管理党组织设为某街道党工委`,
      `${joint.name}已随本批其他企业设置`,
      '该企业没有党组织覆盖：管理党组织登记在覆盖企业的党组织上',
    ]);
    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.post('/api/enterprises/bulk/managing-org/apply', {
      ...batch,
      selection: { enterpriseIds: [a.id, b.id] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((r) => [r.action, r.entityId, r.diff])).toEqual([
      ['org.update', String(joint.id), { managingOrgId: { before: null, after: town.id } }],
    ]);
    const again = await committee.post('/api/enterprises/bulk/managing-org/preview', {
      ...batch,
      selection: { enterpriseIds: [a.id] },
    });
    expect(again.body.rows[0].reason).toBe(`${joint.name}的管理党组织已是某街道党工委`);
  });
});
