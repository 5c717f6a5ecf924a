/**
 * Rows of the first worksheet of an .xlsx, read by our own streaming reader with every unpacked
 * byte counted.
 *
 * The zip's central directory is checked first (`openZip`, yauzl under our limits); the parts we
 * need are found through the workbook's relationships (the first worksheet in tab order, the
 * shared strings, the styles), and each is inflated from the offset the directory gives, counted
 * against the budget and stopped at its declared size (`ZipArchive.inflate`). Other sheets and
 * media are never inflated, and nothing is written to disk.
 *
 * Memory does not grow with the rows. What is held while the sheet is read:
 *
 * - the shared strings table, as its UTF-8 bytes one after another plus an array of where each
 *   starts (`SharedStrings`); a string is made only when a cell uses it;
 * - one flag per cell style: whether its number format is a date format (`StylesReader`);
 * - the row being read, and the rows completed in the current inflated chunk (64 KB).
 *
 * Every XML part — [Content_Types].xml, the workbook and its relationships, shared strings,
 * styles, the sheet — is scanned as bytes (`XmlScanner` in xml.ts), never matched with regular
 * expressions, so that a cell costs about one value and no SAX events, Row or Cell objects
 * (reading used to allocate several GB of short-lived objects for 100,000 rows, and V8 let the
 * process grow with that), and so that no part can make the reader backtrack.
 *
 * Cells come out as `SheetRow` says (cells.ts): string, number, boolean, Date, `{ error }`,
 * `{ formula, result }`, or null for a missing cell.
 */
import { posix } from 'node:path';
import { type SheetRow, trimTrailingBlanks } from './cells.ts';
import { formatSize, UploadError } from './errors.ts';
import {
  Attribute,
  attributeText,
  Bytes,
  nameIs,
  nextAttribute,
  parseIndex,
  XmlError,
  type XmlHandler,
  XmlScanner,
  xmlText,
} from './xml.ts';
import { InflateBudget, openZip, type ZipArchive, type ZipEntry, type ZipLimits } from './zip.ts';

const MB = 1024 * 1024;

export interface XlsxLimits extends ZipLimits {
  /** The shared strings part, whose text is held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
}

/** [Content_Types].xml, workbook.xml and its relationships, which are read whole. */
const MAX_WORKBOOK_PART_BYTES = 16 * MB;
/** styles.xml, which we scan for the number formats of the cell styles. */
const MAX_STYLES_BYTES = 64 * MB;
/** Excel allows 64,000 cell styles. */
const MAX_CELL_STYLES = 1 << 20;
/**
 * The raw XML text of one cell value, formula or shared string. Excel's own limit is 32,767
 * characters (under 400 KB even written as character references).
 */
const MAX_TEXT_BYTES = 1 * MB;
/** Column XFD, Excel's last. */
const MAX_COLUMNS = 16_384;

export const DEFAULT_MAX_SHARED_STRINGS_BYTES = 128 * MB;

const RELATIONSHIP_TYPES = ['worksheet', 'sharedStrings', 'styles'] as const;

/** The content types of a workbook part that we read: SpreadsheetML, with or without macros, or a template. */
const WORKBOOK_CONTENT_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml',
  'application/vnd.ms-excel.template.macroenabled.main+xml',
]);

const missing = (part: string) =>
  new UploadError('xlsx_missing_part', `文件不是有效的 xlsx：缺少 ${part}。请在 Excel 中打开后另存为 .xlsx 再上传`);

/**
 * For the small parts read whole (content types, relationships, workbook): each start tag as
 * strings, its local name, the local names of the elements it is in, and its attributes with
 * references decoded. Built on the same byte-level scanner as the sheet, so these parts get the
 * same refusals (no DTD, no entity but the five predefined and character references).
 */
class ElementVisitor implements XmlHandler {
  private readonly path: string[] = [];
  private readonly at = new Attribute();
  private readonly scratch = new Bytes(256, MAX_TEXT_BYTES, '属性值');

  constructor(
    private readonly visit: (name: string, parents: readonly string[], attributes: Map<string, string>) => void,
  ) {}

