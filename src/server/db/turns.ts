// PGlite is PostgreSQL in WebAssembly on this thread: a statement runs without the event loop
// turning, and without this a request's statements ran one after another within one turn too.
// For that whole time no socket was read, no waiting request refused or timed out, no departed
// client noticed: under load, requests sat unread until their clients gave up (issue #12,
// defect 15). Here each statement first waits for the loop's next turn, so the server reads its
// sockets and answers its door between any two statements; and a request whose client has gone
// runs no further statement (its transaction rolls back), since no one will read its answer.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import { HttpError } from '../errors.ts';

/** The signal of the request whose work this is, when it is a request's. */
const request = new AsyncLocalStorage<AbortSignal>();

/** Runs a request's work knowing its signal: aborted when its client leaves before the answer. */
export const forRequest = <T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> => request.run(signal, fn);

/** Starts work that outlives the request that started it (an import read in the background). */
export const detached = <T>(fn: () => T): T => request.exit(fn);

/** The first byte of the protocol messages that start a statement: Parse, and Query (BEGIN, COMMIT, ROLLBACK). */
const PARSE = 0x50;
const QUERY = 0x51;

export const CLIENT_GONE = '客户端已断开连接，请求未完成，未写入任何数据';

/** Makes `client` give the event loop a turn before each statement (see above). */
export function takeTurns(client: PGlite): void {
  const exec = client.execProtocolStream.bind(client);
  client.execProtocolStream = async (message, options) => {
    if (message[0] === PARSE || message[0] === QUERY) {
      await new Promise((resolve) => setImmediate(resolve));
      // Only before a Parse: BEGIN/COMMIT/ROLLBACK go through, so a transaction can always end.
      if (message[0] === PARSE && request.getStore()?.aborted) throw new HttpError(503, 'client_gone', CLIENT_GONE);
    }
    return exec(message, options);
  };
}
