/**
 * A small streaming XML scanner for the parts of an .xlsx we read (shared strings, styles and
 * a worksheet). It works on the UTF-8 bytes as they are inflated, chunk by chunk, and allocates
 * next to nothing per element: names and attributes are handed to the handler as byte ranges of
 * the chunk, and text is copied only where the handler asks for it. Markup split between two
 * chunks is carried over; text is handed on in pieces, so a character or an entity split
 * between chunks is put together again by whoever collects the text (`Bytes`), which decodes
 * entities and UTF-8 only at the end.
 *
 * It checks what it must to read a part faithfully — start and end tags match, attributes are
 * quoted, one root element, the document ends with it — and refuses DTDs outright, so no entity
 * is ever defined or expanded by the file. It is not a validating parser.
 */

/** A part that is not the XML we can read; the message (in Chinese) says what is wrong. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/** A tag, comment, CDATA section or processing instruction longer than this is not a spreadsheet's. */
const MAX_MARKUP_BYTES = 1024 * 1024;
/** SpreadsheetML nests a few levels deep. */
const MAX_DEPTH = 256;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;
const CR = 0x0d;
const LF = 0x0a;
const EQ = 0x3d;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;

/**
 * What the scanner reports. Positions are byte offsets into `buf`, valid only during the call.
 * `name` is where the element's local name starts (after any `prefix:`); `nameEnd` where the
 * name ends; the attributes lie between `nameEnd` and `attrsEnd`. Text comes raw (entities not
 * decoded) and possibly in several pieces; CDATA comes as it is.
 */
export interface XmlHandler {
  open(buf: Buffer, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void;
  close(buf: Buffer, name: number, nameEnd: number): void;
  text(buf: Buffer, start: number, end: number): void;
  cdata(buf: Buffer, start: number, end: number): void;
}

/** FNV-1a over a tag's qualified name, to match end tags to start tags without making strings. */
function nameHash(buf: Buffer, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  return h | 0;
}

function localName(buf: Buffer, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) if (buf[i] === COLON) return i + 1;
  return start;
}

/** A name, shown in a message: at most 40 bytes, as Latin-1 (the names we meet are ASCII). */
const shown = (buf: Buffer, start: number, end: number) => buf.toString('latin1', start, Math.min(end, start + 40));

const CDATA_OPEN = Buffer.from('<![CDATA[');

export class XmlScanner {
  private carry: Buffer | undefined;
  private readonly stack = new Int32Array(MAX_DEPTH);
  private depth = 0;
  private started = false;
  private rootSeen = false;
  private rootClosed = false;

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece of the document. Throws `XmlError`. */
  push(chunk: Buffer): void {
    let buf = chunk;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    if (this.started) {
      this.scan(buf, 0);
    } else if (buf.length < 3) {
      this.carry = buf; // too short to tell whether it starts with a byte order mark
    } else {
      this.started = true;
      this.scan(buf, this.byteOrderMark(buf));
    }
  }

  /** The document is complete. Throws `XmlError` when it is not. */
  end(): void {
    if (!this.started && this.carry) {
      const rest = this.carry;
      this.carry = undefined;
      this.started = true;
      this.scan(rest, this.byteOrderMark(rest));
    }
    if (this.carry) throw new XmlError('文件在标记中途结束');
    if (!this.rootSeen) throw new XmlError('没有任何 XML 元素');
    if (this.depth > 0) throw new XmlError('有元素没有结束标签');
  }

