// Which test files can behave differently on PostgreSQL than on PGlite, for `npm run test:pg`
// (vitest.pg.config.ts): running the rest a second time would test nothing new.
//
// The rule, read from the code so that it stays true as files are added: a test file depends
// on the backend when it, or any of our modules it imports (directly or through others),
// opens the test database — calls `testDatabase()` (src/server/testing/db.ts, which the app
// fixture uses), reads `databaseTemplates().postgresql` or reads TEST_DATABASE_URL. Files that
// never reach one of these (the domain rules, the web, the file parsers, CLI tests on their
// own embedded data directory) run only in `npm test`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the backend is chosen, and this file, which looks for it: every other file that names
 * these uses it.
 */
const CHOOSERS = new Set(['src/server/testing/db.ts', 'src/server/testing/template.ts', 'scripts/backend-tests.ts']);
const USES_BACKEND = /\btestDatabase\(|databaseTemplates\(\)\.postgresql|TEST_DATABASE_URL/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const SOURCE = ['', '.ts', '.tsx', '.mjs', '.js', '/index.ts', '/index.tsx'];

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const suffix of SOURCE) {
    const file = base + suffix;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

/** Test files under `dirs` (relative to the repository) whose import graph reaches the database. */
export function backendTestFiles(dirs = ['src', 'reference', 'test']): string[] {
  const tests = dirs.flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => path.join(ROOT, dir, f)),
  );
  // Every module the tests reach, who imports it, and which ones use the backend themselves.
  const importers = new Map<string, string[]>();
  const uses: string[] = [];
  const seen = new Set(tests);
  const queue = [...tests];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    const text = fs.readFileSync(file, 'utf8');
    if (!CHOOSERS.has(path.relative(ROOT, file)) && USES_BACKEND.test(text)) uses.push(file);
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveImport(file, m[1]);
      if (!target) continue;
      if (!importers.has(target)) importers.set(target, []);
      importers.get(target)?.push(file);
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  // Back from the users of the backend to every file that imports them.
  const reaching = new Set(uses);
  const back = [...uses];
  while (back.length > 0) {
    for (const importer of importers.get(back.pop() as string) ?? []) {
      if (!reaching.has(importer)) {
        reaching.add(importer);
        back.push(importer);
      }
    }
  }
  return tests
    .filter((file) => reaching.has(file))
    .map((file) => path.relative(ROOT, file))
    .sort();
}
