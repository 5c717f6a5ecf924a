// The choice of test files for `npm run test:pg` (scripts/backend-tests.ts): every file that
// can meet PostgreSQL is in it, whether through the app fixture, the test database helper or
// the template directly; files that never open a database are not run a second time. (This
// file names no marker itself, or the rule would choose it.)
import { describe, expect, it } from 'vitest';
import { backendTestFiles } from '../../scripts/backend-tests.ts';

describe('test files run again on PostgreSQL', () => {
  const chosen = backendTestFiles();

  it('include those using the app fixture, the test database, the PostgreSQL template or the server address', () => {
    expect(chosen).toEqual(
      expect.arrayContaining([
        'src/server/auth/csrf.test.ts', // through the app fixture
        'src/server/backup/backup.test.ts', // the PostgreSQL template
        'src/server/app.test.ts', // the server address variable
        'test/hostile/statementTimeout.test.ts',
      ]),
    );
  });

  it('leave out the domain rules, the web, the file parsers and the CLI on its embedded data directory', () => {
    for (const file of [
      'src/domain/mask.test.ts',
      'src/web/api/schema.test.ts',
      'src/server/files/zip.test.ts',
      'src/cli/cli.test.ts',
      'test/ci/backendTests.test.ts',
    ]) {
      expect(chosen).not.toContain(file);
    }
  });
});
