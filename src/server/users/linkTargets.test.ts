// What the user administrator may tie an account to: orgs and instructors of the account's region, by name.
import { beforeAll, describe, expect, it } from 'vitest';
import { departments, instructors, partyOrgs } from '../db/schema.ts';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

let admin: TestClient;
const ids: Record<string, number> = {};

beforeAll(async () => {
  admin = (await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' })).client;
  const db = fx.database.db;
  const org = async (key: string, name: string, regionCode: string, dissolvedOn: string | null = null) => {
    const [row] = await db
      .insert(partyOrgs)
      .values({ name, regionCode, type: 'branch', formation: 'standalone', establishedOn: '2020-01-01', dissolvedOn })
      .returning({ id: partyOrgs.id });
    ids[key] = row.id;
  };
  await org('here', '西陵精密机械党支部', '420502');
  await org('town', '西陵街道某商贸党支部', '420502001');
  await org('gone', '西陵已撤销党支部', '420502', '2024-06-30');
  await org('sibling', '伍家岗某企业党支部', '420503');
  await org('wuhan', '武汉某企业党支部', '420102');
  const [d] = await db.insert(departments).values({ name: '工信局' }).returning();
  const person = async (key: string, name: string, regionCode: string, leftOn: string | null = null) => {
    const [row] = await db
      .insert(instructors)
      .values({ kind: 'instructor', name, sourceDepartmentId: d.id, regionCode, leftOn })
      .returning({ id: instructors.id });
    ids[key] = row.id;
  };
  await person('serving', '赵工信', '420502');
  await person('left', '钱离任', '420502', '2025-01-01');
  await person('elsewhere', '孙伍家', '420503');
});

const names = (list: { name: string }[]) => list.map((x) => x.name);

describe('GET /api/users/link-targets', () => {
  it('lists the orgs in force and the instructors serving in the region and below, by name', async () => {
    const res = await admin.get('/api/users/link-targets?region=420502');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(names(res.body.orgs)).toEqual(['西陵精密机械党支部', '西陵街道某商贸党支部']);
    expect(res.body.instructors).toEqual([
      { id: ids.serving, name: '赵工信', sourceDepartmentName: '工信局', regionName: expect.any(String) },
    ]);
  });

  it('narrows by part of the name, escaping LIKE’s wildcards', async () => {
    const res = await admin.get(`/api/users/link-targets?region=420502&q=${encodeURIComponent('精密')}`);
    expect(names(res.body.orgs)).toEqual(['西陵精密机械党支部']);
    expect(res.body.instructors).toEqual([]);
    const wild = await admin.get('/api/users/link-targets?region=420502&q=%25');
    expect([wild.body.orgs, wild.body.instructors]).toEqual([[], []]);
  });

  it('names an account’s current links even when dissolved, left or not matching the search', async () => {
    const res = await admin.get(
      `/api/users/link-targets?region=420502&q=xyz&orgId=${ids.gone}&instructorId=${ids.left}`,
    );
    expect(names(res.body.orgs)).toEqual(['西陵已撤销党支部']);
    expect(names(res.body.instructors)).toEqual(['钱离任']);
    // …but never one outside the region asked.
    const outside = await admin.get(`/api/users/link-targets?region=420502&orgId=${ids.sibling}`);
    expect(names(outside.body.orgs)).not.toContain('伍家岗某企业党支部');
  });

  it('refuses a region outside the administrator’s as if it did not exist', async () => {
    const res = await admin.get('/api/users/link-targets?region=420100');
    expect(res.status).toBe(404);
  });

  it('ties an account to what it lists: the edit form’s PATCH takes the instructor and the org', async () => {
    const created = await admin.post('/api/users', { username: 'zhaogx', displayName: '赵工信', regionCode: '420502' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.user.id;
    const tied = await admin.patch(`/api/users/${id}`, { instructorId: ids.serving });
    expect(tied.body).toMatchObject({ instructorId: ids.serving, orgId: null });
    const wrong = await admin.patch(`/api/users/${id}`, { orgId: ids.sibling });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ field: 'orgId', message: '不在所属区划内' }]);
    const cleared = await admin.patch(`/api/users/${id}`, { instructorId: null });
    expect(cleared.body).toMatchObject({ instructorId: null });
  });
});
