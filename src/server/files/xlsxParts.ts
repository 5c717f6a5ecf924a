/**
 * The parts of an .xlsx that say where the data is: [Content_Types].xml (is this a workbook?),
 * xl/workbook.xml (which sheet is first, 1904 dates) and its relationships (which file each
 * sheet, the shared strings and the styles are). They are small and read whole, through the
 * same byte-level scanner as the sheet — no regular expression ever sees them, so no part can
 * make the reader backtrack — and each is capped before it is inflated.
 */
import { posix } from 'node:path';
import { formatSize, UploadError, unreadable } from './errors.ts';
import { type XmlHandler, XmlScanner } from './xml.ts';
import { Attribute, attributeText, Bytes, MAX_TEXT_BYTES, nextAttribute } from './xmlText.ts';
import type { InflateBudget, ZipArchive, ZipEntry } from './zip.ts';

const MB = 1024 * 1024;

/**
 * [Content_Types].xml, workbook.xml and its relationships, read whole. Excel writes a few
 * kilobytes; a megabyte is room for thousands of sheets and defined names.
 */
export const MAX_WORKBOOK_PART_BYTES = 1 * MB;
/** styles.xml, which we scan for the number formats of the cell styles. */
const MAX_STYLES_BYTES = 64 * MB;

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

export interface XlsxParts {
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
export async function locateParts(zip: ZipArchive, budget: InflateBudget): Promise<XlsxParts> {
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
