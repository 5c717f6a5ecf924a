/**
 * Issue #12, defect 15, on PGlite: the database runs on the server's own thread, so a request's
 * statements used to run back to back without the event loop turning: no socket read, no waiting
 * request answered, no departed client noticed, and under load requests sat unread until their
 * clients gave up. Now every statement waits for the loop's next turn, and a request whose
 * client has gone runs no further statement: its transaction rolls back and nothing is written.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { localOperator } from '../../src/server/actor.ts';
import { settings } from '../../src/server/db/schema.ts';
import { CLIENT_GONE, detached, forRequest } from '../../src/server/db/turns.ts';
import { inScope } from '../../src/server/db/tx.ts';
import { knownError } from '../../src/server/limits.ts';
import { makeFixture } from '../../src/server/testing/fixture.ts';

const fx = await makeFixture();
afterAll(() => fx.close());
const { db } = fx.database;
const probe = (key: string) => db.select().from(settings).where(eq(settings.key, key));

describe.skipIf(fx.database.kind !== 'pglite')('PGlite statements and the event loop', () => {
  it('a statement lets the event loop turn first: what waits for the next turn runs before it answers', async () => {
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    await db.execute(sql`select 1`);
    expect(turned).toBe(true);
  });

  it('a request whose client left runs no further statement: its transaction rolls back, the answer says why', async () => {
    const client = new AbortController();
    const run = forRequest(client.signal, () =>
      inScope(db, localOperator(), async (tx) => {
        await tx.insert(settings).values({ key: 'turns-probe', value: 1 });
        client.abort();
        await tx.insert(settings).values({ key: 'turns-probe-2', value: 2 });
      }),
    );
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(knownError(err)).toMatchObject({ status: 503, code: 'client_gone', message: CLIENT_GONE });
    expect(await probe('turns-probe')).toEqual([]);
    expect(await probe('turns-probe-2')).toEqual([]);
    // The database serves the next request as usual.
    expect(await db.execute(sql`select 1 as one`)).toBeTruthy();
  });

  it('work the request started to outlive it (an import read) goes on after its client left', async () => {
    const client = new AbortController();
    const left = new Promise((resolve) => client.signal.addEventListener('abort', resolve));
    let background: Promise<unknown> = Promise.resolve();
    await forRequest(client.signal, async () => {
      background = detached(async () => {
        await left;
        await db.insert(settings).values({ key: 'turns-detached', value: 3 });
      });
    });
    client.abort();
    await background;
    expect(await probe('turns-detached')).toHaveLength(1);
  });
});
