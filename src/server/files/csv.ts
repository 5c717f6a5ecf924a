/**
 * CSV as Excel and WPS write it: RFC 4180 quoting (commas, doubled quotes and line breaks inside
 * quotes), CRLF or LF, UTF-8 with or without BOM, or GB18030/GBK from older Chinese Excel.
 *
 * Read within Excel's own limits, so that memory follows the rows and not what a file claims: a
 * field holds at most 32,767 characters, a row at most 16,384 fields, and fields to the right of
 * the header's width are not kept (a 40 MB field, or a line of 40 million commas, is refused
 * at the first cell past the limit, named).
 */
import { createReadStream } from 'node:fs';
import { columnLetter } from '../../domain/enterprise/messages.ts';
import { type SheetRow, trimTrailingBlanks } from './cells.ts';
import { UploadError } from './errors.ts';
import { MAX_CELL_CHARS } from './sheet.ts';

export type CsvEncoding = 'utf-8' | 'gb18030';

const CHUNK = 64 * 1024;

async function decodesAsGb18030(path: string): Promise<boolean> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return true;
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * Checks UTF-8 byte by byte (the WHATWG decoder's rules: no overlong forms, no surrogates,
 * nothing past U+10FFFF) and, at the first bad byte, says which line it is on and how many
 * multi-byte characters came before it.
 */
export class Utf8Scanner {
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  /** Multi-byte characters seen so far. */
  multibyte = 0;
  /** 1-based line of the current byte. */
  line = 1;
  /** Bytes before the current chunk; after a refusal, the offset in the file of the byte refused. */
  offset = 0;

  /** False at the first byte that cannot be UTF-8; the scanner is then spent. */
  push(bytes: Uint8Array): boolean {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (this.need === 0) {
        if (b <= 0x7f) {
          if (b === 0x0a) this.line++;
        } else if (b >= 0xc2 && b <= 0xdf) {
          this.need = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) this.lower = 0xa0;
          if (b === 0xed) this.upper = 0x9f;
          this.need = 2;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) this.lower = 0x90;
          if (b === 0xf4) this.upper = 0x8f;
          this.need = 3;
        } else {
          this.offset += i;
          return false;
        }
      } else {
        if (b < this.lower || b > this.upper) {
          this.offset += i;
          return false;
        }
        this.lower = 0x80;
        this.upper = 0xbf;
        if (--this.need === 0) this.multibyte++;
      }
    }
    this.offset += bytes.length;
    return true;
  }

  /** False when the input ended inside a character. */
  end(): boolean {
    return this.need === 0;
  }
}

/**
 * Below this many multi-byte UTF-8 characters before the first byte that is not UTF-8, the file
 * is taken for GB18030 (GBK text passes as UTF-8 for a character or two at most, by chance).
 * At or above it, the file is UTF-8 with foreign bytes in it, such as two files pasted together.
 */
const MIXED_ENCODING_THRESHOLD = 8;

/**
 * UTF-8 when every byte of the file is valid UTF-8 (a BOM is optional), otherwise GB18030 when
 * every byte is valid GB18030 (which contains GBK and GB2312); anything else is refused. Decided
 * over the whole file before a row is read, so an import never fails half-way on an odd byte.
 */
export async function detectCsvEncoding(path: string): Promise<CsvEncoding> {
  const scanner = new Utf8Scanner();
  let valid = true;
  let bom = false;
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (scanner.offset === 0) bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      if (!scanner.push(chunk)) {
        valid = false;
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  if (valid && scanner.end()) return 'utf-8';
  // A UTF-8 byte order mark, or enough UTF-8 before the first bad byte, says what the file
  // means to be: the bad bytes are an error in a cell, named, never decoded as something else.
  if (bom || scanner.multibyte >= MIXED_ENCODING_THRESHOLD) {
    const { row, column } = await cellAt(path, scanner.offset);
    throw new UploadError(
      'invalid_utf8',
      `第 ${row} 行 ${columnLetter(column)} 列的内容含有无效的 UTF-8 字节，而文件是 UTF-8 编码：文件可能混合了两种编码或已损坏。请修正该单元格，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再上传`,
    );
  }
  if (await decodesAsGb18030(path)) return 'gb18030';
  throw new UploadError(
    'csv_encoding',
    '无法识别文件的文字编码：既不是 UTF-8，也不是 GB18030（GBK）。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再上传',
  );
}

/**
 * The cell the byte at `offset` belongs to: the file is parsed again up to it (only on the way to
 * refusing the file, so the cost does not matter).
 */
async function cellAt(path: string, offset: number): Promise<{ row: number; column: number }> {
  const decoder = new TextDecoder('utf-8');
  const parser = new CsvParser();
  const stream = createReadStream(path, { highWaterMark: CHUNK, end: Math.max(0, offset - 1) });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (offset === 0) break;
      parser.push(decoder.decode(chunk, { stream: true }), []);
    }
  } finally {
    stream.destroy();
  }
  return parser.position();
}

