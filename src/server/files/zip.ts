/**
 * Zip reading for uploaded .xlsx files: yauzl walks the end record and the central directory,
 * reads local headers and inflates, with random access to a file or a buffer; this module adds
 * the limits an upload must stay within and turns every refusal into an `UploadError` whose
 * message a user can act on.
 *
 * Everything is decided from the central directory at the end of the file, never from the local
 * headers a streaming unzipper walks: an attacker can make the two disagree, so the directory is
 * read and checked first, and each entry we need is fetched from the offset it gives, after its
 * local header has been compared with the directory.
 *
 * Our checks, on top of what yauzl checks:
 * - the end record is the plain one Excel writes: no ZIP64 (yauzl reads ZIP64; no spreadsheet
 *   needs it, so it only hides sizes), one disk, the directory right before the end record;
 * - at most `maxEntries` entries, known from the end record before any entry is read;
 * - entry names: valid UTF-8, relative, `/`-separated, no `..`, NUL, control characters or
 *   backslashes, at most 255 bytes, no two alike whatever their case (OPC part names ignore
 *   ASCII case); taken raw (`decodeStrings: false`), so an Info-ZIP Unicode Path extra field
 *   cannot show one name to us and another to whoever unpacks the file;
 * - encrypted entries and methods other than stored and deflate refused;
 * - the declared unpacked size of each entry over its packed size (`maxCompressionRatio`), and
 *   of all entries together (`maxUncompressedBytes`);
 * - no two entries' data overlap (the "overlapping files" bomb, which counts a few kilobytes of
 *   deflate data again and again);
 * - while inflating: yauzl stops an entry the moment it passes its declared size
 *   (`validateEntrySizes`), so the actual ratio never exceeds the declared one that was checked;
 *   every inflated byte is counted against one `InflateBudget` for the whole read; the CRC-32 is
 *   checked at the end (yauzl does not check it). Data is inflated chunk by chunk with the
 *   stream's back-pressure, so memory stays bounded whatever the entry claims.
 */
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
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

const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const ZIP64_EXTRA_ID = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
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

const invalid = (detail: string, cause?: unknown) =>
  new UploadError('zip_invalid', `文件不是有效的 xlsx（zip）文件：${detail}`, { cause });
const zip64 = (cause?: unknown) =>
  new UploadError(
    'zip64_unsupported',
    '文件使用了 ZIP64 格式，系统不支持：正常的 Excel 文件用不到这种格式，此文件结构可疑。请在 Excel 中打开后另存为 .xlsx 再上传',
    { cause },
  );

/**
 * yauzl's refusals of the archive's structure (its messages are English and not part of its
 * API, so anything not recognised here still becomes a `zip_invalid`, never a 500).
 */
function structureError(error: unknown): UploadError {
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

const YAUZL_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  // Names stay raw bytes: we judge them ourselves (`unsafeNameReason`).
  decodeStrings: false,
  validateEntrySizes: true,
};

/**
 * An opened, checked zip. `openZip` reads and checks the whole central directory and unpacks
 * nothing; `inflate` then unpacks the entries asked for. `close()` releases the file (it stays
 * open while a stream of it is still being read).
 */
