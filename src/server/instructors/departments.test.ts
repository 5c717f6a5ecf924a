// Issue #12, defect 8: the department catalogue belongs to regions. A region uses its own
// departments and those above it, changes only its own, and never reaches a sibling's.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/client.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { departmentId, instructorBody } from './instructors.testing.ts';

const fx = await fileFixture();

let city: TestClient;
let countyA: TestClient;
let countyB: TestClient;

interface Row {
  id: number;
  name: string;
  regionCode: string;
  regionName: string;
  own: boolean;
}
const catalogue = async (c: TestClient) => {
  const res = await c.get('/api/departments');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Row[];
};
const named = (rows: Row[], name: string) => rows.filter((r) => r.name === name);
const create = async (c: TestClient, name: string) => {
  const res = await c.post('/api/departments', { name, industries: ['C'], requests: [] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as number;
};
const stored = () =>
  fx.rows<{ id: number; name: string; region_code: string }>(
    sql`select id, name, region_code from departments order by id`,
  );

beforeAll(async () => {
  city = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  countyA = (await fx.clientAs({ roles: ['committee'], regionCode: '420502' })).client;
  countyB = (await fx.clientAs({ roles: ['committee'], regionCode: '420503' })).client;
});

describe('the department catalogue of a region', () => {
  it('starts as the deployment’s defaults, the same for every region and changed by none of them', async () => {
    const a = await catalogue(countyA);
    expect(a.length).toBeGreaterThan(10);
    expect(a.every((d) => d.regionCode === '000000' && !d.own && d.regionName === '全国')).toBe(true);
    expect((await catalogue(countyB)).map((d) => d.id)).toEqual(a.map((d) => d.id));

    const inherited = a[0];
    const before = await stored();
    const removed = await countyA.request('DELETE', `/api/departments/${inherited.id}`);
    expect(removed.status).toBe(403);
    expect(removed.body.error.message).toContain('上级的部门，由上级维护');
    expect(await stored()).toEqual(before);
  });

  it('a county that changes an inherited department gets its own in its place; the original stays', async () => {
    const inherited = named(await catalogue(countyA), '交通运输局')[0];
    // An instructor of the county and one of its sibling, both from the inherited department.
    const mine = await city.post('/api/instructors', instructorBody(inherited.id, { regionCode: '420502' }));
    const theirs = await city.post('/api/instructors', instructorBody(inherited.id, { regionCode: '420503' }));
    expect([mine.status, theirs.status]).toEqual([200, 200]);

    const changed = await countyA.patch(`/api/departments/${inherited.id}`, { requests: ['other'] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.changed).toEqual(['requests']);
    const own = changed.body.id as number;
    expect(own).not.toBe(inherited.id);
    expect(named(await catalogue(countyA), '交通运输局')).toMatchObject([
      { id: own, own: true, regionCode: '420502', requests: ['other'] },
    ]);
    expect(named(await catalogue(countyB), '交通运输局')).toMatchObject([{ id: inherited.id, own: false }]);
    const source = async (id: number) =>
      (await fx.rows<{ d: number }>(sql`select source_department_id as d from instructors where id = ${id}`))[0].d;
    expect(await source(mine.body.id)).toBe(own);
    expect(await source(theirs.body.id)).toBe(inherited.id);
    const [audit] = await fx.rows<{ diff: { inheritedId: number; instructorsMoved: number } }>(
      sql`select diff from audit_log where action = 'department.override' order by seq desc limit 1`,
    );
    expect(audit.diff).toMatchObject({ inheritedId: inherited.id, instructorsMoved: 1 });
  });

  it('a county’s own department is its own: its sibling and its city neither see nor change it', async () => {
    const id = await create(countyA, '县应急管理局');
    expect(named(await catalogue(countyA), '县应急管理局')).toMatchObject([{ id, own: true, regionCode: '420502' }]);
    expect(named(await catalogue(countyB), '县应急管理局')).toEqual([]);
    expect(named(await catalogue(city), '县应急管理局')).toEqual([]);

    const before = await stored();
    for (const c of [countyB, city]) {
      expect((await c.patch(`/api/departments/${id}`, { name: '被改了' })).status).toBe(404);
      expect((await c.request('DELETE', `/api/departments/${id}`)).status).toBe(404);
    }
    expect(await stored()).toEqual(before);
    // The sibling may have one of the same name: the name is unique within a region only.
    await create(countyB, '县应急管理局');
    const again = await countyA.post('/api/departments', { name: '县应急管理局' });
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('本级已有名为“县应急管理局”的部门');
  });

  it('the city’s departments reach its counties; a county’s own of the same name takes the place of one', async () => {
    const cityOwn = await create(city, '市工商联');
    expect(named(await catalogue(countyA), '市工商联')).toMatchObject([
      { id: cityOwn, own: false, regionCode: '420500' },
    ]);
    expect(named(await catalogue(city), '市工商联')).toMatchObject([{ id: cityOwn, own: true }]);

    const replacing = await create(countyA, '市工商联');
    expect(named(await catalogue(countyA), '市工商联')).toMatchObject([{ id: replacing, own: true }]);
    expect(named(await catalogue(countyB), '市工商联')).toMatchObject([{ id: cityOwn, own: false }]);
    // The county changes its own freely; the city's, replaced, is no longer in its catalogue.
    expect((await countyA.patch(`/api/departments/${replacing}`, { sortOrder: 3 })).status).toBe(200);
    expect((await countyA.patch(`/api/departments/${cityOwn}`, { sortOrder: 3 })).status).toBe(404);
  });

  it('an instructor comes from a department of the catalogue of the instructor’s region', async () => {
    const other = named(await catalogue(countyB), '县应急管理局')[0].id;
    const refused = await city.post('/api/instructors', instructorBody(other, { regionCode: '420502' }));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('所选部门不在该行政区划的部门目录中');

    const ok = await city.post('/api/instructors', instructorBody(other, { regionCode: '420503' }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const inherited = await departmentId(countyA, '工信');
    const moved = await city.patch(`/api/instructors/${ok.body.id}`, { sourceDepartmentId: inherited });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // Moving the instructor to the sibling county keeps a department that applies there too.
    const away = await city.patch(`/api/instructors/${ok.body.id}`, {
      regionCode: '420502',
      sourceDepartmentId: other,
    });
    expect(away.status).toBe(400);
  });
});
