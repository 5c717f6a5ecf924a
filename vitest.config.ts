import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'reference/**/*.test.ts'],
    // Migrates once per run; each test file copies the result (src/server/testing/template.ts).
    globalSetup: ['src/server/testing/globalSetup.ts'],
    // Each test file opens its own PGlite or PostgreSQL database; argon2 hashing is CPU-bound.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
