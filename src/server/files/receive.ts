import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { alive } from '../db/dataDir.ts';
import { HttpError } from '../errors.ts';
import { formatSize } from './errors.ts';

/** Upload directories are named after the process receiving them, so a killed process's can be told apart. */
const UPLOAD_PREFIX = 'dangjian-upload-';

/**
 * Streams a request body to a private temp file, refusing it as soon as it passes the size
 * cap, so an upload never sits whole in memory. The caller removes the directory.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, maxBytes: number) {
  if (!body) throw new HttpError(400, 'empty_upload', '没有收到文件内容');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
  const file = path.join(dir, 'upload');
  let seen = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new HttpError(413, 'too_large', `文件超过 ${formatSize(maxBytes)} 的上限`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as never), cap, createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { file, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

/**
 * Removes the uploads a process that died while receiving them left behind (a file of
 * personal data, in plaintext, in the temp directory); returns how many.
 */
export async function sweepDeadUploads(): Promise<number> {
  const names = await fs.readdir(os.tmpdir()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.startsWith(UPLOAD_PREFIX)) continue;
    const pid = Number(name.slice(UPLOAD_PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || alive(pid)) continue;
    // Another user's directory is theirs to sweep.
    await fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true }).then(
      () => removed++,
      () => {},
    );
  }
  return removed;
}
