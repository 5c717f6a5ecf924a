import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir, restrict, secureDataDir } from './dataDir.ts';
import * as schema from './schema.ts';
import { takeTurns } from './turns.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgresql';
  close(): Promise<void>;
  /**
   * Takes the lock (key, id) for this process until the returned release is called, or returns
   * null while another holds it. On PostgreSQL it is a session advisory lock on a connection of
   * its own, so it goes the moment the holding process dies; PGlite is one process's (its
   * directory is locked), so the process keeps the set itself.
   */
  tryLock(key: number, id: number): Promise<(() => Promise<void>) | null>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; `null` keeps the database in memory (tests). */
  pgliteDir?: string | null;
  /** PGlite: start from this data-directory tarball (`dumpDataDir()`) instead of an empty cluster. */
  pgliteTemplate?: Blob;
  /**
   * PGlite's shared_buffers, in MB (PostgreSQL's default is 128). PGlite allocates them inside
   * its WebAssembly memory, which never shrinks, so they are resident for the life of the
   * process; the data directory's files stay in the operating system's page cache beside them.
   * 32 MB took the idle server from about 450 to about 330 MB (bench/README.md, Start-up).
   */
  pgliteSharedBuffersMb?: number;
}

export const DEFAULT_PGLITE_SHARED_BUFFERS_MB = 32;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server closes (a restart, an administrator) must not take the
    // process down: the pool drops it and opens a new one for the next query.
    pool.on('error', (err) => console.error(`PostgreSQL 连接已断开：${err.message}`));
    // Fail now with the server's own message rather than at the first request.
    const client = await pool.connect();
    client.release();
    return {
      db: drizzlePg(pool, { schema }) as unknown as Db,
      kind: 'postgresql',
      close: () => pool.end(),
      tryLock: (key, id) => advisoryLock(pool, key, id),
    };
  }
  let dir: string | undefined;
  let unlock = () => {};
  if (options.pgliteDir) {
    dir = options.pgliteDir;
    secureDataDir(path.dirname(dir));
    unlock = lockDataDir(dir);
  }
  try {
    // PGlite ships contrib extensions separately; pg_trgm serves partial Chinese name search.
    const client = await PGlite.create(dir, {
      extensions: { pg_trgm },
      loadDataDir: options.pgliteTemplate,
      postgresqlconf: `shared_buffers = ${options.pgliteSharedBuffersMb ?? DEFAULT_PGLITE_SHARED_BUFFERS_MB}MB`,
    });
    takeTurns(client);
    const tighten = () => {
      if (dir) restrict(dir);
    };
    tighten();
    const locks = new Set<string>();
    return {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      close: () => client.close().then(tighten).finally(unlock),
      tryLock: async (key, id) => {
        const name = `${key}:${id}`;
        if (locks.has(name)) return null;
        locks.add(name);
        return async () => {
          locks.delete(name);
        };
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

async function advisoryLock(pool: pg.Pool, key: number, id: number) {
  const client = await pool.connect();
  // A lock connection the server drops must not take the process down; the lock is gone with
  // it, and the holder's checks before writing (status, staged count) refuse what follows.
  const ignore = () => {};
  client.on('error', ignore);
  try {
    const { rows } = await client.query('select pg_try_advisory_lock($1, $2) as ok', [key, id]);
    if (!rows[0].ok) {
      client.off('error', ignore);
      client.release();
      return null;
    }
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    try {
      await client.query('select pg_advisory_unlock($1, $2)', [key, id]);
      client.release();
    } catch (err) {
      client.release(err as Error);
    }
  };
}
