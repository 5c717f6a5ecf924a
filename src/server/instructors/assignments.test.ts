import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';
import { assignTo, createInstructor, daysAgo, departmentId, today } from './instructors.testing.ts';

const fx = await fileFixture();

const committee = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
const dept = await departmentId(committee.client, '工信');
const wuhanEnterprise = await makeEnterprise(fx.database, { regionCode: '420102' });
const closed = await makeEnterprise(fx.database, { registrationStatus: 'cancelled' });

const needsInstructorIds = async () => {
  const res = await committee.client.get('/api/enterprises?flag=needs_instructor&pageSize=200');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((e: { id: number }) => e.id) as number[];
};
const dashboardNeeds = async () => (await committee.client.get('/api/dashboard')).body.ledger.needsInstructor as number;
const card = async (enterpriseId: number) =>
  (await committee.client.get(`/api/enterprises/${enterpriseId}/instructors`)).body;

const state = () =>
  fx.rows(sql`select (select jsonb_agg(to_jsonb(a) order by id) from assignments a) as assignments,
                     (select jsonb_agg(jsonb_build_object('id', id, 'has', has_instructor) order by id) from enterprises) as enterprises,
                     (select count(*) from enterprise_history) as history,
                     (select jsonb_agg(to_jsonb(c) order by region_code, category, has_instructor, band, kind) from ledger_counts c where n <> 0) as counts`);

describe('an assignment moves work coverage at once', () => {
  it('assigning takes the enterprise off the needs_instructor list and the dashboard; ending puts it back', async () => {
    const enterprise = await makeEnterprise(fx.database);
    const instructor = await createInstructor(committee.client, dept);
    expect(await needsInstructorIds()).toContain(enterprise.id);
    const needsBefore = await dashboardNeeds();
    expect(await card(enterprise.id)).toMatchObject({
      enterprise: { workCovered: false, needsInstructor: true, orgCovered: false },
      assignments: [],
    });

    const seq = await lastAuditSeq(fx.database.db);
    const assignmentId = await assignTo(committee.client, instructor, enterprise.id, daysAgo(10));
    expect(await needsInstructorIds()).not.toContain(enterprise.id);
    expect(await dashboardNeeds()).toBe(needsBefore - 1);
    const covered = await card(enterprise.id);
    expect(covered.enterprise).toMatchObject({ workCovered: true, needsInstructor: false });
    expect(covered.assignments).toEqual([
      expect.objectContaining({
        id: assignmentId,
        instructorId: instructor,
        startOn: daysAgo(10),
        endOn: null,
        active: true,
        instructorName: '张明',
        sourceDepartmentName: '经济和信息化局（工信）',
      }),
    ]);
    expect(covered.assignments[0].phone).toMatch(/^139\*{4}\d{4}$/);
    const [history] = await fx.rows(
      sql`select field, before, after, actor_name from enterprise_history where enterprise_id = ${enterprise.id} order by id desc limit 1`,
    );
    expect(history).toEqual({
      field: 'hasInstructor',
      before: false,
      after: true,
      actor_name: committee.user.username,
    });
    expect((await committee.client.get(`/api/instructors/${instructor}`)).body.instructor.load).toBe(1);

    const ended = await committee.client.post(`/api/instructors/${instructor}/assignments/${assignmentId}/end`, {
      endOn: today(),
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(await needsInstructorIds()).toContain(enterprise.id);
    expect(await dashboardNeeds()).toBe(needsBefore);
    expect((await card(enterprise.id)).assignments[0]).toMatchObject({ endOn: today(), active: false });
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['instructor.assign', 'instructor', String(instructor)],
      ['instructor.assignment_end', 'instructor', String(instructor)],
    ]);
    expect(audit[0].diff).toEqual({ assignmentId, enterpriseId: enterprise.id, startOn: daysAgo(10), note: null });
  });

  it('one instructor serves several enterprises, and one enterprise has several instructors', async () => {
    const [e1, e2] = [await makeEnterprise(fx.database), await makeEnterprise(fx.database)];
    const [i1, i2] = [await createInstructor(committee.client, dept), await createInstructor(committee.client, dept)];
    await assignTo(committee.client, i1, e1.id);
    await assignTo(committee.client, i1, e2.id);
    await assignTo(committee.client, i2, e1.id);
    const detail = (await committee.client.get(`/api/instructors/${i1}`)).body;
    expect(detail.instructor.load).toBe(2);
    expect(detail.assignments.map((a: { enterpriseId: number }) => a.enterpriseId).sort()).toEqual(
      [e1.id, e2.id].sort(),
    );
    expect((await card(e1.id)).assignments.map((a: { instructorId: number }) => a.instructorId).sort()).toEqual(
      [i1, i2].sort(),
    );
    // Ending one of two keeps the enterprise covered.
    const a = (await card(e1.id)).assignments.find((x: { instructorId: number }) => x.instructorId === i1);
    await committee.client.post(`/api/instructors/${i1}/assignments/${a.id}/end`, { endOn: today() });
    expect((await card(e1.id)).enterprise.workCovered).toBe(true);
    expect(await needsInstructorIds()).not.toContain(e1.id);
  });

  it('an enterprise covered by an org is work-covered without an instructor', async () => {
    const e = await makeEnterprise(fx.database);
    await makeOrg(fx.database, [e.id]);
    expect((await card(e.id)).enterprise).toMatchObject({
      orgCovered: true,
      workCovered: true,
      needsInstructor: false,
    });
  });

  it('a new assignment may follow an ended one of the same pair, not overlap it', async () => {
    const e = await makeEnterprise(fx.database);
    const i = await createInstructor(committee.client, dept);
    const first = await assignTo(committee.client, i, e.id, daysAgo(20));
    await committee.client.post(`/api/instructors/${i}/assignments/${first}/end`, { endOn: daysAgo(10) });
    const overlapping = await committee.client.post(`/api/instructors/${i}/assignments`, {
      enterpriseId: e.id,
      startOn: daysAgo(11),
    });
    expect([overlapping.status, overlapping.body.error.details[0].field]).toEqual([400, 'enterpriseId']);
    expect(overlapping.body.error.message).toContain('时间不能重叠');
    await assignTo(committee.client, i, e.id, daysAgo(10));
    expect((await card(e.id)).assignments.map((a: { active: boolean }) => a.active)).toEqual([true, false]);
  });

  it('an instructor leaving ends their open assignments on that date, and the enterprises need an instructor again', async () => {
    const e = await makeEnterprise(fx.database);
    const i = await createInstructor(committee.client, dept);
    await assignTo(committee.client, i, e.id, daysAgo(5));
    const res = await committee.client.patch(`/api/instructors/${i}`, { leftOn: today() });
    expect(res.body).toEqual({ changed: ['leftOn'] });
    expect((await card(e.id)).assignments[0]).toMatchObject({ endOn: today(), active: false });
    expect(await needsInstructorIds()).toContain(e.id);
    const again = await committee.client.post(`/api/instructors/${i}/assignments`, {
      enterpriseId: e.id,
      startOn: today(),
    });
    expect([again.status, again.body.error.details[0].field]).toEqual([400, 'startOn']);
    expect(again.body.error.message).toContain('离任');
  });
});

