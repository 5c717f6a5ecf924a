/**
 * The embedded database: PGlite's own dump of its data directory, by the process that holds the
 * directory (a command, or the running server for `dangjian backup` beside it: online.ts).
 */
import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from '../db/client.ts';
import { auditHead, migrationLevel, type Queryable, tableCounts } from './snapshot.ts';

const clientOf = (database: Database) => (database.db as unknown as { $client: PGlite }).$client;

/**
 * Counts, audit head and dump inside one transaction of PGlite's: it holds PGlite's transaction
 * lock, so no other transaction — every request and every write of the app runs in one — can
 * commit between the counts and the copy of the files. A checkpoint first, so the tarball holds
 * the data files themselves and not only the WAL.
 */
export async function dumpPglite(database: Database, payloadFile: string) {
  const client = clientOf(database);
  const { snapshot, dump } = await client.transaction(async (tx) => {
    const q = tx as unknown as Queryable;
    const snapshot = { tables: await tableCounts(q), audit: await auditHead(q), migration: await migrationLevel(q) };
    await tx.exec('checkpoint');
    return { snapshot, dump: await client.dumpDataDir('gzip') };
  });
  fs.writeFileSync(payloadFile, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  return snapshot;
}

/** A data directory nothing has been written to yet: a restore never overwrites a database. */
export function pgliteDirEmpty(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

export async function loadPglite(dir: string, payloadFile: string): Promise<Database> {
  const blob = new Blob([fs.readFileSync(payloadFile)]);
  return openDatabase({ pgliteDir: dir, pgliteTemplate: blob });
}

export function countsOf(database: Database) {
  return tableCounts(clientOf(database) as unknown as Queryable);
}
