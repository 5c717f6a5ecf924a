import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import { runImport } from '../imports/enterprises/run.ts';
import { HEADER, row, uscc, writeCsv } from '../testing/enterpriseFiles.ts';
import { closedAfterAll } from '../testing/fileFixture.ts';
import { importFixture, importRequest } from '../testing/imports.ts';

const fx = closedAfterAll(await importFixture());

beforeAll(async () => {
  // 386 enterprises in 伍家岗区 and 点军区 (宜昌市), 85 of them to be covered: the county of document 004.
  const rows = Array.from({ length: 390 }, (_, i) =>
    row(uscc(), `企业${i}`, i % 150, i % 6, i % 2 ? '420503' : '420504'),
  );
  // Four closed enterprises leave every denominator.
  for (const r of rows.slice(0, 4)) r.push('注销');
  for (const r of rows.slice(4)) r.push('存续');
  const file = writeCsv([[...HEADER, '登记状态'], ...rows]);
  const result = await runImport(fx.deps, localOperator(), importRequest(file));
  expect(result.status).toBe('applied');
  // The organization area keeps org_coverage; until it exists, set it as it would.
  await fx.rows(sql`update enterprises set org_coverage = case when id % 2 = 0 then 'standalone' else 'joint' end
                    where id in (select id from enterprises where in_scope order by id limit 85)`);
});

describe('dashboard figures of the ledger', () => {
  it('reproduces 组建率 22.0 % for 85 covered of 386 in scope, and totals equal the sum of the children', async () => {
    const { client } = await fx.clientAs({ roles: ['committee'], regionCode: '420500' });
    const res = await client.get('/api/dashboard');
    expect(res.status).toBe(200);
    const { ledger, children } = res.body;
    expect(ledger).toMatchObject({ inScope: 386, closed: 4, orgCovered: 85 });
    expect(Math.round(ledger.orgCoverageRate * 1000) / 10).toBe(22.0);
    for (const key of ['inScope', 'closed', 'orgCovered', 'standalone', 'joint', 'keyWatch', 'needsInstructor']) {
      expect(children.reduce((s: number, c: any) => s + c.ledger[key], 0)).toBe(ledger[key]);
    }
    const categorySum = Object.values(ledger.categories as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(categorySum).toBe(ledger.inScope);
    const empty = children.find((c: any) => c.code === '420502');
    expect(empty.ledger).toMatchObject({ inScope: 0, orgCoverageRate: null });
  });

  it('counts equal the sizes of the ledger lists they click through to', async () => {
    const { client } = await fx.clientAs({ roles: ['leader'], regionCode: '420500' });
    const { ledger } = (await client.get('/api/dashboard')).body;
    for (const [category, n] of Object.entries(ledger.categories as Record<string, number>)) {
      const list = await client.get(`/api/enterprises?category=${category}&pageSize=1`);
      expect(list.body.total).toBe(n);
    }
    expect((await client.get('/api/enterprises?flag=key_watch&pageSize=1')).body.total).toBe(ledger.keyWatch);
    expect((await client.get('/api/enterprises?flag=needs_instructor&pageSize=1')).body.total).toBe(
      ledger.needsInstructor,
    );
    expect((await client.get('/api/enterprises?status=in_scope&pageSize=1')).body.total).toBe(ledger.inScope);
    expect((await client.get('/api/enterprises?status=closed&pageSize=1')).body.total).toBe(ledger.closed);
  });

  it('shows administrators no business figures', async () => {
    const { client } = await fx.clientAs({ roles: ['sysadmin'], regionCode: '420500' });
    const res = await client.get('/api/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.ledger).toBeNull();
  });
});
