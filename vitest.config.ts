import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // test/hostile: the attacker's requests and files of issue #12, kept so they stay harmless.
    include: ['src/**/*.test.ts', 'reference/**/*.test.ts', 'test/**/*.test.ts'],
    // Migrates once per run; each test file copies the result (src/server/testing/template.ts).
    globalSetup: ['src/server/testing/globalSetup.ts'],
    // Each test file opens its own PGlite or PostgreSQL database; argon2 hashing is CPU-bound.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Each worker loads the app's modules once and runs file after file on them, instead of
    // loading them again for every file: that loading was half of the suite's wall time (npm
    // test 667 s → about 340 s here). Files share no state through those modules: each opens
    // its own database and data directory, and a file that fakes the clock or spies on the
    // console puts them back when it ends.
    isolate: false,
    // Vitest runs cores − 1 files at a time: one on the two-core CI, leaving a core idle while
    // the suite's work (PGlite, argon2, parsing the files) is CPU in the test file's process.
    // Two at a time use both; each file has its own database and data directories, so files
    // running side by side do not meet.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
