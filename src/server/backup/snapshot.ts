/** What a backup records of its snapshot, read in the same transaction as the dump, to compare after a restore. */
import fs from 'node:fs';
import path from 'node:path';
import { migrationsFolder } from '../db/migrate.ts';

/** The one call both drivers share: pg's Client and PGlite both answer `query(text)` with `{ rows }`. */
export interface Queryable {
  query<T>(text: string): Promise<{ rows: T[] }>;
}

export async function tableCounts(q: Queryable): Promise<Record<string, number>> {
  const { rows } = await q.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const [{ n }] = (await q.query<{ n: number }>(`select count(*)::int as n from "${name}"`)).rows;
    counts[name] = n;
  }
  return counts;
}

export async function auditHead(q: Queryable): Promise<{ seq: number; hash: string } | null> {
  const { rows } = await q.query<{ seq: string; hash: string }>(
    'select seq::text as seq, hash from audit_log order by seq desc limit 1',
  );
  return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : null;
}

export async function migrationLevel(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ latest: string | null }>(
    'select max(created_at)::text as latest from drizzle.__drizzle_migrations',
  );
  return Number(rows[0]?.latest ?? 0);
}

/** The newest migration this code knows. */
export function knownMigrationLevel(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}
