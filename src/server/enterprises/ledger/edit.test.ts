import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../../actor.ts';
import { enterpriseHistory, enterprises } from '../../db/schema.ts';
import { runImport } from '../../imports/enterprises/run.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { closedAfterAll } from '../../testing/fileFixture.ts';
import { importFixture, importRequest } from '../../testing/imports.ts';

const fx = closedAfterAll(await importFixture());
let id: number;
const code = uscc();

beforeAll(async () => {
  const file = writeCsv([HEADER, row(code, '宜昌编辑测试公司', 40, 2)]);
  await runImport(fx.deps, localOperator(), importRequest(file));
  [{ id }] = await fx.database.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.uscc, code));
});

describe('editing an enterprise', () => {
  it('applies the import rules and records each changed field as a user edit', async () => {
    const { client, user } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const res = await client.patch(`/api/enterprises/${id}`, {
      employees: 55,
      kind: '个体工商户',
      phone: '13800001111',
    });
    expect(res.status).toBe(200);
    expect(res.body.changed.sort()).toEqual(['employees', 'kind', 'phone']);
    const history = await fx.database.db.select().from(enterpriseHistory).where(eq(enterpriseHistory.enterpriseId, id));
    const edits = history.filter((h) => h.batchId === null);
    expect(edits.map((h) => h.field).sort()).toEqual(['employees', 'kind', 'phone']);
    expect(edits.find((h) => h.field === 'employees')).toMatchObject({
      before: 40,
      after: 55,
      actorName: user.username,
    });
    expect(edits.find((h) => h.field === 'phone')?.after).toBe('138****1111');
    const detail = await client.get(`/api/enterprises/${id}`);
    expect(detail.body.enterprise.phone).toBe('138****1111');
  });

  it('refuses a bad value naming the field, and changes nothing', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const [before] = await fx.database.db.select().from(enterprises).where(eq(enterprises.id, id));
    const res = await client.patch(`/api/enterprises/${id}`, { employees: -3, fullMemberCount: 9 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'employees',
      'fullMemberCount',
    ]);
    const moved = await client.patch(`/api/enterprises/${id}`, { regionCode: '420102' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.details[0].field).toBe('regionCode');
    const [after] = await fx.database.db.select().from(enterprises).where(eq(enterprises.id, id));
    expect(after).toEqual(before);
  });

  it('hides an enterprise outside the actor’s region (404) and a leader cannot edit (403)', async () => {
    const wuhan = await fx.clientAs({ roles: ['committee'], regionCode: '420100' });
    expect((await wuhan.client.get(`/api/enterprises/${id}`)).status).toBe(404);
    expect((await wuhan.client.patch(`/api/enterprises/${id}`, { employees: 1 })).status).toBe(404);
    const leader = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
    expect((await leader.client.get(`/api/enterprises/${id}`)).status).toBe(200);
    expect((await leader.client.patch(`/api/enterprises/${id}`, { employees: 1 })).status).toBe(403);
  });
});
