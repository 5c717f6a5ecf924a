// Bulk 选派 (issue #14 item 6): preview per enterprise, then all or nothing, one audit row per
// assignment, and one enterprise out of scope refuses the batch.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInstructor, daysAgo, departmentId } from '../instructors/instructors.testing.ts';
import { auditAfter, lastAuditSeq } from '../testing/audit.ts';
import type { TestClient } from '../testing/client.ts';
import { makeEnterprise } from '../testing/factories.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

let committee: TestClient;
let instructor: number;

beforeAll(async () => {
  committee = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
  instructor = await createInstructor(committee, await departmentId(committee, '工信'));
});

const assignments = async () =>
  (await fx.rows<{ n: number }>(sql`select count(*)::int as n from assignments where instructor_id = ${instructor}`))[0]
    .n;
const body = (enterpriseIds: number[], more: Record<string, unknown> = {}) => ({
  selection: { enterpriseIds },
  instructorId: instructor,
  startOn: daysAgo(3),
  ...more,
});

describe('bulk assignment of one instructor', () => {
  it('previews each enterprise with its change or its refusal in Chinese, and changes nothing', async () => {
    const a = await makeEnterprise(fx.database);
    const b = await makeEnterprise(fx.database);
    const closed = await makeEnterprise(fx.database, { registrationStatus: 'cancelled', name: '已注销的企业' });
    const seq = await lastAuditSeq(fx.database.db);
    const before = await assignments();
    const res = await committee.post('/api/enterprises/bulk/assign/preview', body([a.id, b.id, closed.id]));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 3, accepted: 2, refused: 1 });
    expect(res.body.rows[0]).toMatchObject({ id: a.id, ok: true, change: `选派张明联系，${daysAgo(3)} 起` });
    expect(res.body.rows[2]).toMatchObject({
      id: closed.id,
      ok: false,
      reason: '已注销的企业已注销、吊销或迁出，不在统计范围内，无需选派',
    });
    expect(await assignments()).toBe(before);
    expect(await auditAfter(fx.database.db, seq)).toEqual([]);
  });

  it('applies all rows in one transaction with one audit row per assignment', async () => {
    const ids = [(await makeEnterprise(fx.database)).id, (await makeEnterprise(fx.database)).id];
    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.post('/api/enterprises/bulk/assign/apply', body(ids));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 2, accepted: 2, refused: 0 });
    const audit = await auditAfter(fx.database.db, seq);
    expect(audit.map((r) => [r.action, r.entityId, (r.diff as { enterpriseId: number }).enterpriseId])).toEqual([
      ['instructor.assign', String(instructor), ids[0]],
      ['instructor.assign', String(instructor), ids[1]],
    ]);
    const covered = await fx.rows<{ has_instructor: boolean }>(
      sql`select has_instructor from enterprises where id = any(${`{${ids.join(',')}}`}::int[])`,
    );
    expect(covered.every((r) => r.has_instructor)).toBe(true);

    // The same batch again: each is already assigned, and the preview says so.
    const again = await committee.post('/api/enterprises/bulk/assign/preview', body(ids));
    expect(again.body.refused).toBe(2);
    expect(again.body.rows[0].reason).toMatch(/^张明已选派到测试企业\d+有限公司（.+ 起），时间不能重叠$/);
  });

  it('one refused row at apply refuses the whole batch, naming it; nothing changes', async () => {
    const fine = await makeEnterprise(fx.database);
    const closed = await makeEnterprise(fx.database, { registrationStatus: 'revoked', name: '已吊销的企业' });
    const before = await assignments();
    const seq = await lastAuditSeq(fx.database.db);
    const res = await committee.post('/api/enterprises/bulk/assign/apply', body([fine.id, closed.id]));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '1 家企业不能处理，整批未执行：已吊销的企业：已吊销的企业已注销、吊销或迁出，不在统计范围内，无需选派',
    );
    expect(await assignments()).toBe(before);
    expect((await auditAfter(fx.database.db, seq)).filter((r) => r.result === 'success')).toEqual([]);
  });

  it('an enterprise out of scope refuses the batch with 404 and nothing changes', async () => {
    const mine = await makeEnterprise(fx.database);
    const wuhan = await makeEnterprise(fx.database, { regionCode: '420102' });
    const before = await assignments();
    for (const step of ['preview', 'apply']) {
      const res = await committee.post(`/api/enterprises/bulk/assign/${step}`, body([mine.id, wuhan.id]));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('所选企业中有 1 家不存在或不在您的管辖范围内，整批未执行');
    }
    expect(await assignments()).toBe(before);
  });

  it('caps the batch and takes all the enterprises matching the list’s filters', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    const res = await committee.post('/api/enterprises/bulk/assign/preview', body(many));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('一次最多处理 1000 家企业，本次选中 1001 家；请缩小筛选范围分批处理');

    const named = await makeEnterprise(fx.database, { name: '批量筛选专用有限公司' });
    const filtered = await committee.post('/api/enterprises/bulk/assign/preview', {
      ...body([]),
      selection: { filter: { q: '批量筛选专用' } },
    });
    expect(filtered.status, JSON.stringify(filtered.body)).toBe(200);
    expect(filtered.body.rows.map((r: { id: number }) => r.id)).toEqual([named.id]);
  });

  it('a user without the permission is refused', async () => {
    const leader = (await fx.clientAs({ roles: ['leader'], regionCode: '420500' })).client;
    const e = await makeEnterprise(fx.database);
    const res = await leader.post('/api/enterprises/bulk/assign/preview', body([e.id]));
    expect(res.status).toBe(403);
  });
});