/** Excel's last column: no row of a sheet has more fields. */
const MAX_FIELDS = 16_384;

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

// Parser states.
/** At the start of a field. */
const FIELD_START = 0;
/** Inside a field that did not start with a quote (quotes in it are plain characters). */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just read a quote inside a quoted field: a second quote is a literal one, anything else ends the quotes. */
const QUOTE_IN_QUOTED = 3;

/** Incremental RFC 4180 parser: feed it text, collect the records it completes. */
export class CsvParser {
  private state = FIELD_START;
  private field = '';
  private record: string[] = [];
  private inRecord = false;
  private skipLF = false;
  private started = false;
  /** Records completed so far, blank lines included: the next record's number is this + 1. */
  private count = 0;
  /** Fields ended in the current record, kept or not. */
  private fields = 0;
  /** Fields kept per record: the header's width once it is read. */
  private width = MAX_FIELDS;

  /** The cell being read: its row and its 1-based column. */
  position(): { row: number; column: number } {
    return { row: this.count + 1, column: this.fields + 1 };
  }

  /** Parses `text` and appends the non-empty records it completes to `out`. */
  push(text: string, out: SheetRow[]): void {
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1; // a BOM the decoder left (GB18030's 84 31 95 33)
    }
    const n = text.length;
    for (; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (this.skipLF) {
        this.skipLF = false;
        if (ch === LF) continue;
      }
      this.inRecord = true;
      switch (this.state) {
        case QUOTED: {
          const q = text.indexOf('"', i);
          if (q === -1) {
            this.field += text.slice(i);
            i = n;
          } else {
            this.field += text.slice(i, q);
            i = q;
            this.state = QUOTE_IN_QUOTED;
          }
          this.checkLength();
          break;
        }
        case QUOTE_IN_QUOTED:
          if (ch === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
          } else {
            // The quotes are closed. Excel keeps any text after them (`"ab"c` reads `abc`).
            this.state = UNQUOTED;
            i--;
          }
          break;
        default:
          if (ch === COMMA) {
            this.endField();
          } else if (ch === LF || ch === CR) {
            this.endField();
            this.endRecord(out);
            this.skipLF = ch === CR;
          } else if (ch === QUOTE && this.state === FIELD_START) {
            this.state = QUOTED;
          } else {
            let j = i + 1;
            while (j < n) {
              const c = text.charCodeAt(j);
              if (c === COMMA || c === LF || c === CR) break;
              j++;
            }
            this.field += text.slice(i, j);
            this.checkLength();
            this.state = UNQUOTED;
            i = j - 1;
          }
      }
    }
  }

  /** Completes the last record; throws when a quoted field is never closed. */
  end(out: SheetRow[]): void {
    if (this.state === QUOTED) {
      throw new UploadError(
        'csv_malformed',
        `CSV 格式错误：第 ${this.count + 1} 行有一个以引号开始的单元格没有结束引号，文件可能不完整`,
      );
    }
    if (this.inRecord) {
      this.endField();
      this.endRecord(out);
    }
  }

  /** Refuses a field past Excel's limit as soon as it gets there, before it grows further. */
  private checkLength(): void {
    if (this.field.length > MAX_CELL_CHARS) {
      const { row, column } = this.position();
      throw new UploadError(
        'cell_too_long',
        `第 ${row} 行 ${columnLetter(column)} 列的内容超过 Excel 单元格的上限 ${MAX_CELL_CHARS} 个字符，文件可能已损坏（例如缺少结束引号）`,
      );
    }
  }

  private endField(): void {
    if (this.fields >= MAX_FIELDS) {
      throw new UploadError(
        'too_many_columns',
        `第 ${this.count + 1} 行超过 ${MAX_FIELDS} 列（Excel 的最后一列 XFD），文件可能已损坏`,
      );
    }
    if (this.fields < this.width) this.record.push(this.field);
    this.fields++;
    this.field = '';
    this.state = FIELD_START;
  }

  private endRecord(out: SheetRow[]): void {
    this.count++;
    const cells = trimTrailingBlanks(this.record);
    if (cells.length > 0) {
      if (this.width === MAX_FIELDS) this.width = cells.length;
      out.push({ rowNumber: this.count, cells });
    }
    this.record = [];
    this.fields = 0;
    this.inRecord = false;
  }
}

/** The records of a csv file, streamed: memory holds one 64 KB chunk and the records it completes. */
export async function* readCsvRows(path: string): AsyncGenerator<SheetRow> {
  const encoding = await detectCsvEncoding(path);
  const decoder = new TextDecoder(encoding, { fatal: true });
  const parser = new CsvParser();
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    let out: SheetRow[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.push(decoder.decode(chunk, { stream: true }), out);
      if (out.length > 0) {
        yield* out;
        out = [];
      }
    }
    parser.push(decoder.decode(), out);
    parser.end(out);
    yield* out;
  } finally {
    stream.destroy();
  }
}
