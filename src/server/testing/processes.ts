// `dangjian` as a real child process, for the tests that kill it (SIGKILL) at a chosen moment:
// what it printed so far, waiting for a line, and killing it outright.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { FAULT_PAUSED, type FaultPoint } from '../faultPoint.ts';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/main.ts');

export interface Child {
  process: ChildProcess;
  /** stdout and stderr as printed so far. */
  output: () => string;
}

const running = new Set<ChildProcess>();

/** Starts `dangjian args…`; with `pause`, it stops at that fault point (faultPoint.ts). */
export function startDangjian(args: string[], env: NodeJS.ProcessEnv, pause?: FaultPoint): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...env, DANGJIAN_FAULT_PAUSE: pause ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout?.on('data', (b) => {
    output += b;
  });
  child.stderr?.on('data', (b) => {
    output += b;
  });
  return { process: child, output: () => output };
}

/** Resolves once the child has printed something matching `pattern`; rejects if it ends first. */
export function printed(child: Child, pattern: RegExp, timeoutMs = 240_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!pattern.test(child.output())) return false;
      done();
      resolve();
      return true;
    };
    const ended = () => {
      if (check()) return;
      done();
      reject(new Error(`dangjian ended before printing ${pattern}:\n${child.output()}`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`dangjian did not print ${pattern}:\n${child.output()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.process.stdout?.off('data', check);
      child.process.stderr?.off('data', check);
      child.process.off('exit', ended);
    };
    child.process.stdout?.on('data', check);
    child.process.stderr?.on('data', check);
    child.process.on('exit', ended);
    if (child.process.exitCode !== null) ended();
    else check();
  });
}

/** Waits until the child is paused at `point`. */
export const pausedAt = (child: Child, point: FaultPoint) =>
  printed(child, new RegExp(`${FAULT_PAUSED.replace(/[[\]]/g, '\\$&')}${point}`));

/** SIGKILL, and waits for the process to be gone. */
export async function killHard(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const gone = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGKILL');
  await gone;
}

/** Kills whatever a test left running (a failed test's child). */
export function killAll() {
  for (const child of running) child.kill('SIGKILL');
}

/** A port free on loopback now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** What TestClient talks to, for a server in another process: its requests go over HTTP. */
export function remoteApp(base: string): Hono {
  return { request: (p: string, init?: RequestInit) => fetch(new URL(p, base), init) } as unknown as Hono;
}
