import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS } from '../../domain/instructor/departments.ts';
import { type Logged, signInUsers } from '../regions/regionUsers.testing.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { type Call, expectEachNotFound } from '../testing/snapshot.ts';
import { createInstructor, daysAgo, departmentId, instructorBody, newPhone, today } from './instructors.testing.ts';

const fx = await fileFixture();

let committee: Logged, leader: Logged, wuhan: Logged;

beforeAll(async () => {
  ({ committee, leader, wuhan } = await signInUsers(fx));
});

const departmentState = () =>
  fx.rows(sql`select (select jsonb_agg(to_jsonb(d) order by id) from departments d) as departments,
                     (select jsonb_agg(to_jsonb(r) order by department_id, kind, code) from department_relevance r) as relevance`);

const instructorState = () =>
  fx.rows(sql`select (select jsonb_agg(to_jsonb(i) order by id) from instructors i) as instructors,
                     (select jsonb_agg(to_jsonb(a) order by id) from assignments a) as assignments`);

describe('the department catalogue', () => {
  it('is seeded with the defaults on its first reading, once, audited', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const [first, second] = [
      await leader.client.get('/api/departments'),
      await committee.client.get('/api/departments'),
    ];
    expect(first.status).toBe(200);
    expect(first.body.map((d: { name: string }) => d.name)).toEqual(DEFAULT_DEPARTMENTS.map((d) => d.name));
    expect(second.body).toEqual(first.body);
    const gongxin = first.body.find((d: { name: string }) => d.name.includes('工信'));
    expect(gongxin).toMatchObject({ industries: ['B', 'C', 'I'], requests: ['policy', 'project_approval'] });
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([['department.seed', leader.user.username]]);
  });

  it('a manager adds, edits and removes a department, each audited', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const created = await committee.client.post('/api/departments', {
      name: '应急管理局',
      sortOrder: 50,
      industries: ['B', 'C', 'B'],
      requests: ['other'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.id;
    const edited = await committee.client.patch(`/api/departments/${id}`, {
      industries: ['D'],
      name: '应急管理局（安监）',
    });
    // The answer names the department in use (issue #12: an inherited one changed becomes the region's own).
    expect(edited.body).toEqual({ id, changed: ['name', 'industries'] });
    const list = (await committee.client.get('/api/departments')).body;
    expect(list.find((d: { id: number }) => d.id === id)).toEqual({
      id,
      name: '应急管理局（安监）',
      sortOrder: 50,
      regionCode: '420500',
      regionName: '宜昌市',
      own: true,
      industries: ['D'],
      requests: ['other'],
      instructors: 0,
    });
    expect((await committee.client.patch(`/api/departments/${id}`, { industries: ['D'] })).body).toEqual({
      id,
      changed: [],
    });
    const removed = await committee.client.request('DELETE', `/api/departments/${id}`);
    expect(removed.status).toBe(200);
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['department.create', 'department.update', 'department.delete']);
    expect(audit[1].diff).toEqual({
      name: { before: '应急管理局', after: '应急管理局（安监）' },
      industries: { before: ['B', 'C'], after: ['D'] },
    });
  });

  it('names are unique within a region: the region’s own of an inherited name takes its place', async () => {
    const res = await committee.client.post('/api/departments', { name: '组织部', sortOrder: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it.each([
    // Since issue #12 (departments per region) the clash is with the region's own '组织部' made above.
    ['a duplicate name', { name: '组织部' }, 'name', '本级已有名为“组织部”的部门'],
    ['an empty name', { name: '  ' }, 'name', '请填写部门名称'],
    ['an unknown section', { name: '新部门', industries: ['Z'] }, 'industries.0', '行业门类为 A–T 的一个字母'],
    ['an unknown request category', { name: '新部门', requests: ['weather'] }, 'requests.0', null],
  ])('refuses %s, naming the field, and changes nothing', async (_what, body, field, message) => {
    const before = await departmentState();
    const res = await committee.client.post('/api/departments', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe(field);
    if (message) expect(res.body.error.message).toContain(message);
    expect(await departmentState()).toEqual(before);
  });

  it('refuses to remove a department that instructors come from', async () => {
    // The region's own: an inherited one (the default 税务) is not the region's to remove at all.
    const id = (await committee.client.post('/api/departments', { name: '税务稽查局' })).body.id as number;
    await createInstructor(committee.client, id);
    const listed = (await committee.client.get('/api/departments')).body.find((d: { id: number }) => d.id === id);
    expect(listed.instructors).toBe(1);
    const before = await departmentState();
    const res = await committee.client.request('DELETE', `/api/departments/${id}`);
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'id']);
    expect(res.body.error.message).toContain('不能删除');
    expect(await departmentState()).toEqual(before);
  });

  it('a leader reads but may not change it', async () => {
    const before = await departmentState();
    const res = await leader.client.post('/api/departments', { name: '领导新建' });
    expect(res.status).toBe(403);
    expect(await departmentState()).toEqual(before);
  });
});

describe('instructors', () => {
  it('are registered with the phone encrypted, hashed and shown masked; the reveal is audited', async () => {
    const dept = await departmentId(committee.client, '工信');
    const phone = newPhone();
    const seq = await lastAuditSeq(fx.database.db);
    const id = await createInstructor(committee.client, dept, { name: '李华', phone, fullTime: true, kind: 'liaison' });
    const [stored] = await fx.rows<{ phone: string; phone_hash: string }>(
      sql`select phone, phone_hash from instructors where id = ${id}`,
    );
    expect(stored.phone).not.toContain(phone.slice(3));
    expect(fx.keys.decrypt(stored.phone)).toBe(phone);
    expect(stored.phone_hash).toBe(fx.keys.lookupHash(phone));

    const detail = await committee.client.get(`/api/instructors/${id}`);
    expect(detail.body.instructor).toMatchObject({
      name: '李华',
      kind: 'liaison',
      kindLabel: '联络员',
      sourceDepartmentName: '经济和信息化局（工信）',
      fullTime: true,
      regionCode: '420502',
      regionName: '西陵区',
      phone: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      leftOn: null,
      load: 0,
    });
    expect(detail.body.writable).toBe(true);
    expect(JSON.stringify(detail.body)).not.toContain(phone);

    const revealed = await committee.client.post(`/api/instructors/${id}/reveal`);
    expect(revealed.body).toEqual({ phone });
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => a.action)).toEqual(['instructor.create', 'instructor.reveal']);
    expect(JSON.stringify(audit)).not.toContain(phone);
    expect(audit[0].diff).toMatchObject({ name: '李华', phone: `${phone.slice(0, 3)}****${phone.slice(7)}` });
  });

  it('a leader sees them masked but may not reveal', async () => {
    const id = await createInstructor(committee.client, await departmentId(committee.client, '组织部'));
    expect((await leader.client.get(`/api/instructors/${id}`)).body.writable).toBe(false);
    expect((await leader.client.post(`/api/instructors/${id}/reveal`)).status).toBe(403);
  });

  it('are listed with filters by department, kind and region', async () => {
    const zuzhi = await departmentId(committee.client, '组织部');
    const zhujian = await departmentId(committee.client, '住房');
    const a = await createInstructor(committee.client, zhujian, { name: '王住建', regionCode: '420503' });
    const b = await createInstructor(committee.client, zhujian, {
      name: '赵联络',
      kind: 'liaison',
      regionCode: '420502',
    });
    const c = await createInstructor(committee.client, zuzhi, { name: '钱组织', regionCode: '420503' });
    const ids = async (query: string) =>
      (await committee.client.get(`/api/instructors?pageSize=200&${query}`)).body.items
        .map((i: { id: number }) => i.id)
        .filter((id: number) => [a, b, c].includes(id));
    expect(await ids(`sourceDepartmentId=${zhujian}`)).toEqual([a, b]);
    expect(await ids('kind=liaison')).toEqual([b]);
    expect((await ids('regionCode=420503')).sort()).toEqual([a, c].sort());
    expect(await ids(`q=${encodeURIComponent('赵')}`)).toEqual([b]);
    const bad = await committee.client.get('/api/instructors?regionCode=42');
    expect([bad.status, bad.body.error.details[0].field]).toEqual([400, 'regionCode']);
  });

  it('are corrected field by field, audited with the phone masked', async () => {
    const id = await createInstructor(committee.client, await departmentId(committee.client, '组织部'));
    const phone = newPhone();
    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.client.patch(`/api/instructors/${id}`, { post: '科长', phone, fullTime: false });
    expect(res.body).toEqual({ changed: ['post', 'phone'] });
    const [audit] = await auditAfter(fx.database.db, seq);
    expect(audit).toMatchObject({ action: 'instructor.update', entity: 'instructor', entityId: String(id) });
    expect((audit.diff as { phone: { after: string } }).phone.after).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
  });

  it.each([
    ['an unknown department', { sourceDepartmentId: 99999 }, 400, 'sourceDepartmentId'],
    ['an unknown region', { regionCode: '420599' }, 400, 'regionCode'],
    ['a region outside the actor’s', { regionCode: '420102' }, 403, null],
    ['a phone with letters', { phone: '139abc' }, 400, 'phone'],
    ['no name', { name: '' }, 400, 'name'],
    ['an unknown kind', { kind: 'volunteer' }, 400, 'kind'],
  ])('refuses %s and registers nothing', async (_what, more, status, field) => {
    const dept = await departmentId(committee.client, '组织部');
    const before = await instructorState();
    const res = await committee.client.post('/api/instructors', instructorBody(dept, more));
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.details[0].field).toBe(field);
    expect(await instructorState()).toEqual(before);
  });

  it('refuses a date of leaving in the future', async () => {
    const id = await createInstructor(committee.client, await departmentId(committee.client, '组织部'));
    const res = await committee.client.patch(`/api/instructors/${id}`, { leftOn: daysAgo(-1) });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'leftOn']);
    expect((await committee.client.patch(`/api/instructors/${id}`, { leftOn: today() })).body).toEqual({
      changed: ['leftOn'],
    });
    const list = await committee.client.get('/api/instructors?status=left&pageSize=200');
    expect(list.body.items.map((i: { id: number }) => i.id)).toContain(id);
    const serving = await committee.client.get('/api/instructors?pageSize=200');
    expect(serving.body.items.map((i: { id: number }) => i.id)).not.toContain(id);
  });
});

