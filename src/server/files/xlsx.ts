/**
 * Rows of the first worksheet of an .xlsx, through ExcelJS's streaming reader, with every
 * unpacked byte counted by us.
 *
 * ExcelJS's `WorkbookReader` unzips its input itself (unzipper, walking local headers) and offers
 * no hook on the inflated bytes; it also copies every worksheet that comes before the shared
 * strings in the zip to a temporary file, which is the order its own streaming writer produces.
 * So we do not hand it the upload. We hand it a small, plain zip that we build on the fly from
 * the upload's checked central directory, holding only what it needs, in the order it needs it:
 *
 *   xl/_rels/workbook.xml.rels, xl/workbook.xml, xl/sharedStrings.xml (an empty table when the
 *   file has none), xl/styles.xml (for date formats), and the first worksheet, nothing else.
 *
 * The parts are stored (not compressed): we inflate them ourselves with zlib, counting the bytes
 * against the budget and stopping at each entry's declared size, so ExcelJS never receives more
 * than the directory declared, other sheets and media are never inflated, and nothing is
 * written to disk.
 */
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { type SheetRow, trimTrailingBlanks } from './cells.ts';
import { formatSize, UploadError } from './errors.ts';
import {
  centralHeader,
  endOfCentralDirectory,
  InflateBudget,
  inflateEntry,
  localHeader,
  METHOD_STORED,
  readEntry,
  readZipDirectory,
  UTF8_NAME_FLAG,
  type ZipDirectory,
  type ZipEntry,
  type ZipLimits,
} from './zip.ts';

const MB = 1024 * 1024;

export interface XlsxLimits extends ZipLimits {
  /** The shared strings table is held in memory while the sheet is read (ExcelJS `sharedStrings: 'cache'`). */
  maxSharedStringsBytes: number;
}

/** workbook.xml and its relationships, which we parse in memory. */
const MAX_WORKBOOK_PART_BYTES = 16 * MB;
/** styles.xml, which ExcelJS parses into memory. */
const MAX_STYLES_BYTES = 64 * MB;

export const DEFAULT_MAX_SHARED_STRINGS_BYTES = 128 * MB;

const REL_TYPE = /\/(worksheet|sharedStrings|styles)$/;
const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

const missing = (part: string) =>
  new UploadError('xlsx_missing_part', `文件不是有效的 xlsx：缺少 ${part}。请在 Excel 中打开后另存为 .xlsx 再上传`);

function decodeXml(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return Buffer.from(buf.subarray(2)).swap16().toString('utf16le');
  return buf.toString('utf8');
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] ?? '';
  });
}

/** The attributes of one start tag (the text between the element name and `>`). */
function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    map.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  }
  return map;
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
  rels: Buffer;
  workbook: Buffer;
  sharedStrings?: ZipEntry;
  styles?: ZipEntry;
  sheet: ZipEntry;
}

/** Finds the first worksheet in tab order, and the shared strings and styles, from the workbook's relationships. */
async function locateParts(path: string, dir: ZipDirectory, budget: InflateBudget): Promise<XlsxParts> {
  const relsEntry = dir.get('xl/_rels/workbook.xml.rels');
  const workbookEntry = dir.get('xl/workbook.xml');
  if (!workbookEntry) throw missing('xl/workbook.xml');
  if (!relsEntry) throw missing('xl/_rels/workbook.xml.rels');
  const rels = await readEntry(path, dir, relsEntry, budget, MAX_WORKBOOK_PART_BYTES);
  const workbook = await readEntry(path, dir, workbookEntry, budget, MAX_WORKBOOK_PART_BYTES);

  const byId = new Map<string, { type: string; part?: string }>();
  const byType = new Map<string, string>();
  for (const m of decodeXml(rels).matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\s([^>]*)>/g)) {
    const a = attributes(m[1]);
    const type = REL_TYPE.exec(a.get('Type') ?? '')?.[1] ?? 'other';
    const part = a.get('TargetMode') === 'External' ? undefined : resolveTarget(a.get('Target') ?? '');
    const id = a.get('Id');
    if (id !== undefined) byId.set(id, { type, part });
    if (part && !byType.has(type)) byType.set(type, part);
  }

  const xml = decodeXml(workbook);
  const open = /<(?:[A-Za-z_][\w.-]*:)?sheets[\s>]/.exec(xml);
  const close = /<\/(?:[A-Za-z_][\w.-]*:)?sheets\s*>/.exec(xml);
  const sheetsXml = open && close ? xml.slice(open.index, close.index) : '';
  let sheet: ZipEntry | undefined;
  for (const m of sheetsXml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\s([^>]*)>/g)) {
    const a = attributes(m[1]);
    const rid = [...a].find(([k]) => k.endsWith(':id'))?.[1];
    const rel = rid === undefined ? undefined : byId.get(rid);
    if (rel?.type !== 'worksheet' || !rel.part) continue; // a chart sheet, or a broken reference
    sheet = dir.get(rel.part);
    if (!sheet) throw missing(rel.part);
    break;
  }
  if (!sheet) throw new UploadError('xlsx_no_worksheet', '文件中没有工作表，请确认数据在第一个工作表中');

  const find = (type: string, fallback: string) => {
    const part = byType.get(type);
    return (part && dir.get(part)) || dir.get(fallback);
  };
  const sharedStrings = find('sharedStrings', 'xl/sharedStrings.xml');
  const styles = find('styles', 'xl/styles.xml');
  if (styles && styles.uncompressedSize > MAX_STYLES_BYTES) {
    throw new UploadError(
      'xlsx_unreadable',
      `文件的样式表（${styles.name}）有 ${formatSize(styles.uncompressedSize)}，超过上限 ${formatSize(MAX_STYLES_BYTES)}`,
    );
  }
  return { rels, workbook, sharedStrings, styles, sheet };
}

