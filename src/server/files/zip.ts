/**
 * Just enough of the zip format (PKWARE APPNOTE 6.3) to judge an uploaded .xlsx before anything
 * is unpacked, and to unpack the few parts we read ourselves with the bytes counted.
 *
 * Everything is decided from the central directory at the end of the file, never from the local
 * headers a streaming unzipper walks: an attacker can make the two disagree, so we read the
 * directory, check it, and then fetch each entry we need from the offset it gives.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';
import { formatSize, UploadError } from './errors.ts';

const MB = 1024 * 1024;

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /**
   * Total unpacked size: checked against the sizes the central directory declares, and again
   * against the bytes actually inflated while reading, since declared sizes can lie.
   */
  maxUncompressedBytes: number;
  /** Unpacked size ÷ packed size, for entries that unpack to more than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 10_000,
  maxUncompressedBytes: 500 * MB,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 1 * MB,
});

/** Longest entry name accepted, in bytes. */
export const MAX_ENTRY_NAME_BYTES = 255;
/** A central directory larger than this is not a spreadsheet's (10,000 entries take about 1 MB). */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 * MB;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
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
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Case-insensitive lookup: OPC part names compare without regard to ASCII case. */
  get(name: string): ZipEntry | undefined;
  centralDirectoryOffset: number;
  totalUncompressedBytes: number;
}

const invalid = (detail: string) => new UploadError('zip_invalid', `文件不是有效的 xlsx（zip）文件：${detail}`);
const zip64 = () =>
  new UploadError(
    'zip64_unsupported',
    '文件使用了 ZIP64 格式，系统不支持：正常的 Excel 文件用不到这种格式，此文件结构可疑。请在 Excel 中打开后另存为 .xlsx 再上传',
  );

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw invalid('文件被截断');
    done += bytesRead;
  }
  return buf;
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

function hasZip64Extra(extra: Buffer): boolean {
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === ZIP64_EXTRA_ID) return true;
    p += 4 + size;
  }
  return false;
}

/**
 * Reads and checks the central directory of the zip at `path`, unpacking nothing: the end record
 * (ZIP64 refused), then every entry's name, encryption, method, sizes and ratio, and that no two
 * entries' data overlap (the "overlapping files" bomb). Throws `UploadError`.
 */
