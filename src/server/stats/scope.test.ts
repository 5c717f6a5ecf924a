import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateString } from '../../domain/calendarDate.ts';
import { queryRows } from '../db/rows.ts';
import { inScope } from '../db/tx.ts';
import { makeEnterprise, makeOrg } from '../testing/factories.ts';
import { type Fixture, makeFixture } from '../testing/fixture.ts';
import { actorOf } from '../testing/imports.ts';

let fx: Fixture;
let orgId: number;
let instructorId: number;
const today = localDateString(new Date());

beforeAll(async () => {
  fx = await makeFixture();
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) ids.push((await makeEnterprise(fx.database, { regionCode: '420503' })).id);
  orgId = (await makeOrg(fx.database, ids.slice(0, 3), { regionCode: '420503' })).id;
  await fx.rows(sql`insert into departments (name) values ('人社')`);
  const [ins] = await fx.rows<{ id: number }>(
    sql`insert into instructors (kind, name, source_department_id, region_code)
        select 'liaison', '李联络', id, '420503' from departments returning id`,
  );
  instructorId = (ins as { id: number }).id;
  await fx.rows(sql`insert into assignments (instructor_id, enterprise_id, start_on)
                    select ${instructorId}, unnest(${`{${ids.slice(5, 9).join(',')}}`}::int[]), '2025-01-01'`);
});
afterAll(() => fx.close());

describe('figures within a narrower scope', () => {
  it('a secretary’s figures count their org’s enterprises only, and the kept counts are closed to them', async () => {
    const { client, user } = await fx.clientAs({ roles: ['secretary'], regionCode: '420503', orgId });
    const res = await client.get('/api/stats/coverage');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'facts', inScope: 3, orgCovered: 3, standalone: 0, joint: 3 });
    const secretary = actorOf({ ...user, orgId });
    const counted = await inScope(fx.database.db, secretary, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ledger_counts`),
    );
    expect(counted[0]?.n).toBe(0);
  });

  it('an instructor’s figures count the enterprises assigned to them today, and none once the assignment ends', async () => {
    const { client, user } = await fx.clientAs({ roles: ['instructor'], regionCode: '420503', instructorId });
    const res = await client.get('/api/stats/coverage');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ inScope: 4, workCovered: 4 });
    const list = await client.get('/api/stats/enterprises?pageSize=50');
    expect(list.body.total).toBe(4);
    await fx.rows(sql`update assignments set end_on = ${today} where instructor_id = ${instructorId}`);
    expect((await client.get('/api/stats/coverage')).body.inScope).toBe(0);
    const instructor = actorOf({ ...user, instructorId });
    const seen = await inScope(fx.database.db, instructor, (tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from enterprises`),
    );
    expect(seen[0]?.n).toBe(0);
  });
});
