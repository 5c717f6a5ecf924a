/**
 * The first look at every uploaded spreadsheet (enterprise, organization and member imports):
 * size, extension, what the bytes really are, and for an .xlsx its zip directory, all before
 * anything is unpacked. Then the size and SHA-256 that the import batch records.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { formatSize, UploadError } from './errors.ts';
import { DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipLimits } from './zip.ts';

export type UploadKind = 'xlsx' | 'csv';

export interface InspectOptions extends Partial<ZipLimits> {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
}

export interface InspectedUpload {
  kind: UploadKind;
  size: number;
  /** Lower-case hex. */
  sha256: string;
}

/** How much of the start of the file is sniffed. */
const HEAD_BYTES = 8 * 1024;

/** The kind an upload's name promises, from its extension (any case); the name may carry a path. */
export function uploadKind(declaredName: string): UploadKind {
  const base = declaredName.trim().split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (ext === 'xlsx' || ext === 'csv') return ext;
  const shown = base.length > 60 ? `${base.slice(0, 57)}…` : base;
  const hint = ['xls', 'et', 'xlsm', 'xlsb', 'ods', 'numbers'].includes(ext)
    ? '。请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传'
    : '';
  throw new UploadError(
    'unsupported_extension',
    ext
      ? `只能上传 .xlsx 或 .csv 文件，“${shown}”的扩展名是 .${ext}${hint}`
      : `只能上传 .xlsx 或 .csv 文件，“${shown}”没有扩展名`,
  );
}

const startsWith = (head: Buffer, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** Start tags that mark a web page; markup is looked at with `indexOf`, never a regular expression. */
const HTML_TAGS = ['!doctype html', 'html', 'table', 'head', 'body', 'meta'];

/** Whether `text` holds `<tag` followed by something that cannot continue a name (as `\b` would say). */
function startsTag(text: string, tag: string): boolean {
  for (let at = text.indexOf(`<${tag}`); at >= 0; at = text.indexOf(`<${tag}`, at + 1)) {
    const next = text.charCodeAt(at + tag.length + 1);
    const continuesName =
      (next >= 0x30 && next <= 0x39) ||
      (next >= 0x41 && next <= 0x5a) ||
      (next >= 0x61 && next <= 0x7a) ||
      next === 0x5f;
    if (!continuesName) return true;
  }
  return false;
}

/** What the first bytes of a file look like, in words, or `undefined` for plain text. */
export function describeContent(head: Buffer): string | undefined {
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) return 'zip 压缩包，可能是改了扩展名的 .xlsx 文件';
  if (startsWith(head, 0x50, 0x4b, 0x05, 0x06) || startsWith(head, 0x50, 0x4b, 0x07, 0x08)) return 'zip 压缩包';
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    // A password-protected .xlsx is also an OLE2 compound file, holding an "EncryptedPackage" stream.
    return head.includes(Buffer.from('EncryptedPackage', 'utf16le'))
      ? '受密码保护的 Excel 文件，请先取消密码'
      : '旧版 .xls 文件';
  }
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'PDF 文件';
  if (startsWith(head, 0x52, 0x61, 0x72, 0x21, 0x1a, 0x07)) return 'RAR 压缩包';
  if (startsWith(head, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z 压缩包';
  if (startsWith(head, 0x1f, 0x8b)) return 'gzip 压缩文件';
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47)) return 'PNG 图片';
  if (startsWith(head, 0xff, 0xd8, 0xff)) return 'JPEG 图片';
  if (startsWith(head, 0x47, 0x49, 0x46, 0x38)) return 'GIF 图片';
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) return 'UTF-16 编码的文本文件';
  if (head.includes(0)) return '二进制文件';
  const text = head
    .toString('latin1', 0, 1024)
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (text.startsWith('{\\rtf')) return 'RTF 文档';
  if (text.startsWith('<')) {
    if (text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'Excel 2003 XML 表格';
    if (HTML_TAGS.some((tag) => startsTag(text, tag))) return '网页（HTML）文件，有的系统导出的“Excel”其实是网页';
    return 'XML 文件';
  }
  return undefined;
}

function mismatch(kind: UploadKind, looksLike: string, hint: string): UploadError {
  const space = /^[\x21-\x7e]/.test(looksLike) ? ' ' : '';
  return new UploadError(
    'content_mismatch',
    `文件扩展名为 .${kind}，但内容不是 ${kind}（看起来是${space}${looksLike}）。${hint}`,
  );
}

