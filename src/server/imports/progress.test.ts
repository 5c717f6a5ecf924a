// Import progress (issue #14 item 9): the file's data rows are counted before they are read and
// kept on the batch with the rows read so far, so whoever waits — the CLI, or the web page that
// asks for the batch every second, also after leaving and coming back — sees rows read / total.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { localOperator } from '../actor.ts';
import { importBatches } from '../db/schema.ts';
import { HEADER, row, uscc, writeCsv } from '../testing/enterpriseFiles.ts';
import { closedAfterAll } from '../testing/fileFixture.ts';
import { importFixture, importRequest } from '../testing/imports.ts';
import type { ReadProgress } from './batches.ts';
import { runImport } from './enterprises/run.ts';

const fx = closedAfterAll(await importFixture());
const { deps } = fx;
/** A dry run: the progress is the same, and nothing needs applying. */
const req = (file: string) => importRequest(file, { dryRun: true, apply: false });

const batchRow = (id: number) =>
  fx.database.db
    .select({ rowsRead: importBatches.rowsRead, rowsTotal: importBatches.rowsTotal })
    .from(importBatches)
    .where(eq(importBatches.id, id))
    .then(([b]) => b);

/** The import with what it reported as it went, and what the batch held at each report (as a page polling it reads). */
async function importWatched(file: string) {
  const seen: ReadProgress[] = [];
  const stored: Promise<ReadProgress>[] = [];
  const result = await runImport(deps, localOperator(), req(file), (p) => {
    seen.push({ ...p });
    stored.push(
      fx.database.db
        .select({ id: importBatches.id })
        .from(importBatches)
        .orderBy(importBatches.id)
        .then((all) => batchRow(all.at(-1)!.id)),
    );
  });
  return { result, seen, stored: await Promise.all(stored), batch: await batchRow(result.batchId) };
}

describe('import progress', () => {
  it('counts the rows first, then reports rows read rising to that total, and keeps both on the batch', async () => {
    // Over two chunks of staged rows (5,000 each), with blank lines that are not rows.
    const rows = Array.from({ length: 11_000 }, (_, i) => row(uscc(), `宜昌进度测试${i}有限公司`));
    const file = writeCsv([HEADER, ...rows.slice(0, 100), [], ...rows.slice(100), []]);
    const { result, seen, stored, batch } = await importWatched(file);
    expect(result.status).toBe('dry-run');
    expect(result.rows).toBe(11_000);

    // The total is known before the first row is read, and never changes.
    expect(seen[0]).toEqual({ rowsRead: 0, rowsTotal: 11_000 });
    expect(new Set(seen.map((p) => p.rowsTotal))).toEqual(new Set([11_000]));
    // Rows read only rise, in steps (not once at the end), and reach the total.
    const read = seen.map((p) => p.rowsRead);
    expect(read).toEqual([...read].sort((x, y) => x - y));
    expect(new Set(read).size).toBeGreaterThanOrEqual(3);
    expect(read.at(-1)).toBe(11_000);
    // Each figure was on the batch by the time it was reported: what the web page and a returning user read.
    for (const [i, p] of seen.entries()) {
      expect(stored[i].rowsTotal).toBe(p.rowsTotal);
      expect(stored[i].rowsRead).toBeGreaterThanOrEqual(p.rowsRead);
    }
    expect(batch).toMatchObject({ rowsRead: 11_000, rowsTotal: 11_000 });
  }, 120_000);

  it('a file whose header stops the reading ends with nothing read of nothing', async () => {
    const file = writeCsv([
      ['不认识的列', '企业名称'],
      ['x', '宜昌某公司'],
    ]);
    const { result, seen, batch } = await importWatched(file);
    expect(result.status).toBe('rejected');
    expect(seen[0]).toEqual({ rowsRead: 0, rowsTotal: 1 });
    expect(batch).toMatchObject({ rowsRead: 0, rowsTotal: 0 });
  });
});
