// An enterprise whose members are recorded one by one takes its member counts from the roster:
// the regulator's file, imported again, changes nothing there and says where it disagrees.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localOperator } from '../../actor.ts';
import { memberBody } from '../../members/members.testing.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { makeOrg } from '../../testing/factories.ts';
import { enterpriseRow, importFixture, importRequest } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
});
afterAll(() => fx.close());

const [withRoster, without] = [uscc(), uscc()];
const file = (members: number) =>
  writeCsv([
    HEADER,
    row(withRoster, '宜昌名册科技有限公司', 30, members),
    row(without, '宜昌无名册商贸有限公司', 30, members),
  ]);
const load = (path: string) => runImport(fx.deps, localOperator(), importRequest(path));

it('a file imported again leaves the roster’s counts, notes the difference, and still updates the others', async () => {
  expect((await load(file(5))).status).toBe('applied');
  const e = await enterpriseRow(fx.database.db, withRoster);
  const org = await makeOrg(fx.database, [e?.id]);
  const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
  for (const name of ['赵一', '钱二']) {
    const res = await client.post('/api/members', memberBody(org.id, { name, employerId: e?.id }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  expect(await enterpriseRow(fx.database.db, withRoster)).toMatchObject({ member_count: 2, full_member_count: 2 });
  const historyBefore = await fx.rows(
    sql`select field, after from enterprise_history where enterprise_id = ${e?.id} order by id`,
  );

  const again = await load(file(7));
  expect(again.status).toBe('applied');
  expect(await enterpriseRow(fx.database.db, withRoster)).toMatchObject({ member_count: 2, full_member_count: 2 });
  expect(await enterpriseRow(fx.database.db, without)).toMatchObject({ member_count: 7 });
  expect(
    await fx.rows(sql`select field, after from enterprise_history where enterprise_id = ${e?.id} order by id`),
  ).toEqual(historyBefore);
  const [staged] = await fx.rows<{ outcome: string; discrepancy: string }>(
    sql`select outcome, discrepancy from import_rows where batch_id = ${again.batchId} and uscc = ${withRoster}`,
  );
  expect(staged).toEqual({ outcome: 'unchanged', discrepancy: '填报党员 7 名，党员名册记录 2 名：以党员名册为准' });
});
