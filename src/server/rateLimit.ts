import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors.ts';
import type { AppEnv } from './http.ts';

/**
 * A fixed-window limit per client address, in memory: it slows password guessing across
 * many accounts from one address, which the per-account lockout does not.
 */
export function rateLimit(opts: { windowMs: number; max: number }): MiddlewareHandler<AppEnv> {
  // Counted per app (its deps), not per module: the routers are module-level and shared by
  // every app a process makes (the test workers make many), and one app's clients must not
  // spend another's window.
  const perApp = new WeakMap<object, Map<string, { start: number; count: number }>>();
  return async (c, next) => {
    const deps = c.get('deps');
    let hits = perApp.get(deps);
    if (!hits) {
      hits = new Map();
      perApp.set(deps, hits);
    }
    const key = c.get('ip') ?? 'unknown';
    const now = Date.now();
    let entry = hits.get(key);
    if (!entry || now - entry.start >= opts.windowMs) {
      entry = { start: now, count: 0 };
      hits.set(key, entry);
      if (hits.size > 10_000) for (const [k, v] of hits) if (now - v.start >= opts.windowMs) hits.delete(k);
    }
    entry.count++;
    if (entry.count > opts.max) {
      throw new HttpError(429, 'rate_limited', '请求过于频繁，请稍后再试');
    }
    await next();
  };
}
