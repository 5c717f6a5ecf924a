/**
 * The reading thread (see isolated.ts): reads the file with `readRows` and hands the rows over
 * a batch at a time, when asked, so that neither thread holds more than one batch of them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HttpError } from '../errors.ts';
import type { SheetRow } from './cells.ts';
import type { UploadKind } from './inspect.ts';
import { readRows } from './rows.ts';

/** A batch ends at whichever comes first. */
const BATCH_CELLS = 20_000;
const BATCH_CHARS = 4 * 1024 * 1024;

/**
 * A row as it crosses to the other thread. A wide row with gaps goes as its cells and their
 * indexes: copying a sparse array between threads makes it dense on arrival (1 ms a row for a
 * row reaching column XFD, minutes for a file of them).
 */
export type WireRow = { rowNumber: number; cells: unknown[] } | { rowNumber: number; at: number[]; values: unknown[] };

export type ReadReply =
  | { rows: WireRow[]; done: boolean }
  | { count: number }
  | { error: { status: number; code: string; message: string } | { internal: string } };

/** What the other thread asks: the next batch of rows, or (first, if at all) how many rows the file has. */
export type ReadRequest = 'next' | 'count';

/** Rows this wide or narrower cross as they are. */
const DENSE_CELLS = 256;

/** The row as it crosses, with the cells it holds and the characters of its text. */
function toWire(row: SheetRow): { wire: WireRow; cells: number; chars: number } {
  let chars = 0;
  for (const i in row.cells) {
    const v = row.cells[i];
    if (typeof v === 'string') chars += v.length;
  }
  if (row.cells.length <= DENSE_CELLS) return { wire: row, cells: row.cells.length, chars };
  const at: number[] = [];
  const values: unknown[] = [];
  for (const i in row.cells) {
    at.push(Number(i));
    values.push(row.cells[i]);
  }
  return { wire: { rowNumber: row.rowNumber, at, values }, cells: at.length, chars };
}

const port = parentPort;
if (port) {
  const { path, kind } = workerData as { path: string; kind: UploadKind };
  const rows = readRows(path, kind);
  port.on('message', async (request: ReadRequest) => {
    let reply: ReadReply;
    try {
      if (request === 'count') {
        // A pass of its own with the same reader, so the count is exactly the rows read next
        // (non-empty rows, as readRows gives them); it costs a read of the file without parsing
        // or staging, a small part of an import.
        let count = 0;
        for await (const _ of readRows(path, kind)) count++;
        port.postMessage({ count } satisfies ReadReply);
        return;
      }
      const batch: WireRow[] = [];
      let cells = 0;
      let chars = 0;
      let done = false;
      while (cells < BATCH_CELLS && chars < BATCH_CHARS) {
        const next = await rows.next();
        if (next.done) {
          done = true;
          break;
        }
        const w = toWire(next.value);
        batch.push(w.wire);
        cells += w.cells + 1;
        chars += w.chars;
      }
      reply = { rows: batch, done };
    } catch (error) {
      reply = {
        error:
          error instanceof HttpError
            ? { status: error.status, code: error.code, message: error.message }
            : {
                internal:
                  error instanceof Error
                    ? `${error.name}: ${error.message.split('\n')[0].slice(0, 300)}`
                    : String(error),
              },
      };
    }
    port.postMessage(reply);
  });
}
