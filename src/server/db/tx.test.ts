/**
 * `unsafeAsOwner`: a read outside row-level security inside a scoped transaction, after which
 * the actor's role is back whatever the read did — so nothing later in the request sees past
 * the scope.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileFixture } from '../testing/fileFixture.ts';
import type { Tx } from './client.ts';
import { queryRows } from './rows.ts';
import { users } from './schema.ts';
import { inScope, unsafeAsOwner } from './tx.ts';

const fx = await fileFixture();

const yichang = { actorId: 1, scopePrefix: '4205', orgId: null, instructorId: null };
let outside: number;

beforeAll(async () => {
  outside = (await fx.makeUser({ roles: ['committee'], regionCode: '110101' })).id;
});

const seesOutside = async (tx: Tx) => (await tx.select({ id: users.id }).from(users)).some((u) => u.id === outside);
const role = async (tx: Tx) => (await queryRows<{ r: string }>(tx, sql`select current_user as r`))[0].r;

describe('unsafeAsOwner', () => {
  it('reads past row-level security, then the actor is scoped again', async () => {
    const seen = await inScope(fx.database.db, yichang, async (tx) => ({
      inside: await unsafeAsOwner(tx, () => seesOutside(tx)),
      after: await seesOutside(tx),
      role: await role(tx),
    }));
    expect(seen).toEqual({ inside: true, after: false, role: 'dangjian_app' });
  });

  it('takes back the actor’s role when the read throws and the caller carries on', async () => {
    const seen = await inScope(fx.database.db, yichang, async (tx) => {
      await expect(
        unsafeAsOwner(tx, async () => {
          throw new Error('读取失败');
        }),
      ).rejects.toThrow('读取失败');
      return { after: await seesOutside(tx), role: await role(tx) };
    });
    expect(seen).toEqual({ after: false, role: 'dangjian_app' });
  });

  it('keeps a secretary’s own role, not the application role', async () => {
    const secretary = { ...yichang, orgId: 1 };
    const seen = await inScope(fx.database.db, secretary, async (tx) => {
      await unsafeAsOwner(tx, () => seesOutside(tx));
      return role(tx);
    });
    expect(seen).toBe('dangjian_secretary');
  });

  it('reports the read’s own error when a failed statement aborts the transaction', async () => {
    await expect(
      inScope(fx.database.db, yichang, (tx) => unsafeAsOwner(tx, () => tx.execute(sql`select 1 / 0`))),
    ).rejects.toThrow(/select 1 \/ 0/);
  });
});
