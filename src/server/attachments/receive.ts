import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments.ts';
import { HttpError } from '../errors.ts';
import { formatSize } from '../files/errors.ts';

const tooLarge = () => new HttpError(413, 'too_large', `文件超过 ${formatSize(MAX_ATTACHMENT_BYTES)} 的上限`);

/**
 * An attachment's body, read into memory and refused the moment it passes the limit: at most
 * 10 MB is ever held, and no plaintext copy is written to disk.
 */
export async function receiveAttachment(body: ReadableStream<Uint8Array> | null): Promise<Buffer> {
  if (!body) throw new HttpError(400, 'empty_upload', '没有收到文件内容');
  const chunks: Buffer[] = [];
  let seen = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.length;
    if (seen > MAX_ATTACHMENT_BYTES) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/** Refuses at once a body that declares a length over the limit. */
export function refuseDeclaredOversize(contentLength: string | undefined) {
  if (Number(contentLength ?? 0) > MAX_ATTACHMENT_BYTES) throw tooLarge();
}
