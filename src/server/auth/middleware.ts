import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { actorOf } from '../actor.ts';
import { HttpError } from '../errors.ts';
import type { AppContext, AppEnv } from '../http.ts';
import { getSecurityPolicy } from '../settings/policy.ts';
import { sessionState } from './login.ts';
import { loadSession, newToken, SESSION_COOKIE } from './sessions.ts';

export const CSRF_COOKIE = 'dj_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Loads the session behind the cookie and, once every login step is done, the actor. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('session', null);
  c.set('actor', null);
  const token = getCookie(c, SESSION_COOKIE) ?? null;
  c.set('token', token);
  if (token) {
    const { db } = c.get('deps').database;
    const loaded = await loadSession(db, token, await getSecurityPolicy(db));
    if (loaded) {
      c.set('session', { row: loaded.session, user: loaded.user });
      const state = sessionState(loaded.user, loaded.session.mfaPending);
      if (!state.mfaRequired && !state.mustChangePassword && !state.mustEnrolTotp) {
        c.set('actor', actorOf(loaded.user, c.get('ip')));
      }
    }
  }
  await next();
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Every state change carries the CSRF token in a header: the session's own token once
 * logged in, before that the double-submit cookie. SameSite=Strict cookies are the first
 * line; this is the second.
 */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
  const sent = c.req.header(CSRF_HEADER) ?? '';
  const session = c.get('session');
  const expected = session ? session.row.csrfToken : (getCookie(c, CSRF_COOKIE) ?? '');
  if (!sent || !expected || !same(sent, expected)) {
    throw new HttpError(403, 'csrf', '请求校验失败（CSRF），请刷新页面后重试');
  }
  return next();
};

/** The token a page must send back: the session's, or a fresh double-submit cookie. */
export function csrfTokenFor(c: AppContext): string {
  const session = c.get('session');
  if (session) return session.row.csrfToken;
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing) return existing;
  const token = newToken();
  setCookie(c, CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'Strict',
    secure: c.get('deps').config.secureCookies,
    httpOnly: false,
  });
  return token;
}

export function setSessionCookie(c: AppContext, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: c.get('deps').config.secureCookies,
  });
}
