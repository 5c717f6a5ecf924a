import type { MiddlewareHandler } from 'hono';
import { forRequest } from './db/turns.ts';
import type { AppEnv } from './http.ts';

export interface GateOptions {
  /** Requests served at once. */
  maxConcurrent: number;
  /** Requests that may wait for a turn. */
  maxQueued: number;
  /** Longest wait for a turn, in milliseconds. */
  queueWaitMs: number;
  /**
   * A place comes free only on the event loop's next turn (PGlite: see `release`). PostgreSQL
   * answers on later turns anyway, and there the delay only lowered throughput under load.
   */
  freeOnNextTurn: boolean;
}

/** Seconds a client is told to wait before asking again. */
export const RETRY_AFTER_SECONDS = 2;

interface Waiter {
  grant: () => void;
}

/**
 * A bounded door in front of the API. The database does one statement at a time (PGlite) or
 * ten (the pool); every request beyond what it can serve used to wait inside it, so a burst
 * left minutes of work behind after the clients had gone. Now at most `maxConcurrent` run, at
 * most `maxQueued` wait, and the rest are told at once to come back (503 + Retry-After). A
 * waiting request whose client disconnects leaves the queue without running, and on PGlite a
 * running one stops at its next statement (db/turns.ts), so the work left when a burst ends is
 * at most a statement of each running request.
 */
export function overloadGate(opts: GateOptions): MiddlewareHandler<AppEnv> {
  let active = 0;
  const queue: Waiter[] = [];

  // On PGlite a place comes free only on the event loop's next turn. PGlite runs a whole request's
  // statements without yielding, so a request admitted in the same turn as the one just
  // finished would run right after it, and the next, and the next: minutes in which no socket
  // is read, no waiting request is seen, none refused and no departed client noticed. Freed a
  // turn later, at most `maxConcurrent` requests run per turn; the rest wait or are refused,
  // and between turns the server reads new requests and disconnects.
  const free = () => {
    const next = queue.shift();
    if (next) next.grant();
    else active--;
  };
  const release = opts.freeOnNextTurn ? () => setImmediate(free) : free;

  const busy = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json({ error: { code: 'overloaded', message: '服务器繁忙，请稍后重试' } }, 503);
  };

  /** Resolves true with a turn, false when the wait ran out or the client left. */
  const wait = (signal: AbortSignal) =>
    new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        grant: () => {
          done();
          resolve(true);
        },
      };
      const leave = () => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        done();
        resolve(false);
      };
      const timer = setTimeout(leave, opts.queueWaitMs);
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', leave);
      };
      signal.addEventListener('abort', leave);
      queue.push(waiter);
    });

  return async (c, next) => {
    const signal = c.req.raw.signal;
    // PGlite answers within the same turn of the event loop, so without this yield a request
    // would run to its end before the next one (or a client's disconnect) is even read: the
    // door would never see a crowd, and requests whose clients had gone would still be served.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) return busy(c);
    if (active < opts.maxConcurrent) active++;
    else if (queue.length >= opts.maxQueued || !(await wait(signal))) return busy(c);
    else {
      // Handed the place within a turn that may have read more (PostgreSQL): yield, so that the
      // disconnects of the waiting clients are read before their requests are served. On PGlite
      // the place is handed over on a turn of its own, after the sockets were read.
      if (!opts.freeOnNextTurn) await new Promise((resolve) => setImmediate(resolve));
      if (signal.aborted) {
        release();
        return busy(c);
      }
    }
    try {
      // Its statements know its signal: once its client has gone, it runs no further one (db/turns.ts).
      await forRequest(signal, next);
    } finally {
      release();
    }
  };
}
