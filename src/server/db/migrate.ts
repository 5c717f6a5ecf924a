import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';
import { queryRows } from './rows.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export async function migrate(database: Database): Promise<void> {
  // Both migrators read the same committed SQL files; only the driver differs.
  if (database.kind === 'postgresql') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

interface JournalEntry {
  tag: string;
  when: number;
}

/** The tag of the newest migration applied to this database (e.g. `0001_security`), or null. */
export async function currentMigration(database: Database): Promise<string | null> {
  const [row] = await queryRows<{ latest: string | null }>(
    database.db,
    sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`,
  );
  if (!row?.latest) return null;
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries.find((e) => String(e.when) === row.latest)?.tag ?? null;
}
