// `npm run test:pg` (scripts/test-pg.mjs): the suite's settings, on the test files whose
// behaviour depends on the database backend only (the rule: scripts/backend-tests.ts). The
// others ran in `npm test` already and would run the same code again here.
import { defineConfig } from 'vitest/config';
import { backendTestFiles } from './scripts/backend-tests.ts';
import base from './vitest.config.ts';

export default defineConfig({ ...base, test: { ...base.test, include: backendTestFiles() } });
