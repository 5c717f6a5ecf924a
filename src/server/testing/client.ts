import type { Hono } from 'hono';
import { totpCode } from '../auth/totp.ts';

/**
 * Talks to the app in-process the way the web app does: it keeps cookies, fetches the
 * CSRF token and sends it with every state change.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(private app: Hono<any>) {}

  async request(method: string, path: string, body?: unknown, opts: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.request(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attrs.some((a) => /max-age=0|expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
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

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body ?? {});
  put = (path: string, body?: unknown) => this.request('PUT', path, body ?? {});
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body ?? {});

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
