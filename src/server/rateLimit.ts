import type { MiddlewareHandler } from 'hono';
import { HttpError } from './errors.ts';
import type { AppEnv } from './http.ts';

/**
 * A fixed-window limit per client address, in memory: it slows password guessing across
 * many accounts from one address, which the per-account lockout does not.
 */
export function rateLimit(opts: { windowMs: number; max: number }): MiddlewareHandler<AppEnv> {
  const hits = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
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
