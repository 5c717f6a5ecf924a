/**
 * The pieces of XML the readers take apart by hand, on the bytes the scanner (xml.ts) hands them:
 * names, attributes, small integers, and text with its references decoded (`Bytes`), which is
 * where the UTF-8 of a cell becomes a string — checked, never silently replaced.
 */
import { isUtf8 } from 'node:buffer';
import { isSpace, shown, XmlError } from './xml.ts';

const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const CR = 0x0d;
const LF = 0x0a;
const EQ = 0x3d;

/**
 * The raw XML text of one cell value, formula, shared string or attribute. Excel's own limit is
 * 32,767 characters (under 400 KB even written as character references).
 */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** Whether the bytes `start..end` are `name` (ASCII). */
export function nameIs(buf: Buffer, start: number, end: number, name: string): boolean {
  if (end - start !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (buf[start + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** One attribute of a start tag, as byte ranges; filled by `nextAttribute`. */
export class Attribute {
  name = 0;
  nameEnd = 0;
  value = 0;
  valueEnd = 0;
}

/**
 * Reads the attribute at or after `p` (up to `end`, the end of the tag's attributes) into `at`
 * and returns the position after it, or -1 when there are no more. Throws `XmlError`.
 */
export function nextAttribute(buf: Buffer, p: number, end: number, at: Attribute): number {
  while (p < end && isSpace(buf[p])) p++;
  if (p >= end) return -1;
  at.name = p;
  while (p < end && buf[p] !== EQ && !isSpace(buf[p])) p++;
  at.nameEnd = p;
  while (p < end && isSpace(buf[p])) p++;
  if (p >= end || buf[p] !== EQ || at.nameEnd === at.name) throw new XmlError('属性格式错误');
  p++;
  while (p < end && isSpace(buf[p])) p++;
  const quote = buf[p];
  if (p >= end || (quote !== QUOTE && quote !== APOS)) throw new XmlError('属性值没有引号');
  at.value = ++p;
  while (p < end && buf[p] !== quote) p++;
  if (p >= end) throw new XmlError('属性值没有结束引号');
  at.valueEnd = p;
  return p + 1;
}

/** A non-negative decimal integer of at most 15 digits (surrounding spaces allowed), or -1. */
export function parseIndex(buf: Buffer, start: number, end: number): number {
  while (start < end && isSpace(buf[start])) start++;
  while (end > start && isSpace(buf[end - 1])) end--;
  if (start === end || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const NAMED_ENTITIES: Record<string, number> = { amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27 };

/** The code point of the reference between `&` and `;` (`start..end`). Throws `XmlError`. */
function entityCodePoint(buf: Buffer, start: number, end: number): number {
  let cp = -1;
  if (buf[start] === 0x23 /* # */) {
    const hex = buf[start + 1] === 0x78; /* x */
    const digits = start + (hex ? 2 : 1);
    if (digits < end && end - digits <= 8) {
      cp = 0;
      for (let i = digits; i < end && cp >= 0; i++) {
        const b = buf[i] | 0x20;
        const d = b >= 0x30 && b <= 0x39 ? b - 0x30 : hex && b >= 0x61 && b <= 0x66 ? b - 0x57 : -1;
        cp = d < 0 ? -1 : cp * (hex ? 16 : 10) + d;
      }
    }
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = -1;
  } else {
    const name = buf.toString('latin1', start, end);
    cp = Object.hasOwn(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : -1;
  }
  if (cp < 0) throw new XmlError(`无法识别的字符引用 &${shown(buf, start, end)};`);
  return cp;
}

/** Longest entity we accept between `&` and `;`: `#x10FFFF` and `#1114111` have 8 and 8. */
const MAX_ENTITY = 10;

/**
 * A growing byte buffer: the text of a cell or a shared string as it arrives, or the shared
 * strings table itself. It doubles as needed, up to `limit` bytes.
 */
export class Bytes {
  buf: Buffer;
  len = 0;

  constructor(
    capacity: number,
    private readonly limit: number,
    private readonly what: string,
  ) {
    this.buf = Buffer.allocUnsafeSlow(Math.max(16, capacity));
  }

  private grow(need: number): void {
    if (need > this.limit) throw new XmlError(`${this.what}超过 ${this.limit} 字节`);
    const next = Buffer.allocUnsafeSlow(Math.min(this.limit, Math.max(need, this.buf.length * 2)));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  reset(): void {
    this.len = 0;
  }

  append(src: Buffer, start: number, end: number): void {
    const n = end - start;
    if (n <= 0) return;
    if (this.len + n > this.buf.length) this.grow(this.len + n);
    const buf = this.buf;
    if (n < 32) {
      let at = this.len;
      for (let i = start; i < end; i++) buf[at++] = src[i];
    } else {
      src.copy(buf, this.len, start, end);
    }
    this.len += n;
  }

  private byte(b: number): void {
    if (this.len + 1 > this.buf.length) this.grow(this.len + 1);
    this.buf[this.len++] = b;
  }

  private codePoint(cp: number): void {
    if (cp < 0x80) this.byte(cp);
    else if (cp < 0x800) {
      this.byte(0xc0 | (cp >> 6));
      this.byte(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      this.byte(0xe0 | (cp >> 12));
      this.byte(0x80 | ((cp >> 6) & 0x3f));
      this.byte(0x80 | (cp & 0x3f));
    } else {
      this.byte(0xf0 | (cp >> 18));
      this.byte(0x80 | ((cp >> 12) & 0x3f));
      this.byte(0x80 | ((cp >> 6) & 0x3f));
      this.byte(0x80 | (cp & 0x3f));
    }
  }

  /** CDATA text: taken as it is, so its `&` is escaped here for `decodeInto` to restore. */
  appendLiteral(src: Buffer, start: number, end: number): void {
    let run = start;
    for (let i = start; i < end; i++) {
      if (src[i] === AMP) {
        this.append(src, run, i + 1);
        this.append(AMP_REST, 0, AMP_REST.length);
        run = i + 1;
      }
    }
    this.append(src, run, end);
  }

  /**
   * Appends raw XML text with its references decoded (`&amp;`, `&#20225;`, `&#x4F01;`…) and
   * line ends normalised as XML does (CR LF and a lone CR become LF). Throws `XmlError`.
   */
  decodeFrom(src: Buffer, start: number, end: number): void {
    let run = start;
    for (let i = start; i < end; i++) {
      const b = src[i];
      if (b === AMP) {
        this.append(src, run, i);
        let semi = i + 1;
        const stop = Math.min(end, i + 2 + MAX_ENTITY);
        while (semi < stop && src[semi] !== 0x3b) semi++;
        if (semi >= stop) throw new XmlError('字符引用没有以“;”结束');
        this.codePoint(entityCodePoint(src, i + 1, semi));
        i = semi;
        run = i + 1;
      } else if (b === CR) {
        this.append(src, run, i);
        this.byte(LF);
        if (i + 1 < end && src[i + 1] === LF) i++;
        run = i + 1;
      }
    }
    this.append(src, run, end);
  }

  /** Whether the bytes need `decodeFrom` (they hold a reference or a CR). */
  needsDecoding(): boolean {
    const buf = this.buf;
    for (let i = 0; i < this.len; i++) {
      const b = buf[i];
      if (b === AMP || b === CR) return true;
    }
    return false;
  }
}

const AMP_REST = Buffer.from('amp;');

/**
 * Text whose bytes are not UTF-8. The readers say where (row and column); a U+FFFD silently put
 * in place of the bytes would be written to the database as if the file had said it.
 */
export class InvalidUtf8Error extends XmlError {
  constructor() {
    super('内容含有无效的 UTF-8 字节');
    this.name = 'InvalidUtf8Error';
  }
}

/** The bytes `start..end` as a string; `InvalidUtf8Error` when they are not UTF-8. */
export function utf8(buf: Buffer, start: number, end: number): string {
  if (!isUtf8(buf.subarray(start, end))) throw new InvalidUtf8Error();
  return buf.toString('utf8', start, end);
}

/**
 * Decodes raw XML text (as collected in `raw`) to a string, using `scratch` when it holds
 * references. The raw bytes are checked: what references add is always valid UTF-8.
 */
export function xmlText(raw: Bytes, scratch: Bytes): string {
  if (raw.len === 0) return '';
  if (!raw.needsDecoding()) return utf8(raw.buf, 0, raw.len);
  scratch.reset();
  scratch.decodeFrom(raw.buf, 0, raw.len);
  return utf8(scratch.buf, 0, scratch.len);
}

/** An attribute value as a string, references decoded. */
export function attributeText(buf: Buffer, at: Attribute, scratch: Bytes): string {
  let plain = true;
  for (let i = at.value; i < at.valueEnd && plain; i++) plain = buf[i] !== AMP && buf[i] !== CR;
  if (plain) return utf8(buf, at.value, at.valueEnd);
  scratch.reset();
  scratch.decodeFrom(buf, at.value, at.valueEnd);
  return utf8(scratch.buf, 0, scratch.len);
}
