/**
 * The shared strings table of an .xlsx, held compact while the sheet is read: the strings' UTF-8
 * bytes one after another, made into a string only when a cell uses one.
 */

import { isUtf8 } from 'node:buffer';
import { XmlError, type XmlHandler } from './xml.ts';
import { Bytes, InvalidUtf8Error, MAX_TEXT_BYTES, nameIs } from './xmlText.ts';

/** A power of two. At most 4,096 × 64 bytes of text are kept made. */
const STRING_CACHE_SIZE = 4096;
const MAX_CACHED_STRING_BYTES = 64;

/**
 * The shared strings table, compact: the UTF-8 bytes of all strings one after another in one
 * buffer, and in `offsets` where each starts (string i is `offsets[i]` to `offsets[i + 1]`).
 */
export class SharedStrings {
  private readonly bytes: Bytes;
  private offsets = new Uint32Array(1024);
  private count = 0;
  /** The strings whose bytes are not UTF-8: refused when a cell uses one, which names the cell. */
  private readonly invalid = new Set<number>();
  /**
   * The strings last made for short entries, by index modulo the cache size: the same few
   * labels (私营企业, 存续, 是, 否…) fill most cells of an import, and are made once each.
   */
  private readonly cachedIndex = new Int32Array(STRING_CACHE_SIZE).fill(-1);
  private readonly cached: string[] = new Array(STRING_CACHE_SIZE).fill('');

  /** `capacity`: the bytes to expect; the text of a shared strings part is never longer than the part. */
  constructor(capacity: number) {
    this.bytes = new Bytes(capacity, 0xffffffff, '共享字符串表');
  }

  /** Adds the next string, given as the raw XML text of its runs. */
  add(raw: Bytes): void {
    this.bytes.decodeFrom(raw.buf, 0, raw.len);
    if (this.count + 2 > this.offsets.length) {
      const next = new Uint32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    const start = this.offsets[this.count];
    if (!isUtf8(this.bytes.buf.subarray(start, this.bytes.len))) this.invalid.add(this.count);
    this.offsets[++this.count] = this.bytes.len;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held for the text. */
  get byteLength(): number {
    return this.bytes.len;
  }

  get(index: number): string {
    if (index >= this.count) throw new XmlError(`共享字符串编号 ${index} 超出共享字符串表（共 ${this.count} 个）`);
    const slot = index & (STRING_CACHE_SIZE - 1);
    if (this.cachedIndex[slot] === index) return this.cached[slot];
    if (this.invalid.size > 0 && this.invalid.has(index)) throw new InvalidUtf8Error();
    const start = this.offsets[index];
    const end = this.offsets[index + 1];
    const text = this.bytes.buf.toString('utf8', start, end);
    if (end - start <= MAX_CACHED_STRING_BYTES) {
      this.cachedIndex[slot] = index;
      this.cached[slot] = text;
    }
    return text;
  }
}

/**
 * `<sst><si>…</si>…</sst>`: each `<si>` is one string, its `<t>` directly or rich-text runs
 * `<r><t>…</t></r>`, whose texts are joined. Phonetic runs (`<rPh>`) are not part of the text.
 */
export class SharedStringsReader implements XmlHandler {
  private inString = false;
  private capture = false;
  private phonetic = 0;
  private readonly raw = new Bytes(256, MAX_TEXT_BYTES, '一个共享字符串');

  constructor(private readonly strings: SharedStrings) {}

  open(buf: Buffer, name: number, nameEnd: number, _attrsEnd: number, selfClosing: boolean): void {
    if (nameIs(buf, name, nameEnd, 'si')) {
      this.raw.reset();
      this.phonetic = 0;
      if (selfClosing) this.strings.add(this.raw);
      else this.inString = true;
    } else if (this.inString && !selfClosing) {
      if (nameIs(buf, name, nameEnd, 't')) this.capture = this.phonetic === 0;
      else if (nameIs(buf, name, nameEnd, 'rPh')) this.phonetic++;
    }
  }

  close(buf: Buffer, name: number, nameEnd: number): void {
    if (!this.inString) return;
    if (nameIs(buf, name, nameEnd, 't')) this.capture = false;
    else if (nameIs(buf, name, nameEnd, 'rPh')) this.phonetic--;
    else if (nameIs(buf, name, nameEnd, 'si')) {
      this.strings.add(this.raw);
      this.inString = false;
      this.capture = false;
    }
  }

  text(buf: Buffer, start: number, end: number): void {
    if (this.capture) this.raw.append(buf, start, end);
  }

  cdata(buf: Buffer, start: number, end: number): void {
    if (this.capture) this.raw.appendLiteral(buf, start, end);
  }
}
