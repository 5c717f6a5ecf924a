#!/usr/bin/env node
// Start-up benchmark (issue #14 item 11): how long until the server answers /api/health, and
// how much memory the idle server holds, for `npm start` and `dangjian serve`, each against a
// bare `node -e` started in the same run (the figures depend on the machine and its load, so
// only the ratios travel). Needs a built tree (`npm run build`).
//
//   node bench/startup.mjs            (BENCH_STARTUP_RUNS=5 for more runs; medians are printed)
//   BENCH_STARTUP_BEFORE=7a0b37e node bench/startup.mjs
//     also times that commit's bin/dangjian.mjs (the sources through tsx) with PGlite's
//     shared_buffers at PostgreSQL's default 128 MB, as the server started before this change
//
// Every way starts on a data directory prepared once by a first start (migrations and the
// regions loaded), as a restart does; the first start itself is timed separately ("fresh").
// RSS is the sum over the process and its children (the wrapper, if any), read from /proc
// after the server has answered and then stood idle for IDLE_MS.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const IDLE_MS = 5_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resident memory of `pid` and every process below it, in MB. */
function treeRssMb(pid) {
  const parents = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {}
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, pp] of parents) {
      if (!tree.has(p) && tree.has(pp)) {
        tree.add(p);
        grew = true;
      }
    }
  }
  let kb = 0;
  for (const p of tree) {
    try {
      const m = fs.readFileSync(`/proc/${p}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m);
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb / 1024;
}

async function healthy(url) {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Starts `args`, waits until it serves; returns milliseconds to serve and the idle RSS. */
async function timeServer(args, dataDir, extraEnv = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _unused, ...env } = process.env;
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, ...extraEnv, DANGJIAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => {
    output += d;
  });
  child.stderr.on('data', (d) => {
    output += d;
  });
  try {
    while (!(await healthy(url))) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > 300_000) throw new Error(`did not serve in 300 s:\n${output}`);
      await sleep(20);
    }
    const ms = performance.now() - started;
    await sleep(IDLE_MS);
    return { ms, rssMb: treeRssMb(child.pid) };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  }
}

function timeNode() {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
  console.error('startup bench: build the web app first (npm run build)');
  process.exit(1);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-startup-'));
const dataDir = path.join(work, 'data');
const ways = {
  'npm start': { args: [path.join(root, 'scripts/start.mjs')] },
  'dangjian serve': { args: [path.join(root, 'bin/dangjian.mjs'), 'serve'] },
};
const before = process.env.BENCH_STARTUP_BEFORE;
if (before) {
  // Beside bin/ so that its `../src/cli/main.ts` is these sources; removed at the end.
  const oldBin = path.join(root, 'bench/.startup-before.mjs');
  fs.writeFileSync(oldBin, spawnSync('git', ['show', `${before}:bin/dangjian.mjs`], { cwd: root }).stdout);
  process.on('exit', () => fs.rmSync(oldBin, { force: true }));
  ways[`before (${before})`] = { args: [oldBin, 'serve'], env: { DANGJIAN_PGLITE_BUFFERS_MB: '128' } };
}
try {
  const fresh = await timeServer(ways['dangjian serve'].args, dataDir);
  const node = [];
  const samples = Object.fromEntries(Object.keys(ways).map((w) => [w, []]));
  for (let run = 0; run < RUNS; run++) {
    node.push(timeNode());
    for (const [way, { args, env }] of Object.entries(ways)) samples[way].push(await timeServer(args, dataDir, env));
  }
  const nodeMs = median(node);
  console.log(`node -e '' (baseline): ${nodeMs.toFixed(0)} ms; node's own RSS ≈ 40 MB`);
  console.log(`first start on an empty data directory (dangjian serve): ${(fresh.ms / 1000).toFixed(2)} s`);
  for (const [way, xs] of Object.entries(samples)) {
    const ms = median(xs.map((x) => x.ms));
    const rss = median(xs.map((x) => x.rssMb));
    console.log(
      `${way.padEnd(18)} serves in ${(ms / 1000).toFixed(2)} s (${(ms / nodeMs).toFixed(1)}× node -e), idle RSS ${rss.toFixed(0)} MB`,
    );
  }
  const serveMs = median(samples['dangjian serve'].map((x) => x.ms));
  const startMs = median(samples['npm start'].map((x) => x.ms));
  console.log(`npm start / dangjian serve: ${(startMs / serveMs).toFixed(2)}×`);
  if (before) {
    const oldMs = median(samples[`before (${before})`].map((x) => x.ms));
    console.log(`dangjian serve now / before: ${(serveMs / oldMs).toFixed(2)}×`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
