import { eq, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../domain/roles.ts';
import { localOperator } from '../actor.ts';
import { createApp } from '../app.ts';
import { auditChainFor, bindAuditChain } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import { totpCode } from '../auth/totp.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { users } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import { keysFrom } from '../keys.ts';
import { createUser } from '../users/service.ts';
import { TestClient } from './client.ts';
import { testDatabase } from './db.ts';

export const TEST_PASSWORD = 'Cedar-River-2048';

export type Fixture = Awaited<ReturnType<typeof makeFixture>>;

/** A signed-in user as `clientAs` gives them: the client, the user, any TOTP secret. */
export type Logged = Awaited<ReturnType<Fixture['clientAs']>>;

interface UserOptions {
  roles: Role[];
  regionCode?: string;
  username?: string;
  displayName?: string;
  /** A secretary's own org. */
  orgId?: number;
  /** An instructor account's own instructor record. */
  instructorId?: number;
}

/** One app over one fresh database, with helpers to make users and clients. */
export async function makeFixture(overrides: Partial<Config> = {}) {
  const database: Database = await testDatabase();
  const keys = keysFrom(Buffer.alloc(32, 7));
  // No anchor file: the tests of the anchor bind their own (audit/anchor.test.ts).
  bindAuditChain(database.db, auditChainFor(keys, null));
  // Waits for a turn long enough that a busy machine never turns a test's request away.
  const config = { ...loadConfig({}), dataDir: '/nonexistent', queueWaitMs: 120_000, ...overrides };
  const app = createApp({ database, keys, config });
  let n = 0;
  let clients = 0;

  /** A client with its own peer address (10.0.x.y), so per-address rate limits do not meet across tests. */
  function client() {
    clients++;
    return new TestClient(app, `10.0.${clients >> 8}.${clients & 255}`);
  }

  /** A user who has already changed their first password: ready to log in with TEST_PASSWORD. */
  async function makeUser(opts: UserOptions) {
    n++;
    const username = opts.username ?? `u${n}_${opts.roles.join('_') || 'none'}`.slice(0, 32);
    const created = await inScope(database.db, localOperator(), (tx) =>
      createUser(tx, localOperator(), {
        username,
        displayName: opts.displayName ?? `测试${n}`,
        regionCode: opts.regionCode ?? '420000',
        roles: opts.roles,
      }),
    );
    await database.db
      .update(users)
      .set({
        passwordHash: await hashPassword(TEST_PASSWORD),
        mustChangePassword: false,
        orgId: opts.orgId ?? null,
        instructorId: opts.instructorId ?? null,
      })
      .where(eq(users.id, created.user.id));
    return {
      ...created.user,
      orgId: opts.orgId ?? null,
      instructorId: opts.instructorId ?? null,
      password: TEST_PASSWORD,
    };
  }

  /**
   * A client logged in as a new user with the given roles. Administrators get TOTP
   * enrolled; their secret is returned, and the step they used is aged so that they can
   * log in again at once.
   */
  async function clientAs(opts: UserOptions) {
    const user = await makeUser(opts);
    const c = client();
    const res = await c.login(user.username, user.password);
    if (res.status !== 200) throw new Error(`login of ${user.username} failed: ${JSON.stringify(res.body)}`);
    let totpSecret: string | undefined;
    if (res.body?.state?.mustEnrolTotp) {
      totpSecret = await enrolTotp(c);
      await ageTotp(user.id);
    }
    return { client: c, user, totpSecret };
  }

  /**
   * As if the user's last accepted code were a minute old: the code of this very step and
   * of the one before become usable again (a test may not wait 30 s for the next step).
   */
  async function ageTotp(userId: number) {
    await database.db.execute(sql`update users set totp_last_step = totp_last_step - 2 where id = ${userId}`);
  }

  /** Raw SQL as the owner, behind the app's back. */
  function rows<T = Record<string, unknown>>(query: SQL): Promise<T[]> {
    return queryRows<T>(database.db, query);
  }

  return {
    database,
    app,
    keys,
    config,
    makeUser,
    clientAs,
    ageTotp,
    rows,
    client,
    close: () => database.close(),
  };
}

/**
 * Logs the client in as the web app does; a user who may reveal ID numbers (a committee member)
 * enrols TOTP on the first login, so that is done too.
 */
export async function signIn(client: TestClient, username: string, password: string): Promise<void> {
  const res = await client.login(username, password);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  if (res.body.state?.mustEnrolTotp) await enrolTotp(client);
}

/** Completes TOTP enrolment for a logged-in client and returns the secret. */
export async function enrolTotp(client: TestClient): Promise<string> {
  const start = await client.post('/api/auth/totp/enrol');
  if (start.status !== 200) throw new Error(`TOTP enrolment failed: ${JSON.stringify(start.body)}`);
  const secret = start.body.secret as string;
  const done = await client.post('/api/auth/totp/confirm', { code: totpCode(secret) });
  if (done.status !== 200) throw new Error(`TOTP confirmation failed: ${JSON.stringify(done.body)}`);
  return secret;
}
