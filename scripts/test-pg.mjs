// `npm run test:pg`: the suite again on a PostgreSQL server, for the test files that open a
// database (vitest.pg.config.ts says which). Each test file creates its own database there
// and drops it afterwards; TEST_DATABASE_URL names the server.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
const config = new URL('../vitest.pg.config.ts', import.meta.url).pathname;
const result = spawnSync(process.execPath, [vitest, 'run', '--config', config, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
