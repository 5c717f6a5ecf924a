/** The zip reader's refusals, in words a user can act on. */
import { formatSize, UploadError } from './errors.ts';
import type { ZipEntry } from './zipDirectory.ts';

export const invalid = (detail: string, cause?: unknown) =>
  new UploadError('zip_invalid', `文件不是有效的 xlsx（zip）文件：${detail}`, { cause });
export const zip64 = (cause?: unknown) =>
  new UploadError(
    'zip64_unsupported',
    '文件使用了 ZIP64 格式，系统不支持：正常的 Excel 文件用不到这种格式，此文件结构可疑。请在 Excel 中打开后另存为 .xlsx 再上传',
    { cause },
  );

/**
 * yauzl's refusals of the archive's structure (its messages are English and not part of its
 * API, so anything not recognised here still becomes a `zip_invalid`, never a 500).
 */
export function structureError(error: unknown): UploadError {
  if (error instanceof UploadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const known: [RegExp, () => UploadError][] = [
    [/zip64/i, () => zip64(error)],
    [
      /^End of central directory record signature not found/,
      () => invalid('找不到 zip 目录（文件可能已损坏或被截断）', error),
    ],
    [/^Invalid comment length/, () => invalid('zip 目录之后还有多余的数据（文件可能已损坏）', error)],
    [/^multi-disk/, () => invalid('不支持分卷压缩', error)],
    [
      /^strong encryption/,
      () => new UploadError('zip_encrypted', '文件内有已加密的条目，系统无法读取加密的压缩内容', { cause: error }),
    ],
    [/^invalid central directory file header signature/, () => invalid('zip 目录已损坏', error)],
    [/^compressed\/uncompressed size mismatch for stored file/, () => invalid('未压缩条目的大小不一致', error)],
    [/^(unexpected EOF|file data overflows file bounds)/, () => invalid('文件被截断', error)],
    [/^invalid local file header signature/, () => invalid('条目的本地文件头缺失', error)],
  ];
  for (const [pattern, make] of known) if (pattern.test(message)) return make();
  return invalid('文件结构已损坏', error);
}

export const oversized = (entry: ZipEntry) =>
  new UploadError(
    'zip_size_mismatch',
    `文件内的条目“${entry.name}”实际解压大小超过其声明的 ${formatSize(entry.uncompressedSize)}，文件结构可疑（疑似“压缩炸弹”），已停止读取`,
  );
export const undersized = (entry: ZipEntry) =>
  new UploadError('zip_size_mismatch', `文件已损坏：条目“${entry.name}”解压后的大小与声明不符`);

/** What went wrong while inflating: our limits, yauzl's size checks, or data zlib cannot inflate. */
export function inflateError(entry: ZipEntry, error: unknown): UploadError {
  if (error instanceof UploadError) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('too many bytes in the stream')) return oversized(entry);
  if (message.startsWith('not enough bytes in the stream')) return undersized(entry);
  return new UploadError('zip_corrupt', `文件已损坏：无法解压其中的“${entry.name}”`, { cause: error });
}
