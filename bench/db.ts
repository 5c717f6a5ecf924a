/**
 * The benchmark's own PostgreSQL database: created fresh for a run (`dangjian_bench_<random>`),
 * migrated and loaded with the test provinces, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { permissionsOf, type Role } from '../src/domain/roles.ts';
import { type Actor, localOperator } from '../src/server/actor.ts';
import { auditChainFor, bindAuditChain } from '../src/server/audit/chain.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { prepare } from '../src/server/bootstrap.ts';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { users } from '../src/server/db/schema.ts';
import { inScope } from '../src/server/db/tx.ts';
import { keysFrom } from '../src/server/keys.ts';
import { scopePrefixOf } from '../src/server/regions/scope.ts';
import { TEST_PROVINCES } from '../src/server/testing/template.ts';
import { createUser } from '../src/server/users/service.ts';

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  url: string;
  name: string;
  database: Database;
  /** A plain pg client on the same database, as the owner: the baselines use it. */
  pg: pg.Client;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: SERVER_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createBenchDatabase(label: string): Promise<BenchDatabase> {
  const name = `dangjian_bench_${label}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = databaseUrl(name);
  const database = await openDatabase({ databaseUrl: url });
  await prepare(database, TEST_PROVINCES);
  // The benchmarks' key (the same as in bench/import.ts): their audit rows are keyed like the app's.
  bindAuditChain(database.db, auditChainFor(keysFrom(Buffer.alloc(32, 7)), null));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    name,
    database,
    pg: client,
    async drop() {
      await client.end();
      await database.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export const BENCH_PASSWORD = 'Cedar-River-2048';

/** A committee member of the city, ready to log in with BENCH_PASSWORD, and the actor they act as. */
export async function cityCommittee(database: Database, regionCode: string, username: string) {
  const roles: Role[] = ['committee'];
  const created = await inScope(database.db, localOperator(), (tx) =>
    createUser(tx, localOperator(), { username, displayName: '市委组织部', regionCode, roles }),
  );
  await database.db
    .update(users)
    .set({ passwordHash: await hashPassword(BENCH_PASSWORD), mustChangePassword: false })
    .where(eq(users.id, created.user.id));
  const actor: Actor = {
    actorId: created.user.id,
    username,
    displayName: '市委组织部',
    regionCode,
    scopePrefix: scopePrefixOf(regionCode),
    orgId: null,
    instructorId: null,
    roles,
    permissions: permissionsOf(roles),
    ip: 'bench',
  };
  return { user: created.user, actor };
}

/**
 * Empties the ledger and the import tables, so the next import starts from nothing. TRUNCATE
 * fires no row or statement triggers, so the trigger-kept ledger_counts (which has no foreign
 * key to cascade from) is emptied with it; enterprise_states, coverages and assignments go by cascade.
 */
export async function emptyLedger(client: pg.Client): Promise<void> {
  await client.query(
    'truncate enterprise_history, import_missing, import_issues, import_rows, import_batches, enterprises, ledger_counts restart identity cascade',
  );
}
