/**
 * Row-level security, the second line behind the scope built into each query: a query run
 * through `inScope` that forgets the scope still sees and touches only the actor's region.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { fileFixture } from '../testing/fileFixture.ts';

const fx = await fileFixture();

const yichang = { actorId: 1, scopePrefix: '4205', orgId: null, instructorId: null };
let inside: number;
let outside: number;

beforeAll(async () => {
  inside = (await fx.makeUser({ roles: ['committee'], regionCode: '420506' })).id;
  outside = (await fx.makeUser({ roles: ['committee'], regionCode: '110101' })).id;
});

describe('row-level security on users', () => {
  it('an unscoped select sees only the region’s users', async () => {
    const seen = await inScope(fx.database.db, yichang, (tx) => tx.select({ id: users.id }).from(users));
    expect(seen.map((u) => u.id)).toContain(inside);
    expect(seen.map((u) => u.id)).not.toContain(outside);
  });

  it('an unscoped update leaves users outside the region alone', async () => {
    const changed = await inScope(fx.database.db, yichang, (tx) =>
      tx.update(users).set({ displayName: '越权' }).where(eq(users.id, outside)).returning(),
    );
    expect(changed).toEqual([]);
    const [row] = await fx.database.db.select().from(users).where(eq(users.id, outside));
    expect(row.displayName).not.toBe('越权');
  });

  it('moving a user out of the region, or creating one outside it, is refused', async () => {
    await expect(
      inScope(fx.database.db, yichang, (tx) =>
        tx.update(users).set({ regionCode: '110101' }).where(eq(users.id, inside)),
      ),
    ).rejects.toThrow();
    await expect(
      inScope(fx.database.db, yichang, (tx) =>
        tx.insert(users).values({ username: 'rls_out', displayName: '外', regionCode: '110101', passwordHash: 'x' }),
      ),
    ).rejects.toThrow();
  });

  it('the application role cannot delete users or change the audit trail', async () => {
    await expect(
      inScope(fx.database.db, yichang, (tx) => tx.delete(users).where(eq(users.id, inside))),
    ).rejects.toThrow();
    await expect(
      inScope(fx.database.db, yichang, (tx) => tx.execute(sql`update audit_log set result = 'success'`)),
    ).rejects.toThrow();
    await expect(inScope(fx.database.db, yichang, (tx) => tx.delete(auditLog))).rejects.toThrow();
  });
});
