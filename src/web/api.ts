// The one place the web app talks HTTP: JSON in and out, the CSRF header on every state
// change, and the server's `{ error: { code, message, details } }` turned into ApiError.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
  }
}

// The token of the latest GET /api/session, login, password or TOTP response. The server
// ties it to the session (or, before login, to a double-submit cookie).
let csrfToken = '';

type AuthErrorListener = (error: ApiError) => void;
let onAuthError: AuthErrorListener = () => {};

/** Told when the session is gone (401) or still owes a login step (403 login_incomplete). */
export function setAuthErrorListener(listener: AuthErrorListener): void {
  onAuthError = listener;
}

/** Errors that mean "your session is not what you think": the session must be reloaded. */
export function isSessionError(error: ApiError): boolean {
  return (
    (error.status === 401 && error.code === 'unauthenticated') ||
    (error.status === 403 && (error.code === 'login_incomplete' || error.code === 'csrf'))
  );
}

type Scalar = string | number | boolean | undefined | null;
export type Query = Record<string, Scalar | readonly string[]>;

/** `?a=1&b=2` without the empty ones; a list repeats its key (`k=x&k=y`); '' when nothing is left. */
export function queryString(params: Query): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      if (one !== undefined && one !== null && one !== '') search.append(k, String(one));
    }
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function parseDetails(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string');
}

/** The server's answer as JSON, or the ApiError it means (after telling the session of a session error). */
function answer<T>(status: number, statusText: string, text: string): T {
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (typeof json?.csrfToken === 'string') csrfToken = json.csrfToken;
  if (status < 200 || status >= 300) {
    const e = json?.error;
    const error = new ApiError(
      status,
      typeof e?.code === 'string' ? e.code : `http_${status}`,
      typeof e?.message === 'string' ? e.message : statusText,
      parseDetails(e?.details),
    );
    if (isSessionError(error)) onAuthError(error);
    throw error;
  }
  return json as T;
}

let language = 'zh-CN';
/** The UI language, sent with every call so the server's prompts and warnings follow it. */
export function setApiLanguage(lang: string) {
  language = lang;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  return answer<T>(res.status, res.statusText, await res.text());
}

/**
 * POSTs a file as the raw request body (`application/octet-stream`), telling `onProgress`
 * the fraction sent so far. XMLHttpRequest, not fetch: only it reports upload progress.
 */
export function uploadFile<T>(
  path: string,
  query: Query,
  file: Blob,
  onProgress: (fraction: number) => void = () => {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path + queryString(query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      try {
        resolve(answer<T>(xhr.status, xhr.statusText, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', ''));
    xhr.send(file);
  });
}

export const api = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', path + queryString(query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};
