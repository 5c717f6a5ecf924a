import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The browser tests tell one story: each file starts where the one before it left the
// system (passwords changed, users created), so they run one at a time, in name order.
class ByFileName extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    sequence: { sequencer: ByFileName },
    // Argon2 hashing, first-time region loading and waiting for the next TOTP step take time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // One more try for a step that fails: under CI load a click can land while antd moves a
    // list (CI of 2026-12-07), and every later file builds on the step, so one slip cost 20
    // tests. A step that is really broken fails twice and still fails the run.
    retry: 1,
    // A page's figures settle after its requests answer; on a busy machine that is seconds, not one.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
