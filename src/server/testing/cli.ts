import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, openDatabase } from '../db/client.ts';
import { TEST_PROVINCES } from './db.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/dangjian.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `dangjian …` as a child process on the PGlite database in `dataDir`. The heap cap the
 * bin would restart itself with is given at once, so each command is one process, not two
 * (`viaWrapper` goes through that restart instead).
 */
export function runCli(args: string[], dataDir: string, opts: { viaWrapper?: boolean } = {}): Promise<CliResult> {
  // Two provinces, as in the in-process tests: the whole country would add seconds to every first command.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DANGJIAN_DATA_DIR: dataDir,
    DANGJIAN_PROVINCES: TEST_PROVINCES.join(','),
  };
  // The CLI must use the embedded database of dataDir, whatever the test run is pointed at.
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const node = opts.viaWrapper ? [BIN] : ['--max-old-space-size=256', BIN];
    execFile(process.execPath, [...node, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempDir(prefix = 'dangjian-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A data directory with the database migrated and the reference data loaded (slow: do it once per file). */
export async function migratedDataDir(): Promise<string> {
  const dir = tempDir();
  const res = await runCli(['migrate'], dir);
  if (res.code !== 0) throw new Error(`dangjian migrate failed: ${res.stderr}`);
  return dir;
}

/** A copy of a closed data directory, to start another scenario from the same state. */
export function copyDataDir(dir: string): string {
  const copy = tempDir();
  fs.cpSync(dir, copy, { recursive: true });
  return copy;
}

export function removeDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Opens a data directory's PGlite database for `fn`, and closes it before any CLI runs again. */
export async function withDataDir<T>(dir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
