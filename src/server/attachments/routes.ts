// The routes of a record's attachments, declared once for every kind of owner: under the
// owner's own path and permissions, so whoever may read the record may list and download its
// files, whoever may change it may add and remove them, and anyone else gets the record's 404.
import { z } from '@hono/zod-openapi';
import type { AuditEntity } from '../../domain/auditActions.ts';
import type { Permission } from '../../domain/roles.ts';
import { inScope } from '../db/tx.ts';
import { type AreaRouter, done, Ok } from '../route.ts';
import { byId, idParam } from '../schemas.ts';
import { checkAttachmentContent } from './content.ts';
import { checkAttachmentName } from './name.ts';
import type { AttachmentOwner } from './owners.ts';
import { receiveAttachment, refuseDeclaredOversize } from './receive.ts';
import { addAttachment, deleteAttachment, listAttachments, readAttachment } from './store.ts';

export const Attachment = z
  .object({
    id: z.number(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().openapi({ description: '字节数' }),
    uploadedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Attachment');

const oneFile = z.object({ id: idParam, attachmentId: idParam });

/** `Content-Disposition: attachment` with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export interface AttachmentRoutesOptions {
  /** The owner's path, `/api/meetings/{id}`; the files are under `…/attachments`. */
  path: string;
  read: Permission;
  write: Permission;
  /** The audit entity of the owner, named in a refusal's row. */
  entity: AuditEntity;
}

/** Declares list, upload, download and delete of `owner`'s attachments on `router`. */
export function attachmentRoutes(router: AreaRouter, owner: AttachmentOwner, opts: AttachmentRoutesOptions) {
  const base = `${opts.path}/attachments`;

  router.define({
    method: 'get',
    path: base,
    permission: opts.read,
    action: 'attachment.list',
    entity: opts.entity,
    summary: `${owner.label}的附件：文件名、类型、大小、上传人`,
    params: byId,
    response: z.array(Attachment),
    describe: '附件，先传的在前',
    handler: ({ tx, actor, input }) => listAttachments(tx, actor, owner, input.params.id),
  });

  // The body is read (at most 10 MB, in memory) and checked before any transaction opens; the
  // record is then loaded, locked and the file stored and audited in one transaction.
  router.defineOwnTransaction({
    method: 'post',
    path: base,
    permission: opts.write,
    action: 'attachment.upload',
    entity: opts.entity,
    summary: `上传${owner.label}的附件（请求体为文件本身）：PDF、Word、Excel、PowerPoint、JPEG、PNG 或 UTF-8 文本，不超过 10 MB；按文件内容检查类型，拒绝可执行内容和宏；加密保存`,
    params: byId,
    query: z.object({ fileName: z.string().max(1000).openapi({ description: '文件名（含扩展名）' }) }),
    response: z.object({ id: z.number() }),
    describe: '已保存',
    handler: async ({ db, actor, input, c, deps }) => {
      const ownerId = input.params.id;
      // An unknown or out-of-scope record is 404 before its body is read.
      await inScope(db, actor, (tx) => owner.load(tx, actor, ownerId, {}));
      refuseDeclaredOversize(c.req.header('content-length'));
      const { name, kind } = checkAttachmentName(input.query.fileName);
      const bytes = await receiveAttachment(c.req.raw.body);
      await checkAttachmentContent(bytes, kind.code);
      return inScope(db, actor, (tx) =>
        addAttachment(tx, actor, deps.keys, owner, ownerId, { name, kind: kind.code, bytes }),
      );
    },
  });

  router.define({
    method: 'get',
    path: `${base}/{attachmentId}`,
    permission: opts.read,
    action: 'attachment.download',
    entity: opts.entity,
    summary: `下载${owner.label}的附件（原文件；下载记入审计日志）`,
    params: oneFile,
    response: { file: 'application/octet-stream', description: '附件原文件' },
    handler: async ({ tx, actor, input, c }) => {
      const file = await readAttachment(
        tx,
        actor,
        c.get('deps').keys,
        owner,
        input.params.id,
        input.params.attachmentId,
      );
      return new Response(new Uint8Array(file.bytes), {
        headers: {
          'content-type': file.contentType,
          'content-length': String(file.bytes.length),
          'content-disposition': attachmentDisposition(file.fileName),
          'x-content-type-options': 'nosniff',
          // Never rendered as a page of this site, even if a browser were to try.
          'content-security-policy': "default-src 'none'; sandbox",
          'cache-control': 'private, no-store',
        },
      });
    },
  });

  router.define({
    method: 'delete',
    path: `${base}/{attachmentId}`,
    permission: opts.write,
    action: 'attachment.delete',
    entity: opts.entity,
    summary: `删除${owner.label}的附件（审计日志保留文件名和大小）`,
    params: oneFile,
    response: Ok,
    describe: '已删除',
    handler: ({ tx, actor, input }) =>
      done(deleteAttachment(tx, actor, owner, input.params.id, input.params.attachmentId)),
  });
}