describe('another city', () => {
  it('gets 404 for an instructor of 420502 on every route, and nothing changes', async () => {
    const id = await createInstructor(committee.client, await departmentId(committee.client, '组织部'));
    const calls: Call[] = [
      ['GET', `/api/instructors/${id}`, undefined],
      ['PATCH', `/api/instructors/${id}`, { name: '越权' }],
      ['POST', `/api/instructors/${id}/reveal`, {}],
      ['POST', `/api/instructors/${id}/assignments`, { enterpriseId: 1, startOn: today() }],
      ['POST', `/api/instructors/${id}/assignments/1/end`, { endOn: today() }],
    ];
    await expectEachNotFound(fx.database.db, wuhan, calls, instructorState, { entity: 'instructor' });
    const list = await wuhan.client.get('/api/instructors?pageSize=200');
    expect(list.body.items.map((i: { id: number }) => i.id)).not.toContain(id);
  });
});

describe('linking an instructor account (users.instructor_id)', () => {
  it('a user administrator ties an account to an instructor of its region', async () => {
    const id = await createInstructor(committee.client, await departmentId(committee.client, '组织部'));
    const admin = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
    const created = await admin.client.post('/api/users', {
      username: `zd_${id}`,
      displayName: '张指导',
      regionCode: '420502',
      instructorId: id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.user.instructorId).toBe(id);
    const unlinked = await admin.client.patch(`/api/users/${created.body.user.id}`, { instructorId: null });
    expect(unlinked.body.instructorId).toBe(null);
    const outside = await admin.client.patch(`/api/users/${created.body.user.id}`, {
      instructorId: id,
      regionCode: '420503',
    });
    expect([outside.status, outside.body.error.details[0].field]).toEqual([400, 'instructorId']);
    const unknown = await admin.client.patch(`/api/users/${created.body.user.id}`, { instructorId: 999999 });
    expect([unknown.status, unknown.body.error.details[0].field]).toEqual([400, 'instructorId']);
  });
});
