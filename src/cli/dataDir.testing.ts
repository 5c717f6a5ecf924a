// The data directory a CLI test file runs its commands against: migrated, seeded once before
// the file's tests and removed after them, like a real installation the commands open.
import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../server/db/client.ts';
import { migratedDataDir, removeDir, withDataDir } from '../server/testing/cli.ts';

/** Registers the file's setup and teardown; the returned function gives the directory's path. */
export function seededDataDir(seed: (db: Db) => Promise<void>): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await migratedDataDir();
    await withDataDir(dir, seed);
  }, 240_000);
  afterAll(() => removeDir(dir));
  return () => dir;
}
