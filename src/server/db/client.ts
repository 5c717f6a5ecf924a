import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgresql';
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; `null` keeps the database in memory (tests). */
  pgliteDir?: string | null;
  /** PGlite: start from this data-directory tarball (`dumpDataDir()`) instead of an empty cluster. */
  pgliteTemplate?: Blob;
}

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
    };
  }
  let dir: string | undefined;
  if (options.pgliteDir) {
    dir = options.pgliteDir;
    fs.mkdirSync(path.dirname(dir), { recursive: true });
  }
  // PGlite ships contrib extensions separately; pg_trgm serves partial Chinese name search.
  const client = await PGlite.create(dir, { extensions: { pg_trgm }, loadDataDir: options.pgliteTemplate });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    close: () => client.close(),
  };
}
