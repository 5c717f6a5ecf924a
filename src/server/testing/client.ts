import type { Hono } from 'hono';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { totpCode } from '../auth/totp.ts';

export interface RequestOptions {
  /** false sends no CSRF header; a string sends that token instead of the client's own. */
  csrf?: boolean | string;
  /** Read the body as bytes (downloads) instead of JSON. */
  binary?: boolean;
  /** The UI language the web app sends (Accept-Language). */
  lang?: string;
}

export interface TestResponse {
  status: number;
  body: any;
  bytes?: Buffer;
  headers: Headers;
}

/**
 * Talks to the app in-process the way the web app does: it keeps cookies, fetches the
 * CSRF token and sends it with every state change. Each client has its own peer address,
 * which the app records in the audit trail and keys its rate limits by.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(
    private app: Hono<any>,
    readonly ip = '127.0.0.1',
  ) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string | undefined) {
    if (value === undefined) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  /** The session cookie's token; tests use it to reach the session's row. */
  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  async request(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.lang) headers['accept-language'] = opts.lang;
    // Bytes go as they are (uploads); anything else as JSON.
    const raw = body instanceof Uint8Array ? new Uint8Array(body) : undefined;
    if (body !== undefined) headers['content-type'] = raw ? 'application/octet-stream' : 'application/json';
    if (method !== 'GET' && opts.csrf !== false) {
      headers['x-csrf-token'] = typeof opts.csrf === 'string' ? opts.csrf : this.csrf;
    }
    // The Node server adapter hands the app the socket as `incoming`; the app reads the peer from it.
    const env = { incoming: { socket: { remoteAddress: this.ip } } };
    const res = await this.app.request(
      path,
      { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) },
      env,
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attrs.some((a) => /max-age=0|expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    if (opts.binary) {
      return { status: res.status, body: null, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.status, body: json, headers: res.headers };
  }

  get = (path: string, opts?: RequestOptions) => this.request('GET', path, undefined, opts);
  post = (path: string, body?: unknown, opts?: RequestOptions) => this.request('POST', path, body ?? {}, opts);
  put = (path: string, body?: unknown, opts?: RequestOptions) => this.request('PUT', path, body ?? {}, opts);
  patch = (path: string, body?: unknown, opts?: RequestOptions) => this.request('PATCH', path, body ?? {}, opts);
  /** POSTs a file's bytes as the request body (`application/octet-stream`), CSRF token included. */
  upload = (path: string, bytes: Uint8Array, opts?: RequestOptions) => this.request('POST', path, bytes, opts);

  /** Logs in and completes every step (TOTP, first password change) so the session is full. */
  async login(username: string, password: string, totpSecret?: string) {
    await this.get('/api/session');
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) return res;
    if (res.body.state.mfaRequired && totpSecret) {
      return this.post('/api/auth/totp', { code: totpCode(totpSecret) });
    }
    return res;
  }
}
