/**
 * The migrated database every test file starts from, built once per `vitest run` by the
 * global setup (globalSetup.ts) instead of once per file: migrating and loading the
 * reference data cost each of about a hundred files several seconds.
 *
 * - PGlite: the data directory of a prepared in-memory database, dumped to a tarball that each
 *   file loads into its own in-memory PGlite (`openDatabase({ pgliteTemplate })`).
 * - PostgreSQL (TEST_DATABASE_URL): a prepared database that each file copies with
 *   `CREATE DATABASE … TEMPLATE`.
 *
 * Everything `prepare()` makes lives in what is copied: the schema, the reference rows, the
 * sequences, and the roles the migrations create (cluster-wide on PostgreSQL; inside the data
 * directory on PGlite). Each file gets its own copy, so nothing one file writes reaches another.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { prepare } from '../bootstrap.ts';
import { type Database, openDatabase } from '../db/client.ts';

/** Provinces loaded into test databases: enough real hierarchy, a fraction of the rows. */
export const TEST_PROVINCES = ['11', '42'];

export interface PgliteTemplate {
  /** The data directory of a prepared database, as `dumpDataDir()` writes it. */
  tarball: string;
}

export interface PostgresTemplate {
  serverUrl: string;
  name: string;
  /** Names this run's copies, so that teardown can drop any that a crashed file left behind. */
  prefix: string;
}

/**
 * What the global setup hands every test file. The PGlite template is always there: the CLI
 * tests run the command on an embedded data directory even when the suite runs on PostgreSQL.
 */
export interface Templates {
  pglite: PgliteTemplate;
  postgresql?: PostgresTemplate;
}

interface Built<T> {
  template: T;
  remove(): Promise<void>;
}

/** Migrates and loads the databases once, and keeps them where every test file can copy them. */
export async function buildTemplates(
  serverUrl = process.env.TEST_DATABASE_URL,
): Promise<{ templates: Templates; remove(): Promise<void> }> {
  // PGlite's work is this process's CPU, PostgreSQL's the server's: they overlap.
  const [pglite, postgresql] = await Promise.allSettled([
    buildPgliteTemplate(),
    serverUrl ? buildPostgresTemplate(serverUrl) : Promise.resolve(undefined),
  ]);
  const built = [pglite, postgresql].flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
  const remove = async () => {
    for (const b of built) await b.remove();
  };
  if (pglite.status === 'rejected' || postgresql.status === 'rejected') {
    await remove();
    throw pglite.status === 'rejected' ? pglite.reason : (postgresql as PromiseRejectedResult).reason;
  }
  return { templates: { pglite: pglite.value.template, postgresql: postgresql.value?.template }, remove };
}

async function buildPgliteTemplate(): Promise<Built<PgliteTemplate>> {
  const database = await openDatabase({ pgliteDir: null });
  let tarball: Buffer;
  try {
    await prepare(database, TEST_PROVINCES);
    const client = pgliteClient(database);
    // Written out now, so that each copy starts without WAL to replay.
    await client.exec('checkpoint');
    // Uncompressed: loading it is what every file pays, and gunzip costs more than reading.
    tarball = Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer());
  } finally {
    await database.close();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-template-'));
  const file = path.join(dir, 'pgdata.tar');
  fs.writeFileSync(file, tarball);
  return {
    template: { tarball: file },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function buildPostgresTemplate(serverUrl: string): Promise<Built<PostgresTemplate>> {
  const run = randomBytes(4).toString('hex');
  const name = `dangjian_tpl_${run}`;
  const prefix = `dangjian_test_${run}_`;
  await onServer(serverUrl, (admin) => admin.query(`create database ${name}`));
  try {
    const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name) });
    try {
      await prepare(database, TEST_PROVINCES);
    } finally {
      // Every connection closed: a copy cannot start while anyone is connected to its template.
      await database.close();
    }
  } catch (err) {
    await onServer(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    throw err;
  }
  return {
    template: { serverUrl, name, prefix },
    remove: () =>
      onServer(serverUrl, async (admin) => {
        const { rows } = await admin.query<{ datname: string }>(
          'select datname from pg_database where datname = $1 or starts_with(datname, $2)',
          [name, prefix],
        );
        for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      }),
  };
}

/** A fresh in-memory copy of the PGlite template for one test file, discarded on close. */
export async function openPgliteCopy(template: PgliteTemplate): Promise<Database> {
  return openDatabase({ pgliteDir: null, pgliteTemplate: await readTemplate(template) });
}

/** A fresh copy of the PostgreSQL template for one test file, dropped on close. */
export async function openPostgresCopy(template: PostgresTemplate): Promise<Database> {
  const { serverUrl } = template;
  const name = `${template.prefix}${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (admin) => createFromTemplate(admin, name, template.name));
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name) });
  return {
    ...database,
    async close() {
      await database.close();
      await onServer(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/**
 * A database on the test server for a command to open by URL: a copy of the migrated
 * template, or an empty one (what a restore starts from). Dropped by `drop`, or at the end of
 * the run with the template's other copies.
 */
export async function createPostgresDatabase(template: PostgresTemplate, opts: { empty?: boolean } = {}) {
  const { serverUrl } = template;
  const name = `${template.prefix}${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, async (admin) => {
    if (opts.empty) await admin.query(`create database ${name}`);
    else await createFromTemplate(admin, name, template.name);
  });
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => onServer(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`)),
  };
}

/** The PGlite template's tarball, to load into a new in-memory database or a data directory. */
export async function readTemplate(template: PgliteTemplate): Promise<Blob> {
  return new Blob([await fs.promises.readFile(template.tarball)]);
}

/**
 * PostgreSQL refuses to copy a database while another session is connected to it
 * ("source database … is being accessed by other users"). The template's own connections
 * are closed before any copy starts, but a backend can still be exiting when the first
 * files begin, so a refusal is retried a few times before it counts.
 */
async function createFromTemplate(admin: pg.Client, name: string, template: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return;
    } catch (err) {
      const inUse = (err as { code?: string }).code === '55006';
      if (!inUse || attempt === 10) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

async function onServer<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function pgliteClient(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}
