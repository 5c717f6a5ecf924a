/**
 * Issue #12, defect 15: a request's statement runs no longer than the statement timeout
 * (DANGJIAN_STATEMENT_TIMEOUT_MS); past it the query is cancelled, the transaction rolled
 * back, and the client told so (503, Retry-After). PostgreSQL only: PGlite (single-user
 * PostgreSQL in WebAssembly) has no timer to cancel a statement with, which is why the
 * bounded door (overload.test.ts) is what keeps it from piling up.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { localOperator } from '../../src/server/actor.ts';
import { settings } from '../../src/server/db/schema.ts';
import { inScope } from '../../src/server/db/tx.ts';
import { DEFAULT_SECURITY_POLICY } from '../../src/server/settings/policy.ts';
import { auditAfter, lastAuditSeq } from '../../src/server/testing/audit.ts';
import { makeFixture } from '../../src/server/testing/fixture.ts';

const fx = await makeFixture({ statementTimeoutMs: 500 });
afterAll(() => fx.close());

describe.skipIf(fx.database.kind === 'pglite')('the statement timeout of a request', () => {
  it('cancels a statement past it and rolls its transaction back', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const run = inScope(
      fx.database.db,
      localOperator(),
      async (tx) => {
        await tx.insert(settings).values({ key: 'timeout-probe', value: 1 });
        await tx.execute(sql`select pg_sleep(60)`);
      },
      500,
    );
    await expect(run).rejects.toMatchObject({ cause: { code: '57014' } });
    expect(await fx.database.db.select().from(settings).where(eq(settings.key, 'timeout-probe'))).toEqual([]);
    expect(await auditAfter(fx.database.db, seq)).toEqual([]);
    // Set for that transaction only: the pooled connection carries no limit afterwards.
    const [{ statement_timeout }] = await fx.rows<{ statement_timeout: string }>(sql`show statement_timeout`);
    expect(statement_timeout).toBe('0');
  });

  it('a request held up past it gets a clear 503, changes nothing, and the next request is served', async () => {
    const { client } = await fx.clientAs({ roles: ['secadmin'], regionCode: '420500' });
    expect((await client.put('/api/settings/security', DEFAULT_SECURITY_POLICY)).status).toBe(200);
    const seq = await lastAuditSeq(fx.database.db);
    // Another transaction holds the row the request must change, longer than the timeout.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = fx.database.db.transaction(async (tx) => {
      await tx.execute(sql`select * from settings where key = 'security' for update`);
      locked();
      await held;
    });
    await isLocked;
    const answer = await client.put('/api/settings/security', { ...DEFAULT_SECURITY_POLICY, lockoutThreshold: 3 });
    release();
    await holder;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('2');
    expect(answer.body.error).toEqual({
      code: 'timeout',
      message: '查询超时，已取消，未作任何更改；请缩小查询范围或稍后重试',
    });
    expect((await client.get('/api/settings/security')).body).toMatchObject(DEFAULT_SECURITY_POLICY);
    expect((await auditAfter(fx.database.db, seq)).filter((a) => a.action === 'settings.security')).toEqual([]);
  });
});