  open(buf: Buffer, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void {
    const at = this.at;
    const attributes = new Map<string, string>();
    for (let p = nextAttribute(buf, nameEnd, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
      attributes.set(buf.toString('utf8', at.name, at.nameEnd), attributeText(buf, at, this.scratch));
    }
    const local = buf.toString('utf8', name, nameEnd);
    this.visit(local, this.path, attributes);
    if (!selfClosing) this.path.push(local);
  }

  close(): void {
    this.path.pop();
  }

  text(): void {}
  cdata(): void {}
}

/**
 * Scans a part held in memory. Excel writes UTF-8; a part in UTF-16 (with its byte order mark,
 * as XML requires) is turned into UTF-8 first, since these parts are small.
 */
function scanWhole(bytes: Buffer, handler: XmlHandler): void {
  let utf8 = bytes;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) utf8 = Buffer.from(bytes.subarray(2).toString('utf16le'));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    utf8 = Buffer.from(Buffer.from(bytes.subarray(2)).swap16().toString('utf16le'));
  }
  const scanner = new XmlScanner(handler);
  scanner.push(utf8);
  scanner.end();
}

/** `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/xl/x.xml` → `xl/x.xml`; undefined if it leaves the package. */
function resolveTarget(target: string): string | undefined {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {}
  const full = posix.normalize(t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  return full.startsWith('../') || full === '..' || full.startsWith('/') ? undefined : full;
}

interface XlsxParts {
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
  sheet: ZipEntry;
  /** `<workbookPr date1904="1"/>`: date serials count from 1904-01-01 (old Excel for Mac). */
  date1904: boolean;
}

/** Reads a small part whole and scans it with `visit`; a part that is not well-formed is refused, named. */
async function visitPart(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  what: string,
  visit: ConstructorParameters<typeof ElementVisitor>[0],
): Promise<void> {
  const bytes = await zip.read(entry, budget, MAX_WORKBOOK_PART_BYTES);
  try {
    scanWhole(bytes, new ElementVisitor(visit));
  } catch (error) {
    throw unreadable(what, error);
  }
}

/**
 * `[Content_Types].xml`: when it declares the workbook part's type, that must be a SpreadsheetML
 * workbook (a .docx or .pptx renamed, whose parts were moved, is not one).
 */
async function checkContentTypes(zip: ZipArchive, budget: InflateBudget): Promise<void> {
  const entry = zip.get('[Content_Types].xml');
  if (!entry) throw missing('[Content_Types].xml');
  let declared: string | undefined;
  let root: string | undefined;
  await visitPart(zip, entry, budget, '内容类型清单 [Content_Types].xml', (name, parents, attributes) => {
    if (parents.length === 0) root = name;
    else if (
      parents.length === 1 &&
      name === 'Override' &&
      attributes.get('PartName')?.toLowerCase() === '/xl/workbook.xml'
    ) {
      declared = attributes.get('ContentType');
    }
  });
  if (root !== 'Types') {
    throw new UploadError(
      'xlsx_unreadable',
      '无法读取内容类型清单 [Content_Types].xml，文件可能已损坏（根元素不是 Types）',
    );
  }
  if (declared !== undefined && !WORKBOOK_CONTENT_TYPES.has(declared.trim().toLowerCase())) {
    throw new UploadError(
      'xlsx_unreadable',
      `文件的内容类型清单把 xl/workbook.xml 声明为“${declared.slice(0, 100)}”，不是 Excel 工作簿。请在 Excel 中打开后另存为 .xlsx 再上传`,
    );
  }
}

/** Finds the first worksheet in tab order, and the shared strings and styles, from the workbook's relationships. */
async function locateParts(zip: ZipArchive, budget: InflateBudget): Promise<XlsxParts> {
  const relsEntry = zip.get('xl/_rels/workbook.xml.rels');
  const workbookEntry = zip.get('xl/workbook.xml');
  if (!workbookEntry) throw missing('xl/workbook.xml');
  if (!relsEntry) throw missing('xl/_rels/workbook.xml.rels');
  await checkContentTypes(zip, budget);

  const byId = new Map<string, { type: string; part?: string }>();
  const byType = new Map<string, string>();
  await visitPart(zip, relsEntry, budget, '工作簿关系 xl/_rels/workbook.xml.rels', (name, _parents, a) => {
    if (name !== 'Relationship') return;
    const relType = a.get('Type') ?? '';
    const type = RELATIONSHIP_TYPES.find((t) => relType.endsWith(`/${t}`)) ?? 'other';
    const part = a.get('TargetMode') === 'External' ? undefined : resolveTarget(a.get('Target') ?? '');
    const id = a.get('Id');
    if (id !== undefined) byId.set(id, { type, part });
    if (part && !byType.has(type)) byType.set(type, part);
  });

  let date1904: boolean | undefined;
  const sheetIds: string[] = [];
  await visitPart(zip, workbookEntry, budget, '工作簿 xl/workbook.xml', (name, parents, a) => {
    if (name === 'workbookPr' && date1904 === undefined) date1904 = ['1', 'true'].includes(a.get('date1904') ?? '');
    else if (name === 'sheet' && parents.includes('sheets')) {
      const rid = [...a].find(([k]) => k.endsWith(':id'))?.[1];
      if (rid !== undefined) sheetIds.push(rid);
    }
  });

  let sheet: ZipEntry | undefined;
  for (const rid of sheetIds) {
    const rel = byId.get(rid);
    if (rel?.type !== 'worksheet' || !rel.part) continue; // a chart sheet, or a broken reference
    sheet = zip.get(rel.part);
    if (!sheet) throw missing(rel.part);
    break;
  }
  if (!sheet) throw new UploadError('xlsx_no_worksheet', '文件中没有工作表，请确认数据在第一个工作表中');

  const find = (type: string, fallback: string) => {
    const part = byType.get(type);
    return (part && zip.get(part)) || zip.get(fallback);
  };
  const sharedStrings = find('sharedStrings', 'xl/sharedStrings.xml');
  const styles = find('styles', 'xl/styles.xml');
  if (styles && styles.uncompressedSize > MAX_STYLES_BYTES) {
    throw new UploadError(
      'xlsx_unreadable',
      `文件的样式表（${styles.name}）有 ${formatSize(styles.uncompressedSize)}，超过上限 ${formatSize(MAX_STYLES_BYTES)}`,
    );
  }
  return { sharedStrings, styles, sheet, date1904: date1904 ?? false };
}

// ---------------------------------------------------------------------------------------------
// Shared strings

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
class SharedStringsReader implements XmlHandler {
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

// ---------------------------------------------------------------------------------------------
// Styles: which cell styles show a date

/** Excel's built-in date and time formats: 14–22, and the East Asian ones 27–36 and 50–58; 45–47 (times). */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * Whether a number format code shows a date or time: ExcelJS's rule (`utils.isDateFmt`), a
 * y, m, d, h, s or b outside `[…]` (colours, conditions, locales, elapsed time) and `"…"`
 * (literal text). Also, as Excel reads a format, a character after `\` and the padding
 * character after `_` or `*` are literal, and letters count in either case (YYYY-MM-DD).
 */
export function isDateFormatCode(code: string): boolean {
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quoted) quoted = c !== '"';
    else if (bracket) bracket = c !== ']';
    else if (c === '"') quoted = true;
    else if (c === '[') bracket = true;
    else if (c === '\\' || c === '_' || c === '*') i++;
    else if ('ymdhsbYMDHSB'.includes(c)) return true;
  }
  return false;
}

const NUM_FMTS = 1;
const CELL_XFS = 2;

/** `<numFmts><numFmt numFmtId formatCode/>…</numFmts>` and `<cellXfs><xf numFmtId/>…</cellXfs>`. */
class StylesReader implements XmlHandler {
  private section = 0;
  private readonly at = new Attribute();
  private readonly scratch = new Bytes(256, MAX_TEXT_BYTES, '样式属性');
  readonly formats = new Map<number, string>();
  readonly cellFormats: number[] = [];

  open(buf: Buffer, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void {
    const at = this.at;
    if (this.section === NUM_FMTS && nameIs(buf, name, nameEnd, 'numFmt')) {
      let id = -1;
      let code: string | undefined;
      for (let p = nextAttribute(buf, nameEnd, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
        if (nameIs(buf, at.name, at.nameEnd, 'numFmtId')) id = parseIndex(buf, at.value, at.valueEnd);
        else if (nameIs(buf, at.name, at.nameEnd, 'formatCode')) code = attributeText(buf, at, this.scratch);
      }
      if (id >= 0 && code !== undefined) this.formats.set(id, code);
    } else if (this.section === CELL_XFS && nameIs(buf, name, nameEnd, 'xf')) {
      let id = 0;
      for (let p = nextAttribute(buf, nameEnd, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
        if (nameIs(buf, at.name, at.nameEnd, 'numFmtId')) id = parseIndex(buf, at.value, at.valueEnd);
      }
      if (this.cellFormats.length >= MAX_CELL_STYLES) throw new XmlError(`单元格样式超过 ${MAX_CELL_STYLES} 个`);
      this.cellFormats.push(id);
    } else if (!selfClosing && this.section === 0) {
      if (nameIs(buf, name, nameEnd, 'numFmts')) this.section = NUM_FMTS;
      else if (nameIs(buf, name, nameEnd, 'cellXfs')) this.section = CELL_XFS;
    }
  }

  close(buf: Buffer, name: number, nameEnd: number): void {
    if (nameIs(buf, name, nameEnd, 'numFmts') || nameIs(buf, name, nameEnd, 'cellXfs')) this.section = 0;
  }

  text(): void {}
  cdata(): void {}

  /** One flag per cell style (the `s` of a cell): 1 when its number format is a date format. */
  dateStyles(): Uint8Array {
    const flags = new Uint8Array(this.cellFormats.length);
    this.cellFormats.forEach((id, i) => {
      const code = this.formats.get(id);
      flags[i] = (code === undefined ? isBuiltInDateFormat(id) : isDateFormatCode(code)) ? 1 : 0;
    });
    return flags;
  }
}

// ---------------------------------------------------------------------------------------------
// The worksheet

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STRING = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;
const T_DATE = 6;

/** A cell's `t`: s, str, inlineStr, b, e, d; n or anything else is a number. */
function cellType(buf: Buffer, start: number, end: number): number {
  if (nameIs(buf, start, end, 's')) return T_SHARED;
  if (nameIs(buf, start, end, 'str')) return T_STRING;
  if (nameIs(buf, start, end, 'inlineStr')) return T_INLINE;
  if (nameIs(buf, start, end, 'b')) return T_BOOLEAN;
  if (nameIs(buf, start, end, 'e')) return T_ERROR;
  if (nameIs(buf, start, end, 'd')) return T_DATE;
  return T_NUMBER;
}

/** The column of a cell reference (`B2` → 2), 0 when it has no letters, above `MAX_COLUMNS` when too far. */
function columnOf(buf: Buffer, start: number, end: number): number {
  let column = 0;
  for (let i = start; i < end && column <= MAX_COLUMNS; i++) {
    const b = buf[i] & ~0x20; // upper case
    if (b < 0x41 || b > 0x5a) break;
    column = column * 26 + (b - 0x40);
  }
  return column;
}

/** A number as Excel writes it; plain integers without making a string. */
function parseNumber(raw: Bytes): number {
  const buf = raw.buf;
  const len = raw.len;
  const negative = buf[0] === 0x2d;
  const from = negative ? 1 : 0;
  if (len > from && len - from <= 15) {
    let n = 0;
    let i = from;
    for (; i < len; i++) {
      const d = buf[i] - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === len) return negative ? -n : n;
  }
  return Number.parseFloat(buf.toString('latin1', 0, len));
}

/**
 * A date serial as ExcelJS gives it (`utils.excelToDate`): days since 1899-12-30 at UTC, so
 * that the UTC parts are the date and time shown in Excel (from 1900-03-01 on: Excel counts a
 * 29 February 1900 that never was), or since 1904-01-01 in a 1904 workbook.
 */
export function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** `t="d"`: an ISO 8601 date or time; without a zone it is taken as UTC, like the dates above. */
function isoDate(text: string): Date | string {
  const zoned = !text.includes('T') || /(?:Z|[+-]\d\d(?::?\d\d)?)$/i.test(text);
  const date = new Date(zoned ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * The rows of a worksheet, from `<sheetData><row r="N"><c r="B2" t="…" s="…">…</c></row>`.
 * A row without `r` follows the previous one; a cell without `r` follows the previous cell.
 * Completed rows collect in `rows`; the caller takes them after each chunk.
 */
export class SheetReader implements XmlHandler {
  rows: SheetRow[] = [];
  /** The number of the last row begun, to say where a broken sheet broke. */
  lastRow = 0;

  private inSheetData = false;
  private cells: unknown[] | null = null;
  private rowNumber = 0;
  private column = 0;

  private inCell = false;
  private type = T_NUMBER;
  private style = 0;
  private hasValue = false;
  private hasFormula = false;
  private hasInline = false;
  private inInline = false;
  private phonetic = 0;
  private capture: Bytes | null = null;

  private readonly at = new Attribute();
  private readonly value = new Bytes(64, MAX_TEXT_BYTES, '单元格内容');
  private readonly formula = new Bytes(64, MAX_TEXT_BYTES, '公式');
  private readonly inline = new Bytes(64, MAX_TEXT_BYTES, '单元格内容');
  private readonly scratch = new Bytes(64, MAX_TEXT_BYTES, '单元格内容');

  constructor(
    private readonly strings: SharedStrings,
    private readonly dateStyles: Uint8Array,
    private readonly date1904: boolean,
  ) {}

  /** The completed rows so far; the reader starts a new list. */
  take(): SheetRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  open(buf: Buffer, name: number, nameEnd: number, attrsEnd: number, selfClosing: boolean): void {
    if (this.inCell) {
      this.openInCell(buf, name, nameEnd, selfClosing);
    } else if (this.cells !== null) {
      if (nameIs(buf, name, nameEnd, 'c')) this.openCell(buf, nameEnd, attrsEnd, selfClosing);
    } else if (this.inSheetData) {
      if (nameIs(buf, name, nameEnd, 'row')) this.openRow(buf, nameEnd, attrsEnd, selfClosing);
    } else if (!selfClosing && nameIs(buf, name, nameEnd, 'sheetData')) {
      this.inSheetData = true;
    }
  }

  close(buf: Buffer, name: number, nameEnd: number): void {
    if (this.inCell) {
      if (nameEnd - name === 1) {
        const c = buf[name];
        if (c === 0x76 /* v */ || c === 0x66 /* f */ || c === 0x74 /* t */) this.capture = null;
        else if (c === 0x63 /* c */) this.closeCell();
      } else if (nameIs(buf, name, nameEnd, 'is')) this.inInline = false;
      else if (nameIs(buf, name, nameEnd, 'rPh')) this.phonetic--;
    } else if (this.cells !== null) {
      if (nameIs(buf, name, nameEnd, 'row')) this.closeRow();
    } else if (nameIs(buf, name, nameEnd, 'sheetData')) {
      this.inSheetData = false;
    }
  }

  text(buf: Buffer, start: number, end: number): void {
    if (this.capture !== null) this.capture.append(buf, start, end);
  }

  cdata(buf: Buffer, start: number, end: number): void {
    if (this.capture !== null) this.capture.appendLiteral(buf, start, end);
  }

  private openRow(buf: Buffer, attrs: number, attrsEnd: number, selfClosing: boolean): void {
    let r = -1;
    const at = this.at;
    for (let p = nextAttribute(buf, attrs, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
      if (nameIs(buf, at.name, at.nameEnd, 'r')) r = parseIndex(buf, at.value, at.valueEnd);
    }
    this.rowNumber = r > 0 ? r : this.lastRow + 1;
    this.lastRow = this.rowNumber;
    this.column = 0;
    if (!selfClosing) this.cells = [];
  }

  private closeRow(): void {
    const cells = trimTrailingBlanks(this.cells!);
    this.cells = null;
    if (cells.length > 0) this.rows.push({ rowNumber: this.rowNumber, cells });
  }

  private openCell(buf: Buffer, attrs: number, attrsEnd: number, selfClosing: boolean): void {
    let column = 0;
    let type = T_NUMBER;
    let style = 0;
    const at = this.at;
    for (let p = nextAttribute(buf, attrs, attrsEnd, at); p >= 0; p = nextAttribute(buf, p, attrsEnd, at)) {
      if (at.nameEnd - at.name !== 1) continue;
      const c = buf[at.name];
      if (c === 0x72 /* r */) column = columnOf(buf, at.value, at.valueEnd);
      else if (c === 0x74 /* t */) type = cellType(buf, at.value, at.valueEnd);
      else if (c === 0x73 /* s */) style = Math.max(0, parseIndex(buf, at.value, at.valueEnd));
    }
    this.column = column > 0 ? column : this.column + 1;
    if (this.column > MAX_COLUMNS) throw new XmlError(`第 ${this.rowNumber} 行的单元格超出最后一列 XFD`);
    this.type = type;
    this.style = style;
    this.hasValue = false;
    this.hasFormula = false;
    this.hasInline = false;
    this.inCell = !selfClosing;
  }

  private openInCell(buf: Buffer, name: number, nameEnd: number, selfClosing: boolean): void {
    if (nameEnd - name === 1) {
      const c = buf[name];
      if (c === 0x76 /* v */) {
        this.hasValue = true;
        this.value.reset();
        if (!selfClosing) this.capture = this.value;
      } else if (c === 0x66 /* f */) {
        this.hasFormula = true;
        this.formula.reset();
        if (!selfClosing) this.capture = this.formula;
      } else if (c === 0x74 /* t */ && this.inInline && this.phonetic === 0 && !selfClosing) {
        this.capture = this.inline;
      }
    } else if (nameIs(buf, name, nameEnd, 'is')) {
      this.hasInline = true;
      this.inline.reset();
      this.inInline = !selfClosing;
      this.phonetic = 0;
    } else if (!selfClosing && nameIs(buf, name, nameEnd, 'rPh')) {
      this.phonetic++;
    }
  }

  private closeCell(): void {
    this.inCell = false;
    this.inInline = false;
    this.capture = null;
    let value: unknown = null;
    if (this.hasFormula) {
      // As ExcelJS gave it: the formula, and its result as last calculated when there is one.
      const cell: { formula: string; result?: unknown } = { formula: xmlText(this.formula, this.scratch) };
      const result = this.hasValue || this.hasInline ? this.cellValue() : null;
      if (result !== null) cell.result = result;
      value = cell;
    } else if (this.hasValue || this.hasInline) {
      value = this.cellValue();
    }
    if (value === null) return;
    const cells = this.cells!;
    const index = this.column - 1;
    while (cells.length < index) cells.push(null);
    cells[index] = value;
  }

  private cellValue(): unknown {
    const raw = this.value;
    switch (this.type) {
      case T_SHARED: {
        if (raw.len === 0) return null;
        const index = parseIndex(raw.buf, 0, raw.len);
        if (index < 0) throw new XmlError(`第 ${this.rowNumber} 行有无效的共享字符串编号`);
        return this.strings.get(index);
      }
      case T_STRING:
        return xmlText(raw, this.scratch);
      case T_INLINE:
        return xmlText(this.hasInline ? this.inline : raw, this.scratch);
      case T_BOOLEAN: {
        const text = xmlText(raw, this.scratch).trim();
        return text === '' ? null : text !== '0' && text !== 'false';
      }
      case T_ERROR: {
        const text = xmlText(raw, this.scratch).trim();
        return text === '' ? null : { error: text };
      }
      case T_DATE: {
        const text = xmlText(raw, this.scratch).trim();
        return text === '' ? null : isoDate(text);
      }
      default: {
        if (raw.len === 0) return null;
        const n = parseNumber(raw);
        return this.style < this.dateStyles.length && this.dateStyles[this.style] === 1
          ? excelDate(n, this.date1904)
          : n;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

function unreadable(what: string, error: unknown, where = ''): UploadError {
  if (error instanceof UploadError) return error;
  const detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error);
  return new UploadError('xlsx_unreadable', `无法读取${what}，文件可能已损坏（${detail}${where}）`, { cause: error });
}

/** Scans a whole part with `handler`, as it is inflated. */
async function scanPart(
  zip: ZipArchive,
  entry: ZipEntry,
  budget: InflateBudget,
  handler: XmlHandler,
  what: string,
): Promise<void> {
  const scanner = new XmlScanner(handler);
  try {
    for await (const chunk of zip.inflate(entry, budget)) scanner.push(chunk);
    scanner.end();
  } catch (error) {
    throw unreadable(what, error);
  }
}

export async function* readXlsxRows(path: string, limits: XlsxLimits): AsyncGenerator<SheetRow> {
  const zip = await openZip(path, limits);
  try {
    const budget = new InflateBudget(limits.maxUncompressedBytes);
    const found = await locateParts(zip, budget);

    const sst = found.sharedStrings;
    if (sst && sst.uncompressedSize > limits.maxSharedStringsBytes) {
      throw new UploadError(
        'xlsx_unreadable',
        `文件的共享字符串表有 ${formatSize(sst.uncompressedSize)}，超过上限 ${formatSize(limits.maxSharedStringsBytes)}`,
      );
    }
    // The table's text is never longer than its part, so that is the room it gets (pages of it
    // that are never written are never resident).
    const strings = new SharedStrings(sst ? sst.uncompressedSize : 0);
    if (sst) await scanPart(zip, sst, budget, new SharedStringsReader(strings), '共享字符串表');

    let dateStyles: Uint8Array = new Uint8Array(0);
    if (found.styles) {
      const styles = new StylesReader();
      await scanPart(zip, found.styles, budget, styles, '样式表');
      dateStyles = styles.dateStyles();
    }

    const sheet = new SheetReader(strings, dateStyles, found.date1904);
    const scanner = new XmlScanner(sheet);
    try {
      for await (const chunk of zip.inflate(found.sheet, budget)) {
        scanner.push(chunk);
        for (const row of sheet.take()) yield row;
      }
      scanner.end();
    } catch (error) {
      throw unreadable('工作表内容', error, sheet.lastRow > 0 ? `，在第 ${sheet.lastRow} 行附近` : '');
    }
  } finally {
    await zip.close();
  }
}
