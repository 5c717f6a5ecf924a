// What the attachment store accepts (issue #16 item 6; docs/attachments.md): the kinds of file,
// each known by its bytes, not its name, and the limits. Shared by the server's checks and the
// web form's hints, so the two never disagree.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Files per record: bounds what one record can hold (10 × 10 MB). */
export const MAX_ATTACHMENTS_PER_RECORD = 10;
/** Characters of a file name, extension included. */
export const MAX_ATTACHMENT_NAME = 100;

export const ATTACHMENT_KINDS = [
  { code: 'pdf', extensions: ['pdf'], contentType: 'application/pdf', label: 'PDF 文档' },
  {
    code: 'docx',
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（.docx）',
  },
  {
    code: 'xlsx',
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格（.xlsx）',
  },
  {
    code: 'pptx',
    extensions: ['pptx'],
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    label: 'PowerPoint 演示文稿（.pptx）',
  },
  { code: 'jpeg', extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg', label: 'JPEG 图片' },
  { code: 'png', extensions: ['png'], contentType: 'image/png', label: 'PNG 图片' },
  { code: 'txt', extensions: ['txt'], contentType: 'text/plain; charset=utf-8', label: '文本文件（UTF-8）' },
] as const;

export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]['code'];

/** The `accept` attribute of a file input: the extensions allowed. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`)).join(',');

/** The allowed extensions as a user reads them: .pdf、.docx、… */
export const ATTACHMENT_EXTENSIONS_TEXT = ATTACHMENT_KINDS.flatMap((k) => k.extensions.map((e) => `.${e}`)).join('、');

export function attachmentKindOfExtension(ext: string): (typeof ATTACHMENT_KINDS)[number] | undefined {
  const lower = ext.toLowerCase();
  return ATTACHMENT_KINDS.find((k) => (k.extensions as readonly string[]).includes(lower));
}
