// A batch belongs to the process working on it (issue #12, defect 4): clean-up fails only the
// batches whose process died, and a batch changed under its reader is never applied.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { HEADER, row, uscc, writeCsv } from '../testing/enterpriseFiles.ts';
import { closedAfterAll } from '../testing/fileFixture.ts';
import { actorOf, importFixture, importRequest } from '../testing/imports.ts';
import { IMPORTS } from './adapters/index.ts';
import { assertKeptFile, sweepKeptFiles } from './keptFiles.ts';
import { cleanAbandonedBatches } from './ownership.ts';
import { applyInOwnTransaction, type ImportAdapter, runImport, startImport } from './pipeline.ts';

const fx = closedAfterAll(await importFixture());
let actor: Actor;

beforeAll(async () => {
  actor = actorOf((await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).user);
});

const request = (file: string) => importRequest(file, { fileName: 'file.csv' });

/** A file of `n` new enterprises, and their codes. */
function enterprises(n: number) {
  const codes = Array.from({ length: n }, () => uscc());
  return { codes, file: writeCsv([HEADER, ...codes.map((c, i) => row(c, `宜昌归属测试${i}有限公司`))]) };
}

/** The enterprise adapter with `between` run after the file is read, before the batch is staged. */
const readThen = (between: (batchId: number) => Promise<void>): ImportAdapter => ({
  ...IMPORTS.enterprises,
  read: async (ctx) => {
    const columns = await IMPORTS.enterprises.read(ctx);
    await between(ctx.batchId);
    return columns;
  },
});

const applied = async (codes: string[]) =>
  (
    await fx.rows<{ n: number }>(
      sql`select count(*)::int as n from enterprises where uscc = any(${`{${codes}}`}::text[])`,
    )
  )[0].n;
const stagedRows = async (id: number) =>
  (await fx.rows<{ n: number }>(sql`select count(*)::int as n from import_rows where batch_id = ${id}`))[0].n;
const batch = async (id: number) =>
  (
    await fx.rows<{ status: string; owner: string | null }>(
      sql`select status, owner from import_batches where id = ${id}`,
    )
  )[0];

describe('clean-up beside a live import', () => {
  it('leaves a batch whose process still reads it alone, and the import applies every row', async () => {
    const { codes, file } = enterprises(30);
    let cleaned: number[] | undefined;
    const result = await runImport(
      fx.deps,
      actor,
      readThen(async (id) => {
        expect((await batch(id)).status).toBe('reading');
        // What a server starting now does.
        cleaned = await cleanAbandonedBatches(fx.database, fx.config.dataDir);
      }),
      request(file),
    );
    expect(cleaned).toEqual([]);
    expect([result.status, result.rows, result.added]).toEqual(['applied', 30, 30]);
    expect(await applied(codes)).toBe(30);
  });
});

describe('a batch changed under its import is never applied', () => {
  it('failed and emptied while read (the old start-up clean-up): the import fails, nothing applied, no staged rows left', async () => {
    const { codes, file } = enterprises(20);
    let id = 0;
    const run = runImport(
      fx.deps,
      actor,
      readThen(async (batchId) => {
        id = batchId;
        await fx.database.db.execute(sql`delete from import_rows where batch_id = ${batchId}`);
        await fx.database.db.execute(sql`update import_batches set status = 'failed' where id = ${batchId}`);
      }),
      request(file),
    );
    await expect(run).rejects.toThrow(/在读取时被标记为“failed”/);
    expect(await applied(codes)).toBe(0);
    expect(await stagedRows(id)).toBe(0);
    expect((await batch(id)).status).toBe('failed');
  });

  it('staged rows fewer than the rows read: refused, nothing applied', async () => {
    const { codes, file } = enterprises(20);
    const run = runImport(
      fx.deps,
      actor,
      readThen(async (batchId) => {
        await fx.database.db.execute(
          sql`delete from import_rows where batch_id = ${batchId} and row = (select max(row) from import_rows where batch_id = ${batchId})`,
        );
      }),
      request(file),
    );
    await expect(run).rejects.toThrow(/暂存的行数（19）与读取的行数（20）不符/);
    expect(await applied(codes)).toBe(0);
  });
});

describe('a batch whose process died', () => {
  it('staged by a CLI import that never applied it: no one else may confirm it while it lives; once it is gone, clean-up fails it and removes its rows and file, audited', async () => {
    const { codes, file } = enterprises(10);
    const { batchId, owner, finished, release } = await startImport(
      fx.deps,
      actor,
      IMPORTS.enterprises,
      request(file),
      () => {},
      true,
    );
    expect(await finished).toBeNull();
    expect(await batch(batchId)).toEqual({ status: 'staged', owner });
    // A confirmation from the web while the CLI still works on it.
    await expect(applyInOwnTransaction(fx.database.db, actor, IMPORTS.enterprises, batchId)).rejects.toThrow(
      /正由另一进程处理/,
    );
    expect(await cleanAbandonedBatches(fx.database, fx.config.dataDir)).toEqual([]);

    // The process ends without applying (killed): its lock goes with it.
    await release();
    expect(await cleanAbandonedBatches(fx.database, fx.config.dataDir)).toEqual([batchId]);
    expect((await batch(batchId)).status).toBe('failed');
    expect(await stagedRows(batchId)).toBe(0);
    expect(await applied(codes)).toBe(0);
    await expect(assertKeptFile(fx.config.dataDir, batchId, 'csv')).rejects.toThrow(/已按保留期限删除/);
    const [audit] = await fx.rows<{ action: string; entity_id: string }>(
      sql`select action, entity_id from audit_log order by seq desc limit 1`,
    );
    expect(audit).toEqual({ action: 'import_batch.abandoned', entity_id: String(batchId) });
    // A second clean-up finds nothing more.
    expect(await cleanAbandonedBatches(fx.database, fx.config.dataDir)).toEqual([]);
  });
});

describe('uploaded files', () => {
  it('rest encrypted, and are removed once their batch has ended and the retention has passed; a staged batch keeps its file', async () => {
    const { codes, file } = enterprises(3);
    const done = await runImport(fx.deps, actor, IMPORTS.enterprises, request(file));
    const waiting = await runImport(fx.deps, actor, IMPORTS.enterprises, {
      ...request(enterprises(3).file),
      apply: false,
    });
    expect([done.status, waiting.status]).toEqual(['applied', 'staged']);
    const imports = path.join(fx.config.dataDir, 'imports');
    const kept = fs.readFileSync(path.join(imports, `${done.batchId}.csv.enc`));
    for (const c of codes) expect(kept.includes(c)).toBe(false);

    // A week's retention keeps the file of a batch that ended just now.
    expect(await sweepKeptFiles(fx.database.db, fx.config.dataDir, 7)).not.toContain(done.batchId);
    await assertKeptFile(fx.config.dataDir, done.batchId, 'csv');
    const removed = await sweepKeptFiles(fx.database.db, fx.config.dataDir, 0);
    expect(removed).toContain(done.batchId);
    expect(removed).not.toContain(waiting.batchId);
    await expect(assertKeptFile(fx.config.dataDir, done.batchId, 'csv')).rejects.toThrow(/已按保留期限删除/);
    await assertKeptFile(fx.config.dataDir, waiting.batchId, 'csv');
  });
});
