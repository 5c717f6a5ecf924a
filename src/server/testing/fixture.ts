import { eq } from 'drizzle-orm';
import type { Role } from '../../domain/roles.ts';
import { localOperator } from '../actor.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { keysFrom } from '../keys.ts';
import { createUser } from '../users/service.ts';
import { TestClient } from './client.ts';
import { testDatabase } from './db.ts';

export const TEST_PASSWORD = 'Cedar-River-2048';

/** One app over one fresh database, with helpers to make users and clients. */
export async function makeFixture() {
  const database: Database = await testDatabase();
  const keys = keysFrom(Buffer.alloc(32, 7));
  const config = { ...loadConfig({}), dataDir: '/nonexistent' };
  const app = createApp({ database, keys, config });
  let n = 0;

  /** A user who has already changed their first password: ready to log in with TEST_PASSWORD. */
  async function makeUser(opts: { roles: Role[]; regionCode?: string; username?: string }) {
    const username = opts.username ?? `u${++n}_${opts.roles.join('_') || 'none'}`.slice(0, 32);
    const created = await inScope(database.db, localOperator(), (tx) =>
      createUser(tx, localOperator(), {
        username,
        displayName: `测试${n}`,
        regionCode: opts.regionCode ?? '420000',
        roles: opts.roles,
      }),
    );
    await database.db
      .update(users)
      .set({ passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false })
      .where(eq(users.id, created.user.id));
    return { ...created.user, password: TEST_PASSWORD };
  }

  /** A client logged in as a new user with the given roles (admins get TOTP enrolled). */
  async function clientAs(opts: { roles: Role[]; regionCode?: string }) {
    const user = await makeUser(opts);
    const client = new TestClient(app);
    const res = await client.login(user.username, user.password);
    if (res.body?.state?.mustEnrolTotp) await enrolTotp(client);
    return { client, user };
  }

  return { database, app, keys, makeUser, clientAs, client: () => new TestClient(app), close: () => database.close() };
}

/** Completes TOTP enrolment for a logged-in client and returns the secret. */
export async function enrolTotp(client: TestClient): Promise<string> {
  const { totpCode } = await import('../auth/totp.ts');
  const start = await client.post('/api/auth/totp/enrol');
  const secret = start.body.secret as string;
  await client.post('/api/auth/totp/confirm', { code: totpCode(secret) });
  return secret;
}
