/**
 * `dangjian backup` beside a running server on the embedded database. PGlite is one process's,
 * so the server takes the snapshot itself: it listens on a Unix socket in the data directory,
 * which only the directory's owner can reach (0700) — whoever can, can read the database
 * files anyway — and answers each connection with one line of JSON describing the snapshot
 * (or the error), then the dump. PostgreSQL needs none of this: pg_dump works online.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/client.ts';
import type { Keys } from '../keys.ts';
import { dumpPglite } from './pglite.ts';

export type Snapshot = Awaited<ReturnType<typeof dumpPglite>> & { keyFingerprint: string; bytes: number };

export const backupSocketPath = (dataDir: string) => path.join(dataDir, 'backup.sock');

/** A Unix socket's path is limited to about 107 bytes; a data directory deeper than that has no door. */
const MAX_SOCKET_PATH = 100;

/** Opens the door; `close` shuts it. Null when the path is too long for a socket (logged). */
export async function openBackupDoor(
  database: Database,
  keys: Keys,
  dataDir: string,
  log: (line: string) => void,
): Promise<{ close: () => Promise<void> } | null> {
  const socket = backupSocketPath(dataDir);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    log(`数据目录路径过长，无法在运行时备份（${socket}）：请停止服务后再执行 dangjian backup`);
    return null;
  }
  // A socket left by a server that was killed: this process holds the database, so it is no one's.
  fs.rmSync(socket, { force: true });
  // One snapshot at a time: each holds PGlite's transaction lock while it copies.
  let queue: Promise<unknown> = Promise.resolve();
  const server = net.createServer((conn) => {
    conn.on('error', () => {});
    queue = queue.then(() => answer(conn));
  });
  async function answer(conn: net.Socket) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dangjian-backup-'));
    const file = path.join(dir, 'payload');
    try {
      const dumped = await dumpPglite(database, file);
      const snap: Snapshot = { ...dumped, keyFingerprint: keys.fingerprint, bytes: fs.statSync(file).size };
      conn.write(`${JSON.stringify(snap)}\n`);
      await pipeline(fs.createReadStream(file), conn);
    } catch (err) {
      conn.end(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socket, () => resolve());
    });
    fs.chmodSync(socket, 0o600);
  } catch (err) {
    // The server serves without it; only a backup while it runs is lost.
    log(`无法打开运行时备份的套接字 ${socket}（${(err as Error).message}）：请停止服务后再执行 dangjian backup`);
    return null;
  }
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socket, { force: true });
      }),
  };
}

/**
 * Asks the server running on `dataDir` for a snapshot, written to `payloadFile`. Null when no
 * server answers there (the directory is held by another command, or by nothing).
 */
export async function snapshotFromServer(dataDir: string, payloadFile: string): Promise<Snapshot | null> {
  const socket = backupSocketPath(dataDir);
  if (!fs.existsSync(socket)) return null;
  const conn = net.createConnection(socket);
  const connected = await new Promise<boolean>((resolve) => {
    conn.once('connect', () => resolve(true));
    conn.once('error', () => resolve(false));
  });
  if (!connected) return null;
  const out = fs.createWriteStream(payloadFile, { mode: 0o600 });
  let head = Buffer.alloc(0);
  let snap: (Snapshot & { error?: undefined }) | { error: string } | null = null;
  const done = new Promise<void>((resolve, reject) => {
    conn.on('data', (chunk: Buffer) => {
      if (snap) {
        out.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const nl = head.indexOf(10);
      if (nl < 0) return;
      snap = JSON.parse(head.subarray(0, nl).toString('utf8'));
      out.write(head.subarray(nl + 1));
    });
    conn.once('end', resolve);
    conn.once('error', reject);
  });
  try {
    await done;
  } finally {
    await new Promise((resolve) => out.end(resolve));
  }
  const answer = snap as (Snapshot & { error?: undefined }) | { error: string } | null;
  if (!answer) throw new Error('运行中的服务没有返回快照');
  if (answer.error !== undefined) throw new Error(`运行中的服务未能生成快照：${answer.error}`);
  if (fs.statSync(payloadFile).size !== answer.bytes) throw new Error('从运行中的服务读取快照时连接中断，未写出备份');
  return answer;
}
