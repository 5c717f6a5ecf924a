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

type Query = Record<string, string | number | undefined | null>;

/** `?a=1&b=2` without the empty ones; '' when nothing is left. */
export function queryString(params: Query): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function parseDetails(details: unknown): FieldError[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string');
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
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
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (typeof json?.csrfToken === 'string') csrfToken = json.csrfToken;
  if (!res.ok) {
    const e = json?.error;
    const error = new ApiError(
      res.status,
      typeof e?.code === 'string' ? e.code : `http_${res.status}`,
      typeof e?.message === 'string' ? e.message : res.statusText,
      parseDetails(e?.details),
    );
    if (isSessionError(error)) onAuthError(error);
    throw error;
  }
  return json as T;
}

export const api = {
  get: <T>(path: string, query: Query = {}) => request<T>('GET', path + queryString(query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
};
