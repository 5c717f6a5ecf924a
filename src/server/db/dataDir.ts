// The data directory holds the embedded database, the master key and the uploaded files: it is
// its owner's alone (0700, files 0600, whatever the umask), and the embedded database in it is
// one process's at a time — two processes writing one PGlite directory corrupt it.
import fs from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** Another live process has the embedded database open. */
export class DataDirBusy extends Error {}

/**
 * Makes the data directory its owner's only: new files from now on (umask 077), and what is
 * already there (a directory created by an older version or copied in with a permissive umask).
 */
export function secureDataDir(dataDir: string) {
  // A worker thread cannot change the umask; the main thread of the same process already did.
  if (isMainThread) process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrict(dataDir);
}

/**
 * PGlite's file system sets its files' modes itself (0666 and 0644, past the umask): its
 * directory is tightened again once it is open and when it closes. Between the two, a file it
 * creates sits inside directories of mode 0700, which no one else can enter.
 */
export function restrict(dir: string) {
  fs.chmodSync(dir, 0o700);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    // A symbolic link's target is not ours to change (and chmod would follow it).
    if (entry.isDirectory()) restrict(p);
    else if (entry.isFile()) fs.chmodSync(p, 0o600);
  }
}

/** Lock files this process holds, with how many opens share each (tests open one directory in turn). */
const held = new Map<string, number>();
let exitHook = false;

function holderOf(file: string): number | null {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim()) || 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function alive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists under another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function busy(pgliteDir: string, pid: number) {
  return new DataDirBusy(
    `嵌入式数据库 ${pgliteDir} 正由另一进程（${pid}）使用，同一数据目录同时只能由一个进程打开：` +
      '请等它结束（或先停止服务），或设置 DATABASE_URL 使用 PostgreSQL',
  );
}

/**
 * Takes the embedded database's exclusive lock (`<dir>.lock`, holding the owner's pid) for this
 * process, or throws DataDirBusy while another live process holds it. The file appears with its
 * content in one step (a hard link of a file already written), so a rival never reads it empty;
 * a lock left by a dead process is moved aside and dropped, and put back if a rival took it over
 * in between. Returns the release; the lock also goes when the process exits.
 */
export function lockDataDir(pgliteDir: string): () => void {
  const file = `${pgliteDir}.lock`;
  const count = held.get(file);
  if (count) {
    held.set(file, count + 1);
    return releaser(file);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 10; attempt++) {
    const mine = `${file}.${process.pid}`;
    fs.writeFileSync(mine, `${process.pid}\n`, { mode: 0o600 });
    try {
      fs.linkSync(mine, file);
      held.set(file, 1);
      hookExit();
      return releaser(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(mine, { force: true });
    }
    const holder = holderOf(file);
    if (holder === null) continue;
    // Our own pid in a lock we do not hold is a dead process's that had the same pid (a container's pid 1).
    if (holder !== process.pid && alive(holder)) throw busy(pgliteDir, holder);
    const aside = `${file}.${process.pid}.stale`;
    try {
      fs.renameSync(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    if (holderOf(aside) !== holder) {
      try {
        fs.linkSync(aside, file);
      } catch {}
    }
    fs.rmSync(aside, { force: true });
  }
  throw busy(pgliteDir, holderOf(file) ?? 0);
}

function releaser(file: string) {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const count = held.get(file) ?? 0;
    if (count > 1) held.set(file, count - 1);
    else drop(file);
  };
}

function drop(file: string) {
  held.delete(file);
  try {
    if (holderOf(file) === process.pid) fs.unlinkSync(file);
  } catch {}
}

function hookExit() {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const file of [...held.keys()]) drop(file);
  });
}
