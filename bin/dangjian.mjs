#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx dangjian …` needs no build step.
//
// The server and the CLI run with V8's old generation capped (DANGJIAN_HEAP_MB, default 256;
// 0 leaves Node's default). With the default, V8 grows the old generation with the allocation
// rate before it collects, so a large import's peak memory grows with the file although what
// it keeps alive does not (bench/README.md, Memory). The flag only takes effect at start, so
// this process starts the real one with it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

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
} else {
  register();
  await import('../src/cli/main.ts');
}
