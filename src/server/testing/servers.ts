// `dangjian serve` as a real child process on a place, for the tests that kill the server
// (SIGKILL) at a fault point: started on a port of its own, talked to over HTTP as the web app
// does (TestClient), and stopped. The port stays the same across restarts, so a client's
// session cookie goes on working with the next start.
import { eq } from 'drizzle-orm';
import { localOperator } from '../actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { users } from '../db/schema.ts';
import { inScope } from '../db/tx.ts';
import type { FaultPoint } from '../faultPoint.ts';
import { createUser } from '../users/service.ts';
import { TestClient } from './client.ts';
import { signIn, TEST_PASSWORD } from './fixture.ts';
import { type Place, processEnv, withPlace } from './places.ts';
import { type Child, freePort, killHard, printed, remoteApp, startDangjian } from './processes.ts';

export interface Served {
  child: Child;
  base: string;
}

/** Starts `dangjian serve` on the place (with `pause`, it stops at that fault point) and waits until it listens. */
export async function serve(at: Place, port: number, pause?: FaultPoint): Promise<Served> {
  const env = processEnv(at, { PORT: String(port), HOST: '127.0.0.1' });
  const child = startDangjian(['serve'], env, pause);
  await printed(child, /Dangjian 已启动/);
  return { child, base: `http://127.0.0.1:${port}` };
}

/** A port for a place's servers, one after another. */
export const serverPort = freePort;

/** Stops a server as an operator would (SIGTERM): it closes the database and ends. */
export async function stopServer(served: Served): Promise<void> {
  const { process: child } = served.child;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}

/** SIGKILL: the server ends where it is, its work half done. */
export const killServer = (served: Served) => killHard(served.child);

/**
 * A committee user of the city (宜昌市, 420500) made in the place's database, which no server
 * may hold open meanwhile (PGlite), ready to log in with TEST_PASSWORD.
 */
export async function makeCommittee(at: Place, username: string): Promise<void> {
  await withPlace(at, async (db) => {
    const operator = localOperator();
    const { user } = await inScope(db, operator, (tx) =>
      createUser(tx, operator, { username, displayName: '市委组织部', regionCode: '420500', roles: ['committee'] }),
    );
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(TEST_PASSWORD), mustChangePassword: false })
      .where(eq(users.id, user.id));
  });
}

/** Logs in over HTTP, enrolling TOTP on the first login (a committee user may reveal ID numbers). */
export async function loginOver(served: Served, username: string): Promise<TestClient> {
  const client = new TestClient(remoteApp(served.base));
  await signIn(client, username, TEST_PASSWORD);
  return client;
}
