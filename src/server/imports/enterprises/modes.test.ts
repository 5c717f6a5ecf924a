// All or nothing by default; partial mode writes exactly the valid rows; a dry run writes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHORT_USCC, USCC } from '../../../../test/fixtures/enterprises/codes.ts';
import { localOperator } from '../../actor.ts';
import { enterpriseFixture, importFixture, importRequest, ledgerSnapshot } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
});
afterAll(() => fx.close());

const PARTIAL_ERRORS = [
  { row: 3, column: '统一社会信用代码', message: '统一社会信用代码应为 18 位，当前为 17 位' },
  { row: 5, column: '从业人员数', message: '从业人员数不能为负数，当前为 -1' },
];

const codes = async () =>
  (await fx.rows<{ uscc: string }>(sql`select uscc from enterprises order by uscc collate "C"`)).map((r) => r.uscc);

describe('import modes', () => {
  it('writes nothing of a file with errors by default', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const result = await runImport(fx.deps, localOperator(), importRequest(enterpriseFixture('partial.csv')));
    expect(result).toMatchObject({ status: 'rejected', rows: 4, added: 2 });
    expect(result.errors).toEqual(PARTIAL_ERRORS);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
  });

  it('writes nothing in a dry run, and reports what it would do', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const file = enterpriseFixture('partial.csv');
    const result = await runImport(fx.deps, localOperator(), importRequest(file, { dryRun: true, partial: true }));
    expect(result).toMatchObject({ status: 'dry-run', rows: 4, added: 2 });
    expect(result.errors).toEqual(PARTIAL_ERRORS);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
  });

  it('writes exactly the valid rows in partial mode, and reports the rest', async () => {
    const result = await runImport(
      fx.deps,
      localOperator(),
      importRequest(enterpriseFixture('partial.csv'), { partial: true }),
    );
    expect(result).toMatchObject({ status: 'applied', rows: 4, added: 2, changed: 0, unchanged: 0 });
    expect(result.errors).toEqual(PARTIAL_ERRORS);
    expect(await codes()).toEqual([USCC.partialA, USCC.partialB].sort());
    expect(await codes()).not.toContain(SHORT_USCC);
    // One “created” history row for each enterprise written, none for the others.
    const history = await fx.rows<{ uscc: string; field: string }>(
      sql`select e.uscc, h.field from enterprise_history h join enterprises e on e.id = h.enterprise_id order by e.uscc collate "C"`,
    );
    expect(history).toEqual([USCC.partialA, USCC.partialB].sort().map((uscc) => ({ uscc, field: 'created' })));
  });
});
