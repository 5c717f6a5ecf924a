import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError } from '../errors.ts';
import { formatSize } from './errors.ts';

/**
 * Streams a request body to a private temp file, refusing it as soon as it passes the size
 * cap, so an upload never sits whole in memory. The caller removes the directory.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, maxBytes: number) {
  if (!body) throw new HttpError(400, 'empty_upload', '没有收到文件内容');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-upload-'));
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
