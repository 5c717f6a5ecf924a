// Reading a file into its batch's staging rows: the same loop for every kind of import. A kind
// says how its header is read, what of a row is staged, and how a chunk is written.
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor.ts';
import type { Db, Tx } from '../db/client.ts';
import { inScope } from '../db/tx.ts';
import type { UploadKind } from '../files/inspect.ts';
import { readRowsIsolated } from '../files/isolated.ts';
import { type Issue, insertIssues } from './batches.ts';

export interface StageReading<K, R> {
  /** The header's columns, or null when the header is unusable; its issues either way. */
  header(cells: readonly unknown[], rowNumber: number): { columns: Map<number, K> | null; issues: Issue[] };
  /** One data row: what is staged of it, and its issues. */
  row(columns: Map<number, K>, cells: readonly unknown[], rowNumber: number): { staged: R; issues: Issue[] };
  /** Writes a chunk of staged rows and the batch's rows read, inside the chunk's transaction. */
  insert(tx: Tx, batchId: number, rows: R[], rowsRead: number, columnKeys: readonly K[]): Promise<void>;
  /** Rows per chunk: each chunk is one JSON parameter, so its size bounds memory. */
  chunkRows: number;
  /** The error of a file with a header and no data rows, or with no rows at all. */
  noDataRows: string;
}

/**
 * Reads the file row by row into the batch's staging rows and issues, a chunk at a time, and
 * records progress (`onCount` first has the file's rows, counted by the reading thread, so
 * progress reads rows read / total). One chunk is written while the next is read, so memory
 * holds at most two chunks whatever the file's length. Returns the column keys the header had,
 * or null when the header is unusable (the issues say why).
 */
export async function stageFile<K, R>(
  db: Db,
  actor: Actor,
  batchId: number,
  file: { path: string; kind: UploadKind },
  reading: StageReading<K, R>,
  onCount: (nonEmptyRows: number) => unknown,
  onProgress: (rowsRead: number) => void,
): Promise<K[] | null> {
  let rows: R[] = [];
  let issues: Issue[] = [];
  let rowsRead = 0;
  let columnKeys: K[] = [];
  let writing: Promise<void> = Promise.resolve();

  const write = async (r: R[], i: Issue[], read: number) => {
    await inScope(db, actor, async (tx) => {
      // A chunk need not wait for its own disk flush: if the server lost it in a crash, the
      // connection would be gone and reading would fail; and the batch becomes 'staged' in a
      // synchronous commit, which makes every chunk before it durable too.
      await tx.execute(sql`set local synchronous_commit = off`);
      if (i.length) await insertIssues(tx, batchId, i);
      await reading.insert(tx, batchId, r, read, columnKeys);
    });
    onProgress(read);
  };
  /** Starts writing what has been read once the previous write is done; chunks land in order. */
  const flush = async () => {
    await writing;
    writing = write(rows, issues, rowsRead);
    // Handled here so a failure while the next chunk is read is not an unhandled rejection;
    // the next flush or the end of reading awaits it and throws.
    writing.catch(() => {});
    rows = [];
    issues = [];
  };

  try {
    const keys = await readChunks();
    await writing;
    return keys;
  } catch (error) {
    // Nothing may still be writing when the caller cleans up after a failure.
    await writing.catch(() => {});
    throw error;
  }

  async function readChunks(): Promise<K[] | null> {
    let columns: Map<number, K> | null = null;
    let headerRow = 0;
    for await (const { rowNumber, cells } of readRowsIsolated(file.path, file.kind, undefined, onCount)) {
      if (!headerRow) {
        headerRow = rowNumber;
        const header = reading.header(cells, rowNumber);
        issues.push(...header.issues);
        if (!header.columns) {
          await flush();
          return null;
        }
        columns = header.columns;
        columnKeys = [...new Set(columns.values())];
        continue;
      }
      const { staged, issues: found } = reading.row(columns as Map<number, K>, cells, rowNumber);
      rowsRead++;
      rows.push(staged);
      issues.push(...found);
      if (rows.length >= reading.chunkRows) await flush();
    }
    if (rowsRead === 0) {
      issues.push({ row: headerRow + 1, column: '表头', message: reading.noDataRows, severity: 'error' });
      await flush();
      return headerRow ? columnKeys : null;
    }
    await flush();
    return columnKeys;
  }
}