export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly zip: yauzl.ZipFile,
    /** Whether the archive is read from a file, whose descriptor `close` waits for. */
    private readonly fromFile: boolean,
    readonly entries: readonly ZipEntry[],
    readonly centralDirectoryOffset: number,
    readonly totalUncompressedBytes: number,
  ) {
    for (const entry of entries) this.byName.set(entry.name.toLowerCase(), entry);
  }

  /** Case-insensitive lookup: OPC part names compare without regard to ASCII case. */
  get(name: string): ZipEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /**
   * Releases the archive; for a file, resolves once its descriptor is closed (yauzl closes it
   * asynchronously, when the last stream of it is done too), so that a reader that stops leaves
   * no file open behind it.
   */
  close(): Promise<void> {
    return closeZip(this.zip, this.fromFile);
  }

  /**
   * Opens the zip in the file at `source` (or in the buffer) and checks it against `limits`:
   * the end record (ZIP64 refused), then every entry's name, encryption, method, sizes and
   * ratio, and that no two entries' data overlap. Throws `UploadError`.
   */
  static async open(source: string | Buffer, limits: ZipLimits): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip =
        typeof source === 'string'
          ? await yauzl.openPromise(source, YAUZL_OPTIONS)
          : await yauzl.fromBufferPromise(source, YAUZL_OPTIONS);
    } catch (error) {
      throw structureError(error);
    }
    try {
      const cdOffset = await checkEndRecord(zip, limits);
      const { entries, total } = await readEntries(zip, limits, cdOffset);
      return new ZipArchive(zip, typeof source === 'string', entries, cdOffset, total);
    } catch (error) {
      await closeZip(zip, typeof source === 'string');
      throw structureError(error);
    }
  }

  /**
   * The unpacked bytes of one entry, chunk by chunk. Stops with `UploadError` as soon as the data
   * runs past its declared size or the budget, and at the end checks the size and CRC-32: the
   * consumer never sees more bytes than the directory declared.
   */
  async *inflate(entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
    const start = await this.dataOffset(entry);
    let stream: Readable;
    try {
      stream = await lowLevelStream(
        this.zip,
        start,
        entry.compressedSize,
        entry.method === METHOD_DEFLATE,
        entry.uncompressedSize,
      );
    } catch (error) {
      throw structureError(error);
    }
    let produced = 0;
    let crc = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        produced += chunk.length;
        // yauzl checks this for deflated entries; a stored one is read to its packed size, which
        // the directory check made equal to the unpacked one.
        if (produced > entry.uncompressedSize) throw oversized(entry);
        budget.take(chunk.length);
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      throw inflateError(entry, error);
    } finally {
      stream.destroy();
    }
    if (produced !== entry.uncompressedSize) throw undersized(entry);
    if (crc !== entry.crc32)
      throw new UploadError('zip_corrupt', `文件已损坏：条目“${entry.name}”校验和（CRC-32）不符`);
  }

  /** An entry unpacked into memory, for the small parts read whole. */
  async read(entry: ZipEntry, budget: InflateBudget, maxBytes: number): Promise<Buffer> {
    if (entry.uncompressedSize > maxBytes) {
      throw new UploadError(
        'xlsx_unreadable',
        `文件内的“${entry.name}”有 ${formatSize(entry.uncompressedSize)}，超过上限 ${formatSize(maxBytes)}`,
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of this.inflate(entry, budget)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /** Where the entry's data starts, after checking its local header agrees with the directory. */
  private async dataOffset(entry: ZipEntry): Promise<number> {
    let header: yauzl.LocalFileHeader;
    try {
      header = await this.zip.readLocalFileHeaderPromise(entry.source);
    } catch (error) {
      throw structureError(error);
    }
    if (
      !header.fileName.equals(entry.source.fileNameRaw) ||
      header.compressionMethod !== entry.method ||
      (header.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0
    ) {
      throw invalid(`条目“${entry.name}”的本地文件头与 zip 目录不一致，结构可疑`);
    }
    if (header.fileDataStart + entry.compressedSize > this.centralDirectoryOffset) {
      throw invalid(`条目“${entry.name}”的数据越界`);
    }
    return header.fileDataStart;
  }
}

/** Closes yauzl's file; resolves when the descriptor is closed (a failure to close it is not the upload's fault). */
function closeZip(zip: yauzl.ZipFile, fromFile: boolean): Promise<void> {
  if (!zip.isOpen) return Promise.resolve();
  const closed = fromFile
    ? new Promise<void>((resolve) => {
        zip.once('close', resolve);
        zip.once('error', () => resolve());
      })
    : Promise.resolve();
  zip.close();
  return closed;
}

/** Opens and checks a zip; see `ZipArchive.open`. */
export const openZip = (source: string | Buffer, limits: ZipLimits) => ZipArchive.open(source, limits);

/**
 * yauzl's `openReadStreamLowLevel`, as a promise: its own `openReadStreamLowLevelPromise` (3.4.0)
 * calls `openReadStream` with these arguments instead, and fails.
 */
function lowLevelStream(
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
async function checkEndRecord(zip: yauzl.ZipFile, limits: ZipLimits): Promise<number> {
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
async function readEntries(
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

const oversized = (entry: ZipEntry) =>
  new UploadError(
    'zip_size_mismatch',
    `文件内的条目“${entry.name}”实际解压大小超过其声明的 ${formatSize(entry.uncompressedSize)}，文件结构可疑（疑似“压缩炸弹”），已停止读取`,
  );
const undersized = (entry: ZipEntry) =>
  new UploadError('zip_size_mismatch', `文件已损坏：条目“${entry.name}”解压后的大小与声明不符`);

/** What went wrong while inflating: our limits, yauzl's size checks, or data zlib cannot inflate. */
function inflateError(entry: ZipEntry, error: unknown): UploadError {
  if (error instanceof UploadError) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('too many bytes in the stream')) return oversized(entry);
  if (message.startsWith('not enough bytes in the stream')) return undersized(entry);
  return new UploadError('zip_corrupt', `文件已损坏：无法解压其中的“${entry.name}”`, { cause: error });
}
