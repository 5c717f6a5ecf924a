import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { prepare } from '../bootstrap.ts';
import { type Database, openDatabase } from '../db/client.ts';

/** Provinces loaded into test databases: enough real hierarchy, a fraction of the rows. */
export const TEST_PROVINCES = ['11', '42'];

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL, dropped again on close.
 */
export async function testDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ pgliteDir: null });
    await prepare(database, TEST_PROVINCES);
    return database;
  }
  const name = `dangjian_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  await prepare(database, TEST_PROVINCES);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
