// Where a test that runs `dangjian` as its own process puts a database: a data directory (the
// master key, the audit anchor, PGlite's files) and, when the run targets PostgreSQL, a database
// of its own copied from the run's template. Used by the backup and the fault tests.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { anchorPath, closeAuditChain } from '../audit/anchor.ts';
import { auditChainFor, bindAuditChain } from '../audit/chain.ts';
import { type Db, openDatabase } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { loadKeys } from '../keys.ts';
import { migratedDataDir, removeDir, tempDir } from './cli.ts';
import { databaseTemplates } from './db.ts';
import { createPostgresDatabase, TEST_PROVINCES } from './template.ts';

export interface Place {
  dir: string;
  /** What a command needs on top of the data directory: DATABASE_URL on PostgreSQL. */
  env: NodeJS.ProcessEnv;
}

export const onPostgres = () => Boolean(databaseTemplates().postgresql);

/** A place, migrated or empty; `keyFrom` copies another place's master key. Removed by `cleanups`. */
export async function place(
  cleanups: (() => unknown)[],
  opts: { migrated: boolean; keyFrom?: string },
): Promise<Place> {
  const pgTemplate = databaseTemplates().postgresql;
  const dir = opts.migrated && !pgTemplate ? await migratedDataDir() : tempDir();
  cleanups.push(() => removeDir(dir));
  if (opts.keyFrom) fs.cpSync(path.join(opts.keyFrom, 'keys'), path.join(dir, 'keys'), { recursive: true });
  if (!pgTemplate) return { dir, env: {} };
  const database = await createPostgresDatabase(pgTemplate, { empty: !opts.migrated });
  cleanups.push(database.drop);
  return { dir, env: { DATABASE_URL: database.url } };
}

/** The whole environment of a `dangjian` child process working on the place. */
export function processEnv(at: Place, more: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DANGJIAN_DATA_DIR: at.dir,
    DANGJIAN_PROVINCES: TEST_PROVINCES.join(','),
    ...at.env,
    ...more,
  };
  if (!at.env.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** Opens a place's database with its audit chain bound, as a command would, for `fn`. */
export async function withPlace<T>(at: Place, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase(
    at.env.DATABASE_URL ? { databaseUrl: at.env.DATABASE_URL } : { pgliteDir: path.join(at.dir, 'pglite') },
  );
  bindAuditChain(database.db, auditChainFor(loadKeys(at.dir), anchorPath(at.dir)));
  try {
    return await fn(database.db);
  } finally {
    await closeAuditChain(database.db);
    await database.close();
  }
}

/** Every table's row count. */
export async function counts(db: Db): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const result: Record<string, number> = {};
  for (const { name } of tables)
    result[name] = (await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from "${name}"`)))[0].n;
  return result;
}