export async function readZipDirectory(path: string, limits: ZipLimits): Promise<ZipDirectory> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    if (size < EOCD_SIZE) throw invalid('文件过短');

    // The end record is the last 22 bytes plus a comment of up to 65,535 bytes. Take the last
    // signature whose comment length reaches exactly to the end of the file.
    const tailLength = Math.min(size, EOCD_SIZE + 0xffff);
    const tailStart = size - tailLength;
    const tail = await readAt(fh, tailStart, tailLength);
    let at = -1;
    for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tailLength) {
        at = i;
        break;
      }
    }
    if (at < 0) throw invalid('找不到 zip 目录（文件可能已损坏或被截断）');
    const eocdOffset = tailStart + at;
    if (eocdOffset >= 20 && (await readAt(fh, eocdOffset - 20, 4)).readUInt32LE(0) === SIG_ZIP64_LOCATOR) throw zip64();

    const disk = tail.readUInt16LE(at + 4);
    const cdDisk = tail.readUInt16LE(at + 6);
    const entriesOnDisk = tail.readUInt16LE(at + 8);
    const entryCount = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if ([disk, cdDisk, entriesOnDisk, entryCount].includes(0xffff) || [cdSize, cdOffset].includes(0xffffffff)) {
      throw zip64();
    }
    if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== entryCount) throw invalid('不支持分卷压缩');
    if (entryCount > limits.maxEntries) {
      throw new UploadError(
        'zip_too_many_entries',
        `文件内含 ${entryCount} 个条目，超过上限 ${limits.maxEntries} 个，不像正常的 Excel 文件`,
      );
    }
    if (cdOffset + cdSize !== eocdOffset) throw invalid('zip 目录位置不正确');
    if (cdSize > MAX_CENTRAL_DIRECTORY_BYTES) throw invalid('zip 目录过大');

    const cd = await readAt(fh, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    const byName = new Map<string, ZipEntry>();
    let total = 0;
    let p = 0;
    for (let n = 0; n < entryCount; n++) {
      if (p + CENTRAL_HEADER_SIZE > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw invalid('zip 目录已损坏');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const compressedSize = cd.readUInt32LE(p + 20);
      const uncompressedSize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const diskStart = cd.readUInt16LE(p + 34);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const end = p + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
      if (end > cd.length) throw invalid('zip 目录已损坏');
      const rawName = cd.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength);
      const extra = cd.subarray(
        p + CENTRAL_HEADER_SIZE + nameLength,
        p + CENTRAL_HEADER_SIZE + nameLength + extraLength,
      );
      p = end;

      if (
        [compressedSize, uncompressedSize, localHeaderOffset].includes(0xffffffff) ||
        diskStart === 0xffff ||
        hasZip64Extra(extra)
      ) {
        throw zip64();
      }
      const unsafe = unsafeNameReason(rawName);
      const shownName = printable(rawName.toString('utf8')).slice(0, 80);
      if (unsafe) {
        throw new UploadError('zip_unsafe_entry_name', `文件内含不安全的条目名“${shownName}”（${unsafe}），已拒绝`);
      }
      const name = rawName.toString('utf8');
      if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === METHOD_AES) {
        throw new UploadError('zip_encrypted', `文件内的条目“${shownName}”已加密，系统无法读取加密的压缩内容`);
      }
      if (method !== METHOD_STORED && method !== METHOD_DEFLATE) {
        throw new UploadError(
          'zip_unsupported_method',
          `文件内的条目“${shownName}”使用了不支持的压缩方式（${method}），请在 Excel 中另存为 .xlsx 再上传`,
        );
      }
      if (method === METHOD_STORED && compressedSize !== uncompressedSize)
        throw invalid(`条目“${shownName}”大小不一致`);
      const key = name.toLowerCase();
      if (byName.has(key)) {
        throw new UploadError('zip_duplicate_entry', `文件内有重复的条目“${shownName}”，结构可疑，已拒绝`);
      }
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
      const entry: ZipEntry = { name, method, flags, crc32: crc, compressedSize, uncompressedSize, localHeaderOffset };
      entries.push(entry);
      byName.set(key, entry);
    }
    if (p !== cd.length) throw invalid('zip 目录已损坏');
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

    return {
      entries,
      get: (name) => byName.get(name.toLowerCase()),
      centralDirectoryOffset: cdOffset,
      totalUncompressedBytes: total,
    };
  } finally {
    await fh.close();
  }
}

/** The actual inflated bytes allowed across all entries of one read; shared by the entries read. */
export class InflateBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.limit) {
      throw new UploadError(
        'zip_too_large_uncompressed',
        `文件解压后超过上限 ${formatSize(this.limit)}，疑似“压缩炸弹”，已停止读取`,
      );
    }
  }

  get bytes(): number {
    return this.used;
  }
}

/** Where the entry's data starts, after checking its local header agrees with the directory. */
async function dataOffset(path: string, entry: ZipEntry, dir: ZipDirectory): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const header = await readAt(fh, entry.localHeaderOffset, LOCAL_HEADER_SIZE);
    if (header.readUInt32LE(0) !== SIG_LOCAL) throw invalid(`条目“${entry.name}”的本地文件头缺失`);
    const flags = header.readUInt16LE(6);
    const method = header.readUInt16LE(8);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const name = (await readAt(fh, entry.localHeaderOffset + LOCAL_HEADER_SIZE, nameLength)).toString('utf8');
    if (name !== entry.name || method !== entry.method || (flags & FLAG_ENCRYPTED) !== 0) {
      throw invalid(`条目“${entry.name}”的本地文件头与 zip 目录不一致，结构可疑`);
    }
    const start = entry.localHeaderOffset + LOCAL_HEADER_SIZE + nameLength + extraLength;
    if (start + entry.compressedSize > dir.centralDirectoryOffset) throw invalid(`条目“${entry.name}”的数据越界`);
    return start;
  } finally {
    await fh.close();
  }
}

/**
 * The unpacked bytes of one entry, fetched from the offset the central directory gives. Stops
 * with `UploadError` as soon as the data runs past its declared size or the budget, and at the
 * end checks the size and CRC-32: the consumer never sees more bytes than the directory declared.
 */
