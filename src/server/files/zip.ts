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
import {
  checkEndRecord,
  FLAG_ENCRYPTED,
  lowLevelStream,
  METHOD_DEFLATE,
  readEntries,
  type ZipEntry,
} from './zipDirectory.ts';
import { inflateError, invalid, oversized, structureError, undersized } from './zipErrors.ts';

export {
  MAX_ENTRY_NAME_BYTES,
  METHOD_DEFLATE,
  METHOD_STORED,
  unsafeNameReason,
  type ZipEntry,
} from './zipDirectory.ts';

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
