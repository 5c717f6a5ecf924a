// The file name an upload declares. It is only ever shown and sent back in a
// Content-Disposition header (the bytes are stored under the row's id), but a hostile name is a
// sign of a hostile upload, so such names are refused with a reason rather than quietly
// cleaned: a user who typed an odd name learns why, and nothing is stored under a name the
// uploader did not choose.
import {
  ATTACHMENT_EXTENSIONS_TEXT,
  attachmentKindOfExtension,
  MAX_ATTACHMENT_NAME,
} from '../../domain/attachments.ts';
import { HttpError } from '../errors.ts';

const refuse = (message: string) => new HttpError(400, 'attachment_name', message);

/**
 * C0 and C1 controls, DEL, and the bidirectional marks, overrides and isolates that can make
 * "minutes\u202Efdp.exe" display as "minutes…exe.pdf".
 */
function hasHidden(name: string): boolean {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || c === 0x200e || c === 0x200f) return true;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}
// Not allowed in a file name on Windows, where a downloaded file must be saved.
const RESERVED = /[<>:"|?*]/;

/** The declared name, NFC-normalised and checked; its extension names the kind the bytes must be. */
export function checkAttachmentName(declared: string) {
  const name = declared.normalize('NFC').trim();
  if (name === '') throw refuse('请填写文件名');
  if (hasHidden(name)) throw refuse('文件名含有控制字符或不可见的方向控制字符，请重命名后再上传');
  if (name.includes('/') || name.includes('\\') || name.split('.').every((p) => p === '')) {
    throw refuse(`文件名“${shown(name)}”含有路径（/、\\ 或 ..），只能是文件本身的名称，请重命名后再上传`);
  }
  if (RESERVED.test(name)) throw refuse('文件名不能含有 < > : " | ? * 这些字符，请重命名后再上传');
  if ([...name].length > MAX_ATTACHMENT_NAME) {
    throw refuse(`文件名不超过 ${MAX_ATTACHMENT_NAME} 个字（含扩展名），请改短后再上传`);
  }
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  const kind = attachmentKindOfExtension(ext);
  if (!kind) {
    throw new HttpError(
      400,
      'attachment_type',
      ext
        ? `不能上传 .${ext} 文件；只能上传 ${ATTACHMENT_EXTENSIONS_TEXT} 文件`
        : `文件“${shown(name)}”没有扩展名；只能上传 ${ATTACHMENT_EXTENSIONS_TEXT} 文件`,
    );
  }
  return { name, kind };
}

const shown = (name: string) => (name.length > 40 ? `${name.slice(0, 37)}…` : name);
