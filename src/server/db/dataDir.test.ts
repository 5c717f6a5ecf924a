import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migratedDataDir, removeDir, runCli, tempDir } from '../testing/cli.ts';

const HOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../testing/holdDataDir.ts');

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) removeDir(d);
});

/** Runs the holder in a child process (through a shell that set `umask`), resolving with its first line of output. */
function holder(mode: 'hold' | 'once', dataDir: string, umask = '077') {
  const child = spawn(
    'sh',
    [
      '-c',
      `umask ${umask}; exec "$0" --import tsx "$1" "$2" "$3"`,
      process.execPath,
      HOLDER,
      mode,
      path.join(dataDir, 'pglite'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const first = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (b) => {
      out += b;
      if (out.includes('\n')) resolve(out.trim().split('\n')[0]);
    });
    child.on('exit', (code) => (out.includes('\n') ? undefined : reject(new Error(`holder exited ${code}: ${out}`))));
  });
  return { child, first };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve()),
  );

describe('the embedded database is one process’s at a time', () => {
  it('of two processes opening one directory at once, one opens it and the other refuses; a killed holder’s lock is taken over', async () => {
    const dir = await migratedDataDir();
    dirs.push(dir);
    const a = holder('hold', dir);
    const b = holder('hold', dir);
    const answers = await Promise.all([a.first, b.first]);
    expect([...answers].sort()).toEqual(['busy', 'held']);
    const live = answers[0] === 'held' ? a.child : b.child;
    // Any command, not only `serve`, is refused while another process has the directory.
    const refused = await runCli(['audit', 'verify'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^错误：嵌入式数据库 .* 正由另一进程（\d+）使用/);
    // A holder killed outright leaves its lock file behind: the next process sees it is dead and proceeds.
    live.kill('SIGKILL');
    await exited(live);
    expect(fs.existsSync(path.join(dir, 'pglite.lock'))).toBe(true);
    const after = await runCli(['audit', 'verify'], dir);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'pglite.lock'))).toBe(false);
  });
});

describe('the data directory is its owner’s alone', () => {
  it('a process started with umask 000 leaves directories 0700 and files 0600, and tightens what was there', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // What an older version or a copy with a permissive umask left behind.
    fs.chmodSync(dir, 0o777);
    fs.mkdirSync(path.join(dir, 'imports'));
    fs.chmodSync(path.join(dir, 'imports'), 0o777);
    fs.writeFileSync(path.join(dir, 'imports', '1.csv'), 'x');
    fs.chmodSync(path.join(dir, 'imports', '1.csv'), 0o666);

    const { first } = holder('once', dir, '000');
    expect(await first).toBe('done');

    const modes: string[] = [];
    const walk = (p: string) => {
      const st = fs.statSync(p);
      modes.push(`${st.isDirectory() ? 'd' : 'f'}${(st.mode & 0o777).toString(8)}`);
      if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    };
    walk(dir);
    // The new PGlite cluster is hundreds of files, all created under the holder's umask 000.
    expect(modes.length).toBeGreaterThan(100);
    expect(new Set(modes)).toEqual(new Set(['d700', 'f600']));
  });
});
