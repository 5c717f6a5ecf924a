// What the fault tests check after a process was killed and the next one started: nothing of
// the killed work applied, nothing of it left behind, the audit chain whole.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expect } from 'vitest';
import { queryRows } from '../db/rows.ts';
import { ABANDONED } from '../imports/ownership.ts';
import { runCli } from './cli.ts';
import { HEADER, row, uscc, writeCsv } from './enterpriseFiles.ts';
import { type Place, withPlace } from './places.ts';

export interface Aftermath {
  batches: { id: number; status: string; failure: string | null }[];
  /** Staged rows of batches that are not staged: rows nothing will ever confirm. */
  orphanRows: number;
  /** Of `codes`, those in the ledger. */
  applied: number;
  /** What is in the data directory's imports/ (kept files, plaintext copies). */
  importFiles: string[];
}

export async function aftermath(at: Place, codes: string[]): Promise<Aftermath> {
  return withPlace(at, async (db) => ({
    batches: await queryRows(db, sql`select id, status, failure from import_batches order by id`),
    orphanRows: (
      await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from import_rows r join import_batches b on b.id = r.batch_id
            where b.status <> 'staged'`,
      )
    )[0].n,
    applied: (
      await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from enterprises where uscc = any(${`{${codes}}`}::text[])`,
      )
    )[0].n,
    importFiles: fs.existsSync(path.join(at.dir, 'imports')) ? fs.readdirSync(path.join(at.dir, 'imports')) : [],
  }));
}

/** A valid file of `n` new enterprises, removed by `cleanups`; a pause needs few, a kill on a progress line more than one chunk. */
export function enterpriseFile(cleanups: (() => unknown)[], n = 1000) {
  const codes = Array.from({ length: n }, () => uscc());
  const file = writeCsv([HEADER, ...codes.map((c, i) => row(c, `故障测试${c.slice(-6)}${i}有限公司`))]);
  cleanups.push(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }));
  return { codes, file };
}

/** The last batch was failed as abandoned by the next start, and nothing of it is applied or left. */
export function expectAbandoned(after: Aftermath) {
  expect(after.batches.at(-1)).toMatchObject({ status: 'failed', failure: ABANDONED });
  expect(after.applied).toBe(0);
  expect(after.orphanRows).toBe(0);
  expect(after.importFiles).toEqual([]);
}

/** `dangjian audit verify` passes. */
export async function expectAuditVerified(at: Place) {
  const verify = await runCli(['audit', 'verify'], at.dir, { env: at.env });
  expect(verify.code, verify.stdout + verify.stderr).toBe(0);
}

/**
 * On PostgreSQL a killed process's sessions end when the server notices the connection gone,
 * a moment after the kill; until then its batch locks still look held, and a clean-up rightly
 * leaves its batch alone. Waits for that moment (PGlite has nothing to wait for).
 */
export async function sessionsOfTheDeadGone(at: Place) {
  if (!at.env.DATABASE_URL) return;
  const client = new pg.Client({ connectionString: at.env.DATABASE_URL });
  await client.connect();
  try {
    for (let i = 0; i < 600; i++) {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_locks l join pg_database d on d.oid = l.database
         where l.locktype = 'advisory' and d.datname = current_database()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the killed process still holds its locks after 30 s');
  } finally {
    await client.end();
  }
}
