// The strings of attachments (附件), shared by every record that keeps files, in both languages.
import { ATTACHMENT_EXTENSIONS_TEXT } from '../../domain/attachments.ts';

export const attachmentsZhCN = {
  'attachments.title': '附件',
  'attachments.none': '暂无附件',
  'attachments.add': '添加附件',
  'attachments.pick': '选择文件',
  'attachments.hint': `可上传 ${ATTACHMENT_EXTENSIONS_TEXT} 文件，每个不超过 10 MB，每条记录最多 10 个；文件加密保存，下载会记入审计日志`,
  'attachments.download': '下载',
  'attachments.delete': '删除',
  'attachments.deleteConfirm': '删除这个附件？',
  'attachments.uploaded': '已上传 {name}',
  'attachments.deleted': '已删除',
  'attachments.by': '{name} 上传于 {date}',
  'attachments.pending': '保存会议后上传',
  'attachments.remove': '移除',
  'attachments.failed': '会议已保存，但附件“{name}”未能上传：{reason}。可在会议页面重新上传',
};

type Keys = keyof typeof attachmentsZhCN;

export const attachmentsEnUS: Record<Keys, string> = {
  'attachments.title': 'Attachments',
  'attachments.none': 'No attachments',
  'attachments.add': 'Add attachment',
  'attachments.pick': 'Choose files',
  'attachments.hint': `${ATTACHMENT_EXTENSIONS_TEXT} files, up to 10 MB each and 10 per record; stored encrypted, downloads are audited`,
  'attachments.download': 'Download',
  'attachments.delete': 'Delete',
  'attachments.deleteConfirm': 'Delete this attachment?',
  'attachments.uploaded': 'Uploaded {name}',
  'attachments.deleted': 'Deleted',
  'attachments.by': 'Uploaded by {name} on {date}',
  'attachments.pending': 'Uploaded when the meeting is saved',
  'attachments.remove': 'Remove',
  'attachments.failed':
    'The meeting is saved, but "{name}" was not uploaded: {reason}. Upload it again on the meeting page',
};
