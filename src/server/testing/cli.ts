import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliIo } from '../../cli/io.ts';
import { runProgram } from '../../cli/program.ts';
import { type Db, openDatabase } from '../db/client.ts';
import { loadKeys } from '../keys.ts';
import { databaseTemplates } from './db.ts';
import { readTemplate, TEST_PROVINCES } from './template.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/dangjian.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /**
   * Run the real `bin/dangjian.mjs` in a child process, through its restart with the heap
   * cap, for what only a process shows: the cap and the exit status the shell sees.
   */
  viaWrapper?: boolean;
  /** Added to the environment after the defaults: DATABASE_URL for a command on PostgreSQL, a master key. */
  env?: NodeJS.ProcessEnv;
}

/** The environment `dangjian` gets in a test: the embedded database of `dataDir`, two provinces. */
function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  // Two provinces, as in the in-process tests: the whole country would add seconds to every first command.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DANGJIAN_DATA_DIR: dataDir,
    DANGJIAN_PROVINCES: TEST_PROVINCES.join(','),
  };
  // The CLI must use the embedded database of dataDir, whatever the test run is pointed at.
  delete env.DATABASE_URL;
  return env;
}

/**
 * Runs `dangjian …` on the PGlite database in `dataDir` and returns what it printed and its
 * exit status. The command runs in this process, on its own command tree, with its output
 * captured: a child process per command would load the whole server again each time.
 * `viaWrapper` runs the real bin instead.
 */
export async function runCli(args: string[], dataDir: string, opts: CliOptions = {}): Promise<CliResult> {
  if (opts.viaWrapper) return runBin(args, dataDir);
  let stdout = '';
  let stderr = '';
  const io = cliIo(
    { ...cliEnv(dataDir), ...opts.env },
    (text) => {
      stdout += text;
    },
    (text) => {
      stderr += text;
    },
  );
  const code = await runProgram(args, io);
  return { code, stdout, stderr };
}

/** `node bin/dangjian.mjs …` as a child process, as a shell runs it. */
function runBin(args: string[], dataDir: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: cliEnv(dataDir), timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempDir(prefix = 'dangjian-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A data directory as `dangjian migrate` leaves it: the database migrated with the reference
 * data loaded (copied from the run's template), and the master key.
 */
export async function migratedDataDir(): Promise<string> {
  const dir = tempDir();
  const database = await openDatabase({
    pgliteDir: path.join(dir, 'pglite'),
    pgliteTemplate: await readTemplate(databaseTemplates().pglite),
  });
  await database.close();
  loadKeys(dir, cliEnv(dir));
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