type Part = { name: string; data: Buffer } | { name: string; entry: ZipEntry };

/** Where the incomplete UTF-8 sequence at the end of `b` starts, or `b.length` when there is none. */
export function utf8CompleteLength(b: Uint8Array): number {
  for (let i = b.length - 1; i >= 0 && i >= b.length - 4; i--) {
    const c = b[i];
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return i + length > b.length ? i : b.length;
    }
  }
  return b.length;
}

/**
 * The same bytes, re-cut so that no chunk ends inside a UTF-8 character. ExcelJS's streaming
 * reader decodes each chunk on its own (`TextDecoder.decode(chunk)` without `stream: true`),
 * so a Chinese character split between two chunks becomes "\uFFFD\uFFFD…". Our stored entries
 * reach it in the chunks we yield, so cutting them on character boundaries avoids that.
 */
export async function* utf8Aligned(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | undefined;
  for await (const piece of chunks) {
    const chunk: Buffer = carry ? Buffer.concat([carry, piece]) : piece;
    const cut = utf8CompleteLength(chunk);
    carry = cut < chunk.length ? Buffer.from(chunk.subarray(cut)) : undefined;
    if (cut > 0) yield chunk.subarray(0, cut);
  }
  if (carry) yield carry;
}

/** The plain zip ExcelJS reads: stored entries in the order it needs, data inflated and counted by us. */
async function* repack(path: string, dir: ZipDirectory, parts: Part[], budget: InflateBudget): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const size = 'data' in part ? part.data.length : part.entry.uncompressedSize;
    const fields = {
      name,
      flags: UTF8_NAME_FLAG,
      method: METHOD_STORED,
      crc32: 'data' in part ? crc32(part.data) : part.entry.crc32,
      compressedSize: size,
      uncompressedSize: size,
    };
    const header = localHeader(fields);
    central.push(centralHeader({ ...fields, localHeaderOffset: offset }));
    yield header;
    if ('data' in part) yield part.data;
    else yield* utf8Aligned(inflateEntry(path, dir, part.entry, budget));
    offset += header.length + size;
  }
  const cd = Buffer.concat(central);
  yield cd;
  yield endOfCentralDirectory(parts.length, cd.length, offset);
}

function rowCells(row: ExcelJS.Row): unknown[] {
  const values = row.values as unknown[];
  const cells: unknown[] = [];
  for (let i = 1; i < values.length; i++) cells.push(values[i] ?? null);
  return trimTrailingBlanks(cells);
}

export async function* readXlsxRows(path: string, limits: XlsxLimits): AsyncGenerator<SheetRow> {
  const dir = await readZipDirectory(path, limits);
  const budget = new InflateBudget(limits.maxUncompressedBytes);
  const found = await locateParts(path, dir, budget);
  if (found.sharedStrings && found.sharedStrings.uncompressedSize > limits.maxSharedStringsBytes) {
    throw new UploadError(
      'xlsx_unreadable',
      `文件的共享字符串表有 ${formatSize(found.sharedStrings.uncompressedSize)}，超过上限 ${formatSize(limits.maxSharedStringsBytes)}`,
    );
  }
  const sheetName = /^xl\/worksheets\/sheet\d+\.xml$/.test(found.sheet.name)
    ? found.sheet.name
    : 'xl/worksheets/sheet1.xml';
  const parts: Part[] = [
    { name: 'xl/_rels/workbook.xml.rels', data: found.rels },
    { name: 'xl/workbook.xml', data: found.workbook },
    found.sharedStrings
      ? { name: 'xl/sharedStrings.xml', entry: found.sharedStrings }
      : { name: 'xl/sharedStrings.xml', data: EMPTY_SST },
    ...(found.styles ? [{ name: 'xl/styles.xml', entry: found.styles }] : []),
    { name: sheetName, entry: found.sheet },
  ];

  const source = Readable.from(repack(path, dir, parts, budget), { objectMode: false });
  // ExcelJS pipes `source` into its unzipper, and an error in a piped source reaches neither: its
  // iterators would wait for ever. So every wait on ExcelJS also ends when our source fails.
  // (Not `Promise.race` with one long-lived promise: each race would add a reaction to it that
  // holds the row it resolved with, and memory would grow with the rows.)
  let sourceError: unknown;
  let abort: ((error: unknown) => void) | undefined;
  source.on('error', (error) => {
    sourceError = error;
    abort?.(error);
  });
  const race = <T>(p: Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      if (sourceError !== undefined) return reject(sourceError);
      abort = reject;
      p.then(resolve, reject);
    });

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    const sheets = reader[Symbol.asyncIterator]();
    const first = await race(sheets.next());
    if (first.done) throw new UploadError('xlsx_no_worksheet', '文件中没有工作表，请确认数据在第一个工作表中');
    const rows = first.value[Symbol.asyncIterator]();
    for (;;) {
      const next = await race(rows.next());
      if (next.done) break;
      // The number is the row's `r` attribute, the one Excel shows (ExcelJS cannot read rows without it).
      const cells = rowCells(next.value);
      if (cells.length > 0) yield { rowNumber: next.value.number, cells };
    }
    // Let ExcelJS read to the end of our zip (only the directory is left), so that it finishes.
    await race(sheets.next());
  } catch (error) {
    if (sourceError !== undefined) throw sourceError;
    if (error instanceof UploadError) throw error;
    const detail = error instanceof Error ? error.message.split('\n')[0].slice(0, 200) : String(error);
    throw new UploadError('xlsx_unreadable', `无法读取工作表内容，文件可能已损坏（${detail}）`, { cause: error });
  } finally {
    source.destroy();
  }
}
