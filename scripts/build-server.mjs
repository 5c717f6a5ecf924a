// Bundles the CLI and server (src/cli/main.ts and everything it imports from src/) into one
// plain ES module, dist/server/main.mjs, so `dangjian serve` (and `npm start`) need not load
// tsx and transpile some 400 files at every start (bench/startup.mjs: most of the start-up
// time, with Node resolving the packages' files one by one). The packages go into the bundle too,
// but for those that find files beside their code (EXTERNAL). bin/dangjian.mjs runs the bundle
// while it is newer than every source file (scripts/bundle.mjs), else the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import esbuild from 'esbuild';
import { BUNDLE } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Packages that find files of their own beside their code (wasm, native binaries, the esbuild binary). */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  '@node-rs/argon2',
  'esbuild',
  'tsx',
  'tsx/*',
  'pg-native',
];

/**
 * A file that finds its neighbours through `import.meta.url` (migrations, the reference data,
 * the web build, the import reader's source) keeps finding them from inside the bundle: its
 * `import.meta.url` becomes its own source file's URL, relative to the bundle.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await fs.promises.readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const relative = path.relative(path.dirname(BUNDLE), args.path).split(path.sep).join('/');
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`),
        loader: 'ts',
      };
    });
  },
};

export async function buildServer() {
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli/main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    plugins: [ownUrl],
    logLevel: 'warning',
    legalComments: 'none',
    // The CommonJS packages inside the bundle require Node's own modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer();