  /** Where the document starts after a UTF-8 byte order mark; refuses UTF-16. */
  private byteOrderMark(buf: Buffer): number {
    if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
      throw new XmlError('不支持 UTF-16 编码');
    }
    return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  }

  private scan(buf: Buffer, pos: number): void {
    const n = buf.length;
    while (pos < n) {
      const lt = buf.indexOf(LT, pos);
      if (lt < 0) {
        if (this.depth > 0) this.handler.text(buf, pos, n);
        return;
      }
      if (lt > pos && this.depth > 0) this.handler.text(buf, pos, lt);
      const end = this.markup(buf, lt);
      if (end < 0) {
        if (n - lt > MAX_MARKUP_BYTES) throw new XmlError('标记过长');
        this.carry = buf.subarray(lt);
        return;
      }
      pos = end;
    }
  }

  /** Handles the markup at `lt`; returns where it ends, or -1 when it is not all in `buf` yet. */
  private markup(buf: Buffer, lt: number): number {
    const n = buf.length;
    if (lt + 1 >= n) return -1;
    const c = buf[lt + 1];
    if (c === SLASH) return this.endTag(buf, lt);
    if (c === 0x3f /* ? */) {
      const q = buf.indexOf('?>', lt + 2, 'latin1');
      return q < 0 ? -1 : q + 2;
    }
    if (c === 0x21 /* ! */) {
      if (lt + 4 > n) return -1;
      if (buf[lt + 2] === 0x2d && buf[lt + 3] === 0x2d) {
        const q = buf.indexOf('-->', lt + 4, 'latin1');
        return q < 0 ? -1 : q + 3;
      }
      const have = Math.min(n - lt, CDATA_OPEN.length);
      if (buf.compare(CDATA_OPEN, 0, have, lt, lt + have) === 0) {
        if (have < CDATA_OPEN.length) return -1;
        const q = buf.indexOf(']]>', lt + CDATA_OPEN.length, 'latin1');
        if (q < 0) return -1;
        if (this.depth === 0) throw new XmlError('根元素之外有 CDATA');
        this.handler.cdata(buf, lt + CDATA_OPEN.length, q);
        return q + 3;
      }
      throw new XmlError('不支持 DOCTYPE 等声明');
    }
    return this.startTag(buf, lt);
  }

  private startTag(buf: Buffer, lt: number): number {
    const n = buf.length;
    const start = lt + 1;
    let p = start;
    while (p < n) {
      const b = buf[p];
      if (isSpace(b) || b === SLASH || b === GT) break;
      if (b === LT || b === QUOTE || b === APOS || b === EQ) throw new XmlError('标签名无效');
      p++;
    }
    if (p >= n) return -1;
    const nameEnd = p;
    if (nameEnd === start) throw new XmlError('标签名为空');
    let quote = 0;
    for (; p < n; p++) {
      const b = buf[p];
      if (b === LT) throw new XmlError(`标签 <${shown(buf, start, nameEnd)}> 中有“<”`);
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === QUOTE || b === APOS) quote = b;
      else if (b === GT) break;
    }
    if (p >= n) return -1;
    const selfClosing = buf[p - 1] === SLASH;
    if (this.depth === 0) {
      if (this.rootClosed) throw new XmlError('有多个根元素');
      this.rootSeen = true;
    }
    this.handler.open(buf, localName(buf, start, nameEnd), nameEnd, selfClosing ? p - 1 : p, selfClosing);
    if (selfClosing) {
      if (this.depth === 0) this.rootClosed = true;
    } else {
      if (this.depth >= MAX_DEPTH) throw new XmlError('元素嵌套过深');
      this.stack[this.depth++] = nameHash(buf, start, nameEnd);
    }
    return p + 1;
  }

  private endTag(buf: Buffer, lt: number): number {
    const gt = buf.indexOf(GT, lt + 2);
    if (gt < 0) return -1;
    const start = lt + 2;
    let nameEnd = start;
    while (nameEnd < gt && !isSpace(buf[nameEnd])) nameEnd++;
    for (let i = nameEnd; i < gt; i++) if (!isSpace(buf[i])) throw new XmlError('结束标签格式错误');
    if (nameEnd === start) throw new XmlError('结束标签没有名称');
    if (this.depth === 0 || this.stack[this.depth - 1] !== nameHash(buf, start, nameEnd)) {
      throw new XmlError(`结束标签 </${shown(buf, start, nameEnd)}> 与开始标签不匹配`);
    }
    this.depth--;
    if (this.depth === 0) this.rootClosed = true;
    this.handler.close(buf, localName(buf, start, nameEnd), nameEnd);
    return gt + 1;
  }
}

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

/** Decodes raw XML text (as collected in `raw`) to a string, using `scratch` when it holds references. */
export function xmlText(raw: Bytes, scratch: Bytes): string {
  if (raw.len === 0) return '';
  if (!raw.needsDecoding()) return raw.buf.toString('utf8', 0, raw.len);
  scratch.reset();
  scratch.decodeFrom(raw.buf, 0, raw.len);
  return scratch.buf.toString('utf8', 0, scratch.len);
}

/** An attribute value as a string, references decoded. */
export function attributeText(buf: Buffer, at: Attribute, scratch: Bytes): string {
  let plain = true;
  for (let i = at.value; i < at.valueEnd && plain; i++) plain = buf[i] !== AMP && buf[i] !== CR;
  if (plain) return buf.toString('utf8', at.value, at.valueEnd);
  scratch.reset();
  scratch.decodeFrom(buf, at.value, at.valueEnd);
  return scratch.buf.toString('utf8', 0, scratch.len);
}
