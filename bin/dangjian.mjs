#!/usr/bin/env node
// Runs the CLI: the bundle `npm run build` writes (dist/server/main.mjs) while it is newer than
// every source file it was built from, else the TypeScript sources through tsx, so
// `npx dangjian …` needs no build step and an edited source is never shadowed by an old bundle.
// The bundle starts in about a third of the time: tsx compiling some 400 files and Node
// resolving the packages' thousands of files were most of a start (bench/README.md, Start-up).
//
// The server and the CLI run with V8's old generation capped (DANGJIAN_HEAP_MB, default 256;
// 0 leaves Node's default). With the default, V8 grows the old generation with the allocation
// rate before it collects, so a large import's peak memory grows with the file although what
// it keeps alive does not (bench/README.md, Memory). The flag only takes effect at start, so
// this process starts the real one with it, and loads nothing else before it does.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUNDLE, bundleIsFresh } from '../scripts/bundle.mjs';

const heapMb = process.env.DANGJIAN_HEAP_MB ?? '256';
const capped = process.execArgv.some((a) => a.startsWith('--max-old-space-size'));

if (heapMb !== '0' && !capped) {
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${heapMb}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  // Ctrl-C reaches both through the terminal; a signal sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
} else if (process.env.DANGJIAN_FROM_SOURCE !== '1' && bundleIsFresh()) {
  await import(BUNDLE);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
