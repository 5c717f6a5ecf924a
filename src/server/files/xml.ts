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
const EQ = 0x3d;
const COLON = 0x3a;

export const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x09 || b === 0x0d;

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
export const shown = (buf: Buffer, start: number, end: number) =>
  buf.toString('latin1', start, Math.min(end, start + 40));

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
