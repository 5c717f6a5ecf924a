/**
 * The central directory of an uploaded zip, read through yauzl and held to what a spreadsheet
 * needs (see zip.ts for the list of checks): the end record, then every entry's name, method,
 * sizes and ratio, and that no two entries' data overlap.
 */
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { formatSize, UploadError } from './errors.ts';
import type { ZipLimits } from './zip.ts';
import { invalid, zip64 } from './zipErrors.ts';

const MB = 1024 * 1024;

/** Longest entry name accepted, in bytes. */
export const MAX_ENTRY_NAME_BYTES = 255;
/** A central directory larger than this is not a spreadsheet's (10,000 entries take about 1 MB). */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * MB;

const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
export const FLAG_ENCRYPTED = 0x0001;
export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;
const METHOD_AES = 99;

export interface ZipEntry {
  /** As written in the archive (validated: relative, `/`-separated, no `..`). */
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** yauzl's record of it, to open it with. */
  readonly source: yauzl.Entry;
}

/** `s` with control characters (NUL included) shown as `?`. */
function printable(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? '?' : ch;
  }
  return out;
}

/** Why an entry name could escape the folder it is unpacked into, or `undefined` when it is safe. */
export function unsafeNameReason(raw: Buffer): string | undefined {
  if (raw.length === 0) return '名称为空';
  if (raw.length > MAX_ENTRY_NAME_BYTES) return `名称超过 ${MAX_ENTRY_NAME_BYTES} 字节`;
  if (raw.includes(0)) return '名称含有 NUL 字符';
  let name: string;
  try {
    name = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return '名称不是有效的 UTF-8 文本';
  }
  if (printable(name) !== name) return '名称含有控制字符';
  if (name.includes('\\')) return '名称含有反斜杠';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '名称是绝对路径';
  if (name.split('/').some((segment) => segment === '..')) return '名称含有 “..” 上级目录';
  return undefined;
}

/**
 * yauzl's `openReadStreamLowLevel`, as a promise: its own `openReadStreamLowLevelPromise` (3.4.0)
 * calls `openReadStream` with these arguments instead, and fails.
 */
export function lowLevelStream(
  zip: yauzl.ZipFile,
  start: number,
  length: number,
  inflate: boolean,
  uncompressedSize: number | null,
): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStreamLowLevel(start, length, 0, length, inflate, uncompressedSize, (error, stream) =>
      error ? reject(error) : resolve(stream),
    ),
  );
}

/** Raw bytes of the archive, `length` of them from `start`, through yauzl's reader. */
async function readRange(zip: yauzl.ZipFile, start: number, length: number): Promise<Buffer> {
  const stream = await lowLevelStream(zip, start, length, false, null);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  if (bytes.length !== length) throw invalid('文件被截断');
  return bytes;
}

/**
 * The end record yauzl found (it sits right before the comment it reports, which reaches to the
 * end of the file), held to the plain form: no ZIP64 locator or placeholders, one disk, no more
 * than `maxEntries` entries, the directory ending where the end record starts. Returns where
 * the directory starts.
 */
export async function checkEndRecord(zip: yauzl.ZipFile, limits: ZipLimits): Promise<number> {
  const eocdOffset = zip.fileSize - EOCD_SIZE - zip.comment.length;
  const before = Math.min(eocdOffset, ZIP64_LOCATOR_SIZE);
  const bytes = await readRange(zip, eocdOffset - before, before + EOCD_SIZE);
  if (before === ZIP64_LOCATOR_SIZE && bytes.readUInt32LE(0) === SIG_ZIP64_LOCATOR) throw zip64();
  const eocd = bytes.subarray(before);
  const disk = eocd.readUInt16LE(4);
  const cdDisk = eocd.readUInt16LE(6);
  const entriesOnDisk = eocd.readUInt16LE(8);
  const entryCount = eocd.readUInt16LE(10);
  const cdSize = eocd.readUInt32LE(12);
  const cdOffset = eocd.readUInt32LE(16);
  if ([disk, cdDisk, entriesOnDisk, entryCount].includes(0xffff) || [cdSize, cdOffset].includes(0xffffffff)) {
    throw zip64();
  }
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) throw invalid('不支持分卷压缩');
  if (zip.entryCount > limits.maxEntries) {
    throw new UploadError(
      'zip_too_many_entries',
      `文件内含 ${zip.entryCount} 个条目，超过上限 ${limits.maxEntries} 个，不像正常的 Excel 文件`,
    );
  }
  if (cdOffset + cdSize !== eocdOffset) throw invalid('zip 目录位置不正确');
  if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES) throw invalid('zip 目录过大');
  return cdOffset;
}

