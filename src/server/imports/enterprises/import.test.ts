import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { localOperator } from '../../actor.ts';
import { queryRows } from '../../db/rows.ts';
import { enterpriseHistory, enterprises } from '../../db/schema.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { closedAfterAll } from '../../testing/fileFixture.ts';
import { importFixture, importRequest } from '../../testing/imports.ts';
import { runImport } from './run.ts';

const fx = closedAfterAll(await importFixture());
const { deps } = fx;
const req = importRequest;

async function ledgerSnapshot() {
  return queryRows(fx.database.db, sql`select * from enterprises order by id`);
}

describe('enterprise import', () => {
  const a = uscc();
  const b = uscc();
  const c = uscc();

  it('adds new enterprises and records the batch', async () => {
    const file = writeCsv([HEADER, row(a, '宜昌甲公司', 120, 4), row(b, '宜昌乙公司', 8, 1)]);
    const result = await runImport(deps, localOperator(), req(file));
    expect(result).toMatchObject({
      status: 'applied',
      rows: 2,
      added: 2,
      changed: 0,
      unchanged: 0,
      missing: 0,
      errors: [],
    });
    const [ea] = await fx.database.db.select().from(enterprises).where(eq(enterprises.uscc, a));
    expect(ea).toMatchObject({
      name: '宜昌甲公司',
      employees: 120,
      memberCount: 4,
      fullMemberCount: 4,
      fullMemberEstimated: true,
      category: 'should_form',
      inScope: true,
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await ledgerSnapshot();
    const file = writeCsv([HEADER, row(a, '宜昌甲公司', 120, 4), row(b, '宜昌乙公司', 8, 1)]);
    const result = await runImport(deps, localOperator(), req(file));
    expect(result).toMatchObject({ status: 'applied', rows: 2, added: 0, changed: 0, unchanged: 2, missing: 0 });
    const after = await ledgerSnapshot();
    expect(after.map((r: any) => ({ ...r, last_batch_id: null }))).toEqual(
      before.map((r: any) => ({ ...r, last_batch_id: null })),
    );
  });

  it('records field changes with before and after, and flags the missing without deleting them', async () => {
    const file = writeCsv([HEADER, row(a, '宜昌甲股份公司', 130, 4), row(c, '宜昌丙公司', 3, 0)]);
    const result = await runImport(deps, localOperator(), req(file));
    expect(result).toMatchObject({ status: 'applied', added: 1, changed: 1, unchanged: 0, missing: 1 });
    const [ea] = await fx.database.db.select().from(enterprises).where(eq(enterprises.uscc, a));
    const history = await fx.database.db
      .select()
      .from(enterpriseHistory)
      .where(eq(enterpriseHistory.enterpriseId, ea.id));
    expect(history.filter((h) => h.field === 'name')).toMatchObject([
      { before: '宜昌甲公司', after: '宜昌甲股份公司', batchId: result.batchId },
    ]);
    expect(history.filter((h) => h.field === 'employees')).toMatchObject([{ before: 120, after: 130 }]);
    const [eb] = await fx.database.db.select().from(enterprises).where(eq(enterprises.uscc, b));
    expect(eb.missingSinceBatchId).toBe(result.batchId);
  });

  it('rejects a file with an error and writes nothing (all or nothing)', async () => {
    const before = await ledgerSnapshot();
    const file = writeCsv([
      HEADER,
      row(uscc(), '新公司', 5, 0),
      row('91350100M000100Y44', '坏代码公司', 5, 0),
      row(uscc(), '无此区划', 5, 0, '429999'),
    ]);
    const result = await runImport(deps, localOperator(), req(file));
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '统一社会信用代码'],
      [4, '行政区划代码'],
    ]);
    expect(await ledgerSnapshot()).toEqual(before);
  });

  it('names both rows when a uscc appears twice', async () => {
    const d = uscc();
    const file = writeCsv([HEADER, row(d, '甲', 5, 0), row(uscc(), '乙', 5, 0), row(d, '丙', 5, 0)]);
    const result = await runImport(deps, localOperator(), req(file));
    expect(result.status).toBe('rejected');
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0].message).toContain('2');
    expect(result.errors[0].message).toContain('4');
  });

  it('writes the valid rows in partial mode', async () => {
    const good = uscc();
    const file = writeCsv([HEADER, row(good, '部分导入公司', 5, 0), row('bad', '坏', 5, 0)]);
    const result = await runImport(deps, localOperator(), req(file, { partial: true }));
    expect(result).toMatchObject({ status: 'applied', added: 1 });
    expect(result.errors).toHaveLength(1);
    const [e] = await fx.database.db.select().from(enterprises).where(eq(enterprises.uscc, good));
    expect(e.name).toBe('部分导入公司');
  });

  it('changes nothing in a dry run', async () => {
    const before = await ledgerSnapshot();
    const file = writeCsv([HEADER, row(uscc(), '试运行公司', 5, 0)]);
    const result = await runImport(deps, localOperator(), req(file, { dryRun: true }));
    expect(result).toMatchObject({ status: 'dry-run', added: 1 });
    expect(await ledgerSnapshot()).toEqual(before);
  });
});