const RESAVE_XLSX = '请在 Excel 或 WPS 中打开后“另存为” .xlsx 再上传';
const RESAVE_CSV = '请上传 .xlsx 文件，或在 Excel 中另存为“CSV UTF-8（逗号分隔）”再上传';

function checkHead(kind: UploadKind, head: Buffer): void {
  const looksLike = describeContent(head);
  if (kind === 'xlsx') {
    if (!startsWith(head, 0x50, 0x4b, 0x03, 0x04)) throw mismatch(kind, looksLike ?? '文本文件（如 CSV）', RESAVE_XLSX);
    return;
  }
  if (looksLike === 'UTF-16 编码的文本文件') {
    throw new UploadError(
      'csv_encoding',
      '文件是 UTF-16 编码的文本（Excel 的“Unicode 文本”），系统只接受 UTF-8 或 GB18030 编码的 CSV。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”再上传',
    );
  }
  if (looksLike !== undefined) {
    const hint = looksLike.startsWith('zip 压缩包，') ? '若是 Excel 文件，请把扩展名改为 .xlsx 再上传' : RESAVE_CSV;
    throw mismatch(kind, looksLike, hint);
  }
}

/** What a zip without a workbook is, judged by its well-known parts. */
function describeZip(dir: ZipArchive): string {
  if (dir.get('xl/workbook.bin')) return 'Excel 二进制工作簿（.xlsb）';
  if (dir.get('word/document.xml')) return 'Word 文档（.docx）';
  if (dir.get('ppt/presentation.xml')) return 'PowerPoint 演示文稿（.pptx）';
  if (dir.get('mimetype') && dir.get('content.xml')) return 'OpenDocument 文档（如 .ods）';
  return '普通 zip 压缩包';
}

/**
 * Checks an uploaded file and returns its kind, size and SHA-256, or throws `UploadError`:
 * over `maxBytes`; empty; extension not .xlsx/.csv; bytes that are not what the extension says;
 * for .xlsx, a zip directory that is ZIP64, has too many entries, unsafe names, encrypted
 * entries, unsupported compression, a declared unpacked size or compression ratio over the
 * limits (`DEFAULT_ZIP_LIMITS` unless given), or no `[Content_Types].xml` / `xl/workbook.xml`.
 * Nothing is unpacked; the bytes are read twice at most (head and directory, then the hash).
 */
export async function inspectUpload(
  path: string,
  declaredName: string,
  opts: InspectOptions,
): Promise<InspectedUpload> {
  const kind = uploadKind(declaredName);
  const limits: ZipLimits = {
    maxEntries: opts.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxUncompressedBytes: opts.maxUncompressedBytes ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
    maxCompressionRatio: opts.maxCompressionRatio ?? DEFAULT_ZIP_LIMITS.maxCompressionRatio,
    ratioCheckMinBytes: opts.ratioCheckMinBytes ?? DEFAULT_ZIP_LIMITS.ratioCheckMinBytes,
  };
  const tooLarge = (size: number) =>
    new UploadError('file_too_large', `文件大小为 ${formatSize(size)}，超过上限 ${formatSize(opts.maxBytes)}`);

  const info = await stat(path);
  if (!info.isFile()) throw new UploadError('file_empty', '上传的不是文件');
  if (info.size > opts.maxBytes) throw tooLarge(info.size);
  if (info.size === 0) throw new UploadError('file_empty', '文件是空的（0 字节）');

  const fh = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, info.size));
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  checkHead(kind, head);

  if (kind === 'xlsx') {
    const dir = await openZip(path, limits);
    try {
      if (!dir.get('xl/workbook.xml')) {
        throw mismatch(kind, describeZip(dir), `缺少 xl/workbook.xml。${RESAVE_XLSX}`);
      }
      if (!dir.get('[Content_Types].xml')) {
        throw new UploadError('xlsx_missing_part', `文件不是有效的 xlsx：缺少 [Content_Types].xml。${RESAVE_XLSX}`);
      }
    } finally {
      await dir.close();
    }
  }

  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > opts.maxBytes) throw tooLarge(size);
    hash.update(chunk);
  }
  return { kind, size, sha256: hash.digest('hex') };
}