/** Reads every directory record through yauzl and checks it; see the module comment. */
export async function readEntries(
  zip: yauzl.ZipFile,
  limits: ZipLimits,
  cdOffset: number,
): Promise<{ entries: ZipEntry[]; total: number }> {
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let directoryBytes = 0;
  for await (const record of zip.eachEntry()) {
    directoryBytes += CENTRAL_HEADER_SIZE + record.fileNameLength + record.extraFieldLength + record.fileCommentLength;
    const rawName = record.fileNameRaw;
    const { compressedSize, uncompressedSize, relativeOffsetOfLocalHeader: localHeaderOffset } = record;
    const flags = record.generalPurposeBitFlag;
    const method = record.compressionMethod;
    if (
      [compressedSize, uncompressedSize, localHeaderOffset].includes(0xffffffff) ||
      record.extraFields.some((field) => field.id === ZIP64_EXTRA_ID)
    ) {
      throw zip64();
    }
    const shownName = printable(rawName.toString('utf8')).slice(0, 80);
    const unsafe = unsafeNameReason(rawName);
    if (unsafe) {
      throw new UploadError('zip_unsafe_entry_name', `文件内含不安全的条目名“${shownName}”（${unsafe}），已拒绝`);
    }
    const name = rawName.toString('utf8');
    if (flags & FLAG_ENCRYPTED || method === METHOD_AES) {
      throw new UploadError('zip_encrypted', `文件内的条目“${shownName}”已加密，系统无法读取加密的压缩内容`);
    }
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
      throw new UploadError(
        'zip_unsupported_method',
        `文件内的条目“${shownName}”使用了不支持的压缩方式（${method}），请在 Excel 中另存为 .xlsx 再上传`,
      );
    }
    const key = name.toLowerCase();
    if (seen.has(key)) {
      throw new UploadError('zip_duplicate_entry', `文件内有重复的条目“${shownName}”，结构可疑，已拒绝`);
    }
    seen.add(key);
    if (
      uncompressedSize > limits.ratioCheckMinBytes &&
      uncompressedSize / Math.max(compressedSize, 1) > limits.maxCompressionRatio
    ) {
      const ratio = Math.round(uncompressedSize / Math.max(compressedSize, 1));
      throw new UploadError(
        'zip_compression_ratio',
        `文件内的条目“${shownName}”压缩比为 ${ratio}:1（${formatSize(compressedSize)} 解压为 ${formatSize(uncompressedSize)}），超过上限 ${limits.maxCompressionRatio}:1，疑似“压缩炸弹”，已拒绝`,
      );
    }
    total += uncompressedSize;
    entries.push({
      name,
      method,
      flags,
      crc32: record.crc32,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      source: record,
    });
  }
  // The records must fill the directory exactly: bytes between them would be a second,
  // hidden directory for another unzipper to find.
  if (directoryBytes !== zip.fileSize - EOCD_SIZE - zip.comment.length - cdOffset) throw invalid('zip 目录已损坏');
  if (total > limits.maxUncompressedBytes) {
    throw new UploadError(
      'zip_too_large_uncompressed',
      `文件解压后共 ${formatSize(total)}，超过上限 ${formatSize(limits.maxUncompressedBytes)}，疑似“压缩炸弹”，已拒绝`,
    );
  }

  // Each entry's local header and data must lie before the directory, and no two may overlap:
  // overlapping entries let a few kilobytes of data be counted again and again.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    const minEnd = e.localHeaderOffset + LOCAL_HEADER_SIZE + Buffer.byteLength(e.name) + e.compressedSize;
    const limit = i + 1 < byOffset.length ? byOffset[i + 1].localHeaderOffset : cdOffset;
    if (minEnd > limit) throw invalid(`条目“${e.name.slice(0, 80)}”的数据与其他部分重叠`);
  }
  return { entries, total };
}
