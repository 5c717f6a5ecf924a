#!/usr/bin/env node
// Browser tests end to end: build the web app, start `dangjian serve` on a fresh data
// directory and a free port, read the three administrators' one-time passwords from its
// output, run e2e/*.e2e.ts against it in Chromium, then stop it and remove the data.
//
//   node scripts/e2e.mjs            (E2E_SKIP_BUILD=1 reuses dist/web)
//   extra arguments go to vitest, e.g. `node scripts/e2e.mjs --reporter=verbose`
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADMINS = ['admin', 'secadmin', 'auditor'];
const STARTUP_MS = 180_000;

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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function healthy(url) {
  try {
    const res = await fetch(`${url}/api/health`);
    return res.ok;
  } catch {
    return false;
  }
}

function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function main() {
  if (!fs.existsSync(process.env.E2E_CHROMIUM ?? '/usr/bin/chromium')) {
    console.error('e2e: /usr/bin/chromium is missing (apt-get install -y chromium fonts-noto-cjk)');
    return 1;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') {
    console.log('e2e: building the web app …');
    const build = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) return build.status ?? 1;
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-e2e-'));
  const dataDir = path.join(work, 'data');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let server;
  const cleanup = async () => {
    await stop(server);
    fs.rmSync(work, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    void cleanup().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    console.log(`e2e: starting the server on ${baseUrl} with data in ${dataDir}`);
    // DATABASE_URL unset: the embedded PGlite database in the fresh data directory.
    const { DATABASE_URL: _unused, ...inherited } = process.env;
    server = spawn(process.execPath, [path.join(root, 'bin/dangjian.mjs'), 'serve'], {
      cwd: root,
      env: { ...inherited, DANGJIAN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const log = fs.createWriteStream(path.join(work, 'server.log'));
    server.stdout.on('data', (d) => {
      output += d;
      log.write(d);
    });
    server.stderr.on('data', (d) => {
      log.write(d);
      process.stderr.write(d);
    });

    const passwords = {};
    const deadline = Date.now() + STARTUP_MS;
    for (;;) {
      for (const name of ADMINS) {
        const m = output.match(new RegExp(`^\\s*${name}\\s+(\\S+)\\s*$`, 'm'));
        if (m) passwords[name] = m[1];
      }
      if (ADMINS.every((n) => passwords[n]) && (await healthy(baseUrl))) break;
      if (server.exitCode !== null) {
        console.error(`e2e: the server exited with ${server.exitCode}:\n${output}`);
        return 1;
      }
      if (Date.now() > deadline) {
        console.error(
          `e2e: the server did not start within ${STARTUP_MS / 1000} s (or printed no passwords):\n${output}`,
        );
        return 1;
      }
      await sleep(250);
    }
    console.log('e2e: server ready, running the browser tests');

    const tests = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'e2e/vitest.config.ts',
        ...process.argv.slice(2),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: {
          ...process.env,
          E2E_BASE_URL: baseUrl,
          E2E_PASSWORD_ADMIN: passwords.admin,
          E2E_PASSWORD_SECADMIN: passwords.secadmin,
          E2E_PASSWORD_AUDITOR: passwords.auditor,
          E2E_STATE_FILE: path.join(work, 'accounts.json'),
          E2E_SCREENSHOTS: path.join(root, 'test-results/screenshots'),
        },
      },
    );
    const code = await new Promise((resolve) => tests.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    if (code !== 0)
      console.error(`e2e: failed; the server's log was:\n${fs.readFileSync(path.join(work, 'server.log'), 'utf8')}`);
    return code;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