describe('refusals leave everything as it was', () => {
  let enterprise: { id: number };
  let instructor: number;
  let assignment: number;
  beforeAll(async () => {
    enterprise = await makeEnterprise(fx.database);
    instructor = await createInstructor(committee.client, dept);
    assignment = await assignTo(committee.client, instructor, (await makeEnterprise(fx.database)).id, daysAgo(3));
  });

  it.each([
    ['a start in the future', () => ({ enterpriseId: enterprise.id, startOn: daysAgo(-1) }), 400, 'startOn'],
    ['a date that does not exist', () => ({ enterpriseId: enterprise.id, startOn: '2026-02-30' }), 400, 'startOn'],
    ['an enterprise of another city', () => ({ enterpriseId: wuhanEnterprise.id, startOn: today() }), 404, null],
    ['an enterprise that does not exist', () => ({ enterpriseId: 9_999_999, startOn: today() }), 404, null],
    ['a deregistered enterprise', () => ({ enterpriseId: closed.id, startOn: today() }), 400, 'enterpriseId'],
  ])('assigning with %s', async (_what, body, status, field) => {
    const before = await state();
    const res = await committee.client.post(`/api/instructors/${instructor}/assignments`, body());
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (field) expect(res.body.error.details[0].field).toBe(field);
    expect(await state()).toEqual(before);
  });

  it.each([
    ['on its start date', () => daysAgo(3), '结束日期应晚于开始日期'],
    ['before its start', () => daysAgo(4), '结束日期应晚于开始日期'],
    ['in the future', () => daysAgo(-1), '晚于今天'],
  ])('ending %s', async (_what, endOn, message) => {
    const before = await state();
    const res = await committee.client.post(`/api/instructors/${instructor}/assignments/${assignment}/end`, {
      endOn: endOn(),
    });
    expect([res.status, res.body.error.details[0].field]).toEqual([400, 'endOn']);
    expect(res.body.error.message).toContain(message);
    expect(await state()).toEqual(before);
  });

  it('ending an assignment twice, or through another instructor', async () => {
    const other = await createInstructor(committee.client, dept);
    const before = await state();
    const wrong = await committee.client.post(`/api/instructors/${other}/assignments/${assignment}/end`, {
      endOn: today(),
    });
    expect(wrong.status).toBe(404);
    expect(await state()).toEqual(before);
    await committee.client.post(`/api/instructors/${instructor}/assignments/${assignment}/end`, { endOn: today() });
    const after = await state();
    const twice = await committee.client.post(`/api/instructors/${instructor}/assignments/${assignment}/end`, {
      endOn: today(),
    });
    expect([twice.status, twice.body.error.message]).toEqual([400, `该选派已于 ${today()} 结束`]);
    expect(await state()).toEqual(after);
  });
});
