// What the bytes of an attachment really are. The declared extension names the kind; the bytes
// must be that kind (by their magic numbers and, for Office files, the package's own content
// types), and nothing in them may run: programs, scripts, web pages, macros, PDF actions,
// embedded OLE packages, and zip bombs are refused with the reason, before anything is stored.
import type { AttachmentKind } from '../../domain/attachments.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/attachments.ts';
import { HttpError } from '../errors.ts';
import { formatSize } from '../files/errors.ts';
import { InflateBudget, openZip, type ZipArchive, type ZipLimits } from '../files/zip.ts';

const refuse = (message: string) => new HttpError(400, 'attachment_content', message);
const dangerous = (message: string) => new HttpError(400, 'attachment_unsafe', message);

/** An Office package of a 10 MB upload unpacks to far less; more is a bomb. */
const OFFICE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
};

const starts = (b: Buffer, ...bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/** The program formats, by their magic numbers: none may be stored, whatever its name says. */
function executableOf(b: Buffer): string | undefined {
  if (starts(b, 0x4d, 0x5a)) return 'Windows 可执行程序（EXE/DLL）';
  if (starts(b, 0x7f, 0x45, 0x4c, 0x46)) return 'Linux 可执行程序（ELF）';
  if (
    starts(b, 0xfe, 0xed, 0xfa, 0xce) ||
    starts(b, 0xfe, 0xed, 0xfa, 0xcf) ||
    starts(b, 0xce, 0xfa, 0xed, 0xfe) ||
    starts(b, 0xcf, 0xfa, 0xed, 0xfe) ||
    starts(b, 0xca, 0xfe, 0xba, 0xbe)
  ) {
    return 'macOS 可执行程序（Mach-O）或 Java 类文件';
  }
  if (starts(b, 0x23, 0x21)) return '脚本文件（以 #! 开头）';
  return undefined;
}

/** Other things a renamed file often is, to say what was received. */
function describe(b: Buffer): string {
  if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'PDF 文档';
  if (starts(b, 0x50, 0x4b, 0x03, 0x04)) return 'zip 压缩包或 Office 文档';
  if (starts(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return '旧版 Office 文档（.doc/.xls/.ppt）';
  if (starts(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'PNG 图片';
  if (starts(b, 0xff, 0xd8, 0xff)) return 'JPEG 图片';
  if (starts(b, 0x47, 0x49, 0x46, 0x38)) return 'GIF 图片';
  if (starts(b, 0x52, 0x61, 0x72, 0x21)) return 'RAR 压缩包';
  if (starts(b, 0x37, 0x7a, 0xbc, 0xaf)) return '7z 压缩包';
  return b.subarray(0, 4096).includes(0) ? '二进制文件' : '文本文件';
}

const LABELS: Record<AttachmentKind, string> = {
  pdf: 'PDF',
  docx: 'Word 文档',
  xlsx: 'Excel 表格',
  pptx: 'PowerPoint 演示文稿',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  txt: 'UTF-8 文本',
};

function mismatch(kind: AttachmentKind, b: Buffer): HttpError {
  const hint = describe(b).startsWith('旧版 Office') ? '。请在 Office 或 WPS 中另存为 .docx/.xlsx/.pptx 再上传' : '';
  return refuse(`文件内容不是${LABELS[kind]}（看起来是${describe(b)}），与扩展名不符${hint}`);
}

/**
 * Checks `bytes` are a `kind` file with nothing executable in them; throws a 400 (413 over the
 * size limit) whose message says why. Office packages are unpacked once, within limits, to
 * check every entry's real size and checksum.
 */
export async function checkAttachmentContent(bytes: Buffer, kind: AttachmentKind): Promise<void> {
  if (bytes.length === 0) throw refuse('文件是空的（0 字节）');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new HttpError(
      413,
      'too_large',
      `文件大小为 ${formatSize(bytes.length)}，超过上限 ${formatSize(MAX_ATTACHMENT_BYTES)}`,
    );
  }
  const program = executableOf(bytes);
  if (program) throw dangerous(`文件是${program}，为安全起见不能上传可执行文件`);
  switch (kind) {
    case 'pdf':
      if (!starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) throw mismatch(kind, bytes);
      return checkPdf(bytes);
    case 'jpeg':
      if (!starts(bytes, 0xff, 0xd8, 0xff)) throw mismatch(kind, bytes);
      return;
    case 'png':
      if (!starts(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) throw mismatch(kind, bytes);
      return;
    case 'txt':
      return checkText(bytes);
    default:
      if (!starts(bytes, 0x50, 0x4b, 0x03, 0x04)) throw mismatch(kind, bytes);
      return checkOffice(bytes, kind);
  }
}

/**
 * PDF actions that run something on opening: scripts, launching a program, embedded files,
 * rich media. Names may be written with #xx escapes (/J#61vaScript), so those are decoded first.
 * A name inside a compressed object stream is not seen; the file is still only ever served as a
 * download, never shown inline.
 */
const PDF_ACTIVE = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia'];

function checkPdf(bytes: Buffer) {
  const text = bytes
    .toString('latin1')
    .replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  for (const name of PDF_ACTIVE) {
    // A PDF name ends at whitespace or a delimiter.
    if (new RegExp(`/${name}(?=[\\s/<>\\[\\]()%{}]|$)`).test(text)) {
      throw dangerous(`PDF 文件含有可执行的内容（/${name}），为安全起见不能上传；请“打印为 PDF”另存一份再上传`);
    }
  }
}

function checkText(bytes: Buffer) {
  if (bytes.includes(0)) throw refuse(`文件内容不是${LABELS.txt}（看起来是${describe(bytes)}），与扩展名不符`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('文本文件须为 UTF-8 编码；请在记事本或 WPS 中“另存为”UTF-8 编码后再上传');
  }
  const lower = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (lower.startsWith('<') || /<(script|svg|html|iframe|object|embed)[\s>/]/.test(lower)) {
    throw dangerous('文本文件的内容是网页或 SVG 标记（可能含脚本），为安全起见不能上传；请上传 PDF 或 Word 文档');
  }
}

const MAIN_TYPES: Record<'docx' | 'xlsx' | 'pptx', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
};

async function checkOffice(bytes: Buffer, kind: 'docx' | 'xlsx' | 'pptx') {
  let zip: ZipArchive;
  try {
    zip = await openZip(bytes, OFFICE_ZIP_LIMITS);
  } catch (err) {
    throw officeRefusal(err);
  }
  try {
    const budget = new InflateBudget(OFFICE_ZIP_LIMITS.maxUncompressedBytes);
    const types = zip.get('[Content_Types].xml');
    if (!types) throw mismatch(kind, bytes);
    const declared = (await zip.read(types, budget, 1024 * 1024)).toString('utf8');
    for (const entry of zip.entries) {
      const base = entry.name.split('/').pop()!.toLowerCase();
      if (base === 'vbaproject.bin' || base === 'vbadata.xml') {
        throw dangerous('文件含有宏（VBA 代码），为安全起见不能上传；请另存为不含宏的 .docx/.xlsx/.pptx 再上传');
      }
      if (entry.name.toLowerCase().includes('activex/')) {
        throw dangerous('文件含有 ActiveX 控件，为安全起见不能上传');
      }
      if (/^oleobject\d*\.bin$/.test(base) || base.endsWith('.exe')) {
        throw dangerous(`文件内嵌有 OLE 对象或程序（“${entry.name}”），为安全起见不能上传；请删除嵌入对象后再上传`);
      }
    }
    if (/macroEnabled|vbaProject/i.test(declared)) {
      throw dangerous('文件是启用宏的 Office 文档，为安全起见不能上传；请另存为不含宏的格式再上传');
    }
    if (!declared.includes(MAIN_TYPES[kind])) throw refuse(`文件内容不是${LABELS[kind]}，与扩展名 .${kind} 不符`);
    // Every entry unpacked once against one budget: the real sizes and checksums, not only the
    // declared ones, so a package that lies about its sizes is refused here, not in Word.
    for (const entry of zip.entries) {
      let first = true;
      for await (const chunk of zip.inflate(entry, budget)) {
        if (first && executableOf(chunk)) {
          throw dangerous(`文件内嵌有可执行程序（“${entry.name}”），为安全起见不能上传`);
        }
        first = false;
      }
    }
  } catch (err) {
    throw officeRefusal(err);
  } finally {
    await zip.close();
  }
}

/** The zip reader speaks of xlsx; an attachment can be any Office file. */
function officeRefusal(err: unknown): unknown {
  if (!(err instanceof HttpError) || err.code.startsWith('attachment_')) return err;
  return refuse(err.message.replace('有效的 xlsx（zip）文件', '有效的 Office 文件'));
}
