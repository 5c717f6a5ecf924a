// The ledger's name search under row-level security (migration 0028): it returns only the
// actor's enterprises, however it is called, and on PostgreSQL the search the app runs, as the
// app's role with the policies on, is served by the trigram index.

import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_SETTINGS } from '../../../domain/stats/coverage.ts';
import { type Actor, localOperator } from '../../actor.ts';
import { auditChainFor, bindAuditChain } from '../../audit/chain.ts';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { enterprises as e } from '../../db/schema.ts';
import { inScope, type ScopeContext } from '../../db/tx.ts';
import { keysFrom } from '../../keys.ts';
import { databaseTemplates, testDatabase } from '../../testing/db.ts';
import { makeOrg } from '../../testing/factories.ts';
import { createPostgresDatabase } from '../../testing/template.ts';
import { LedgerFilter, ledgerWhere } from './filters.ts';

/** `count` enterprises named `<prefix><i>…`, in `region`, numbered from `from` (unique codes). */
const insertSql = (count: number, from: number, region: string, name: string) => `
  insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count)
  select '91' || '${region}' || lpad((${from} + i)::text, 9, '0') || 'X', ${name}, 'private', '${region}', 10, 0, 0
  from generate_series(1, ${count}) as i`;

const scope = (scopePrefix: string): ScopeContext => ({ actorId: null, scopePrefix, orgId: null, instructorId: null });

describe('name search within the scope', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
    bindAuditChain(database.db, auditChainFor(keysFrom(Buffer.alloc(32, 7)), null));
    for (const [i, [region, name]] of [
      ['420502', '宜昌星火科技有限公司'],
      ['420503', '夷陵星火科技有限公司'],
      ['420102', '武汉星火科技有限公司'],
    ].entries())
      await database.db.execute(sql.raw(insertSql(1, i * 10, region, `'${name}'`)));
  });
  afterAll(() => database.close());

  const search = (prefix: string, pattern: string, uscc: string | null = null) =>
    inScope(database.db, scope(prefix), (tx) =>
      queryRows<{ name: string }>(
        tx,
        sql`select name from enterprises where id in (select dangjian_enterprise_name_search(${pattern}, ${uscc}::text))
            order by name`,
      ),
    );

  it('returns the enterprises of the region only, even when called directly with a match-all pattern', async () => {
    const city = await search('4205', '%星火%');
    expect(city.map((r) => r.name).sort()).toEqual(['夷陵星火科技有限公司', '宜昌星火科技有限公司'].sort());
    expect((await search('420502', '%')).map((r) => r.name)).toEqual(['宜昌星火科技有限公司']);
    // The function's own ids, outside the policies of the caller's query: still the scope only.
    const ids = await inScope(database.db, scope('420503'), (tx) =>
      queryRows<{ id: number }>(tx, sql`select dangjian_enterprise_name_search('%', '%') as id`),
    );
    expect(ids).toHaveLength(1);
    expect(await search('420102', '%宜昌%')).toEqual([]);
  });

  it('keeps a secretary to the enterprises their org covers', async () => {
    const [covered] = await queryRows<{ id: number }>(
      database.db,
      sql`select id from enterprises where name = '宜昌星火科技有限公司'`,
    );
    const org = await makeOrg(database, [covered.id], { regionCode: '420502' });
    const ids = await inScope(database.db, { ...scope('4205'), orgId: org.id }, (tx) =>
      queryRows<{ id: number }>(tx, sql`select dangjian_enterprise_name_search('%', '%') as id`),
    );
    expect(ids.map((r) => Number(r.id))).toEqual([covered.id]);
  });

  it('finds a unified code by its prefix', async () => {
    expect((await search('4205', '%none%', '91420502%')).map((r) => r.name)).toEqual(['宜昌星火科技有限公司']);
    expect(await search('4205', '%none%', '91420102%')).toEqual([]);
  });

  it('is the ledger filter’s name condition', async () => {
    const actor: Actor = { ...localOperator(), scopePrefix: '4205' };
    const where = ledgerWhere(actor, LedgerFilter.parse({ q: '星火科技' }), DEFAULT_COVERAGE_SETTINGS);
    const rows = await inScope(database.db, scope('4205'), (tx) => tx.select({ name: e.name }).from(e).where(where));
    expect(rows.map((r) => r.name).sort()).toEqual(['夷陵星火科技有限公司', '宜昌星火科技有限公司'].sort());
  });
});

// auto_explain prints the plans of the statements inside the function, as the client's own
// notices: the only way to see the plan the SECURITY DEFINER search really runs.
describe.runIf(databaseTemplates().postgresql)('name search plan on PostgreSQL', () => {
  let target: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    const template = databaseTemplates().postgresql;
    if (!template) throw new Error('no PostgreSQL template');
    target = await createPostgresDatabase(template);
    client = new pg.Client({ connectionString: target.url });
    await client.connect();
    // Enough names in the scope that reading it costs far more than the index (40,000 in the
    // city, a few outside it), with one match on each side.
    await client.query(insertSql(20_000, 0, '420502', `'宜昌' || md5(i::text) || '有限公司'`));
    await client.query(insertSql(20_000, 100_000, '420503', `'夷陵' || md5(i::text) || '有限公司'`));
    await client.query(insertSql(100, 400_000, '420102', `'武汉' || md5(i::text) || '有限公司'`));
    await client.query(insertSql(1, 200_000, '420502', `'宜昌星火科技有限公司'`));
    await client.query(insertSql(1, 300_000, '420102', `'武汉星火科技有限公司'`));
    // Vacuumed as autovacuum would: until then the new names wait in the GIN index's pending
    // list, which every search reads whole, and the planner rightly prefers a scan.
    await client.query('vacuum analyze enterprises');
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await target?.drop();
  });

  it('uses the trigram index as the app’s role with row-level security on, and keeps to the scope', async () => {
    const plans: string[] = [];
    client.on('notice', (n) => plans.push(n.message ?? ''));
    const actor: Actor = { ...localOperator(), scopePrefix: '4205' };
    const where = ledgerWhere(actor, LedgerFilter.parse({ q: '星火科技' }), DEFAULT_COVERAGE_SETTINGS);
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const query = drizzle(client).select({ name: e.name }).from(e).where(where).toSQL();
    await client.query('begin');
    try {
      await client.query(`load 'auto_explain'`);
      await client.query(`set local auto_explain.log_min_duration = 0`);
      await client.query(`set local auto_explain.log_nested_statements = on`);
      await client.query(`set local client_min_messages = log`);
      await client.query(`set local role dangjian_app`);
      await client.query(`select set_config('dangjian.scope_prefix', '4205', true)`);
      const { rows } = await client.query({ text: query.sql, values: query.params });
      expect(rows.map((r) => r.name)).toEqual(['宜昌星火科技有限公司']);
      const [{ rls }] = (await client.query(`select row_security_active('enterprises') as rls`)).rows;
      expect(rls).toBe(true);
    } finally {
      await client.query('rollback');
    }
    const inner = plans.find((p) => p.includes('SELECT id FROM enterprises'));
    expect(inner, plans.join('\n---\n')).toContain('enterprises_name_trgm_idx');
  });
});
