import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { HttpError } from './errors.ts';
import { formatSize } from './files/errors.ts';
import type { AppEnv } from './http.ts';

/** The largest JSON body any route takes: a form's worth, far below what parsing could choke on. */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * The routes whose body is a file: an import streamed to disk by `receiveUpload`, which counts
 * it against DANGJIAN_MAX_UPLOAD_MB as it arrives, and a record's attachment, which
 * `receiveAttachment` holds to its own 10 MB; every other body is JSON.
 */
const UPLOAD_PATH = /^\/api\/(imports\/[a-z]+|[a-z-]+\/\d+\/attachments)$/;

const tooLarge = (max: number) => new HttpError(413, 'too_large', `请求内容超过 ${formatSize(max)} 的上限`);

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BYTES,
  onError: () => {
    throw tooLarge(MAX_JSON_BYTES);
  },
});

function hasBody(headers: Headers): boolean {
  return headers.has('transfer-encoding') || Number(headers.get('content-length') ?? 0) > 0;
}

/**
 * Every body is bounded before anything parses it: a JSON body at 1 MB (read through a
 * counting stream when no length is declared), an upload at its own cap, refused at once
 * when its declared length is over it. A body that is not JSON where JSON is expected is a
 * 400 naming the rule, not a validation error about missing fields.
 */
export function bodyLimits(maxUploadBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const headers = c.req.raw.headers;
    if (!c.req.raw.body || !hasBody(headers)) return next();
    if (c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path)) {
      if (Number(headers.get('content-length') ?? 0) > maxUploadBytes) throw tooLarge(maxUploadBytes);
      return next();
    }
    const type = (headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!/^application\/([\w.-]+\+)?json$/.test(type)) {
      throw new HttpError(400, 'bad_content_type', '请求内容须为 JSON（Content-Type: application/json）');
    }
    return jsonLimit(c, next);
  };
}

/** The error and its causes, outermost first. */
function causes(err: unknown): unknown[] {
  const all: unknown[] = [];
  for (let e = err; e && typeof e === 'object' && all.length < 10; e = (e as { cause?: unknown }).cause) all.push(e);
  return all;
}

// 57014: the statement timeout (or a cancel request) stopped the query.
const queryCanceled = (err: unknown) => causes(err).some((e) => (e as { code?: unknown }).code === '57014');

/**
 * The errors that are not ours but still the client's or the load's, as the answer a
 * person can act on: a body that is not JSON, a query the statement timeout cancelled
 * (its transaction is rolled back by then). Anything else stays a 500.
 */
export function knownError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof HTTPException && err.status === 400) {
    return new HttpError(400, 'bad_json', '请求内容不是有效的 JSON');
  }
  if (err instanceof HTTPException && err.status === 413) return tooLarge(MAX_JSON_BYTES);
  // A request whose client left is stopped at its next statement (db/turns.ts); the query
  // error that carries it is not a failure of the server.
  const gone = causes(err).find((e) => e instanceof HttpError && e.code === 'client_gone');
  if (gone) return gone as HttpError;
  if (queryCanceled(err)) {
    return new HttpError(503, 'timeout', '查询超时，已取消，未作任何更改；请缩小查询范围或稍后重试');
  }
  return null;
}
