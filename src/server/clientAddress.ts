import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import proxyaddr from 'proxy-addr';
import type { AppEnv } from './http.ts';

/**
 * Sets the client's address (`ip`), which the audit trail records and the per-address login
 * limits key on. X-Forwarded-For is whatever the client chose to write, so it is believed
 * only from the configured reverse proxies (`DANGJIAN_TRUSTED_PROXIES`), and then only up to
 * the first hop that is not one of them; without any, the direct peer is the client.
 */
export function clientAddress(trustedProxies: readonly string[]): MiddlewareHandler<AppEnv> {
  // Compiled once: a malformed entry stops the server at start, not at the first request.
  const trust = proxyaddr.compile([...trustedProxies]);
  return async (c, next) => {
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
    const peer = incoming?.socket?.remoteAddress;
    let ip: string | null = peer ?? null;
    if (peer && trustedProxies.length > 0) {
      const forwarded = c.req.header('x-forwarded-for');
      const req = { socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} };
      ip = proxyaddr(req as unknown as IncomingMessage, trust);
    }
    c.set('ip', ip);
    await next();
  };
}