export async function* inflateEntry(
  path: string,
  dir: ZipDirectory,
  entry: ZipEntry,
  budget: InflateBudget,
): AsyncGenerator<Buffer> {
  const start = await dataOffset(path, entry, dir);
  if (entry.compressedSize === 0 && entry.method === METHOD_STORED) {
    if (entry.uncompressedSize !== 0 || entry.crc32 !== 0) throw invalid(`条目“${entry.name}”已损坏`);
    return;
  }
  const raw = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 64 * 1024,
  });
  const data: Readable =
    entry.method === METHOD_DEFLATE ? pipeline(raw, createInflateRaw({ chunkSize: 64 * 1024 }), () => {}) : raw;
  let produced = 0;
  let crc = 0;
  try {
    for await (const chunk of data as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) {
        throw new UploadError(
          'zip_size_mismatch',
          `文件内的条目“${entry.name}”实际解压大小超过其声明的 ${formatSize(entry.uncompressedSize)}，文件结构可疑（疑似“压缩炸弹”），已停止读取`,
        );
      }
      budget.take(chunk.length);
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof UploadError) throw error;
    throw new UploadError('zip_corrupt', `文件已损坏：无法解压其中的“${entry.name}”`, { cause: error });
  } finally {
    data.destroy();
    raw.destroy();
  }
  if (produced !== entry.uncompressedSize) {
    throw new UploadError('zip_size_mismatch', `文件已损坏：条目“${entry.name}”解压后的大小与声明不符`);
  }
  if (crc !== entry.crc32) throw new UploadError('zip_corrupt', `文件已损坏：条目“${entry.name}”校验和（CRC-32）不符`);
}

/** An entry unpacked into memory, for the small parts we parse ourselves. */
export async function readEntry(
  path: string,
  dir: ZipDirectory,
  entry: ZipEntry,
  budget: InflateBudget,
  maxBytes: number,
): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw new UploadError(
      'xlsx_unreadable',
      `文件内的“${entry.name}”有 ${formatSize(entry.uncompressedSize)}，超过上限 ${formatSize(maxBytes)}`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of inflateEntry(path, dir, entry, budget)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------------
// Writing: the headers of a plain zip (no data descriptors, no extra fields, UTF-8 names).

/** The fields of a local or central header as written; tests use them to build malformed zips. */
export interface HeaderFields {
  name: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Extra field bytes; none by default. */
  extra?: Buffer;
}

/** 1980-01-01 00:00, the earliest DOS date: fixed so that output is byte-for-byte reproducible. */
const DOS_TIME = 0;
const DOS_DATE = 0x0021; // year 0 (= 1980) << 9 | month 1 << 5 | day 1

export function localHeader(f: HeaderFields): Buffer {
  const extra = f.extra ?? Buffer.alloc(0);
  const b = Buffer.alloc(LOCAL_HEADER_SIZE);
  b.writeUInt32LE(SIG_LOCAL, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(f.flags, 6);
  b.writeUInt16LE(f.method, 8);
  b.writeUInt16LE(DOS_TIME, 10);
  b.writeUInt16LE(DOS_DATE, 12);
  b.writeUInt32LE(f.crc32, 14);
  b.writeUInt32LE(f.compressedSize, 18);
  b.writeUInt32LE(f.uncompressedSize, 22);
  b.writeUInt16LE(f.name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  return Buffer.concat([b, f.name, extra]);
}

export function centralHeader(f: HeaderFields & { localHeaderOffset: number }): Buffer {
  const extra = f.extra ?? Buffer.alloc(0);
  const b = Buffer.alloc(CENTRAL_HEADER_SIZE);
  b.writeUInt32LE(SIG_CENTRAL, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(f.flags, 8);
  b.writeUInt16LE(f.method, 10);
  b.writeUInt16LE(DOS_TIME, 12);
  b.writeUInt16LE(DOS_DATE, 14);
  b.writeUInt32LE(f.crc32, 16);
  b.writeUInt32LE(f.compressedSize, 20);
  b.writeUInt32LE(f.uncompressedSize, 24);
  b.writeUInt16LE(f.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt32LE(f.localHeaderOffset, 42);
  return Buffer.concat([b, f.name, extra]);
}

export function endOfCentralDirectory(entryCount: number, cdSize: number, cdOffset: number): Buffer {
  const b = Buffer.alloc(EOCD_SIZE);
  b.writeUInt32LE(SIG_EOCD, 0);
  b.writeUInt16LE(entryCount, 8);
  b.writeUInt16LE(entryCount, 10);
  b.writeUInt32LE(cdSize, 12);
  b.writeUInt32LE(cdOffset, 16);
  return b;
}

export const UTF8_NAME_FLAG = FLAG_UTF8;
