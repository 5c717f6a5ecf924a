// The reconciliation over several batches: the same file again changes nothing; an enterprise
// the same source no longer lists is flagged, never deleted; 注销 takes an enterprise out of
// scope and keeps it; a column left out of a file leaves its field as it was.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_COLUMNS } from '../../../domain/enterprise/columns.ts';
import { localOperator } from '../../actor.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { enterpriseRow, importFixture, importRequest, ledgerSnapshot } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
});
afterAll(() => fx.close());

const FULL_HEADER = ENTERPRISE_COLUMNS.map((c) => c.header);

/** Every column of the format filled in. */
function fullRow(code: string, name: string, status = '存续'): (string | number)[] {
  return [
    code,
    name,
    '私营企业',
    '420502',
    'C13',
    120,
    5,
    4,
    '王建国',
    '中共党员',
    '是',
    '西陵科技园',
    '2018年6月1日',
    status,
    '0717-622 1234',
    '否',
    '',
    '是',
    '否',
  ];
}

const [a, b, c] = [uscc(), uscc(), uscc()];
const SOURCE = '市场监管局年报';
const first = () =>
  writeCsv([
    FULL_HEADER,
    fullRow(a, '宜昌甲科技有限公司'),
    fullRow(b, '宜昌乙商贸有限公司'),
    fullRow(c, '宜昌丙食品有限公司'),
  ]);
const load = (file: string, source = SOURCE) => runImport(fx.deps, localOperator(), importRequest(file, { source }));
const history = (code: string) =>
  fx.rows<{ field: string; before: unknown; after: unknown; batch_id: number }>(
    sql`select h.field, h.before, h.after, h.batch_id from enterprise_history h
        join enterprises e on e.id = h.enterprise_id where e.uscc = ${code} order by h.id`,
  );

describe('importing again', () => {
  it('changes nothing when the same file is imported a second time', async () => {
    expect(await load(first())).toMatchObject({ status: 'applied', rows: 3, added: 3, errors: [], warnings: [] });
    const before = await ledgerSnapshot(fx.database.db);
    const again = await load(first());
    expect(again).toMatchObject({
      status: 'applied',
      rows: 3,
      added: 0,
      changed: 0,
      unchanged: 3,
      missing: 0,
      discrepancies: 0,
      errors: [],
    });
    const after = await ledgerSnapshot(fx.database.db);
    // Every column, updated_at and the encrypted phone included, is as it was; only the
    // bookkeeping of which batch last saw each enterprise moves on.
    const seen = (e: any) => ({ ...e, last_batch_id: null });
    expect(after.enterprises.map(seen)).toEqual(before.enterprises.map(seen));
    expect(after.enterprises.map((e: any) => e.last_batch_id)).toEqual([again.batchId, again.batchId, again.batchId]);
    expect(after.history).toEqual(before.history);
  });

  it('flags an enterprise the same source no longer lists, and deletes nothing', async () => {
    const historyOfC = await history(c);
    const file = writeCsv([FULL_HEADER, fullRow(a, '宜昌甲科技有限公司'), fullRow(b, '宜昌乙商贸有限公司')]);
    const result = await load(file);
    expect(result).toMatchObject({ status: 'applied', rows: 2, unchanged: 2, missing: 1 });
    const missing = await enterpriseRow(fx.database.db, c);
    expect(missing).toMatchObject({
      name: '宜昌丙食品有限公司',
      missing_since_batch_id: result.batchId,
      in_scope: true,
    });
    expect(await history(c)).toEqual(historyOfC);
    const listed = await fx.rows<{ uscc: string }>(
      sql`select e.uscc from import_missing m join enterprises e on e.id = m.enterprise_id where m.batch_id = ${result.batchId}`,
    );
    expect(listed).toEqual([{ uscc: c }]);
  });

  it('does not count what another source lacks', async () => {
    const result = await load(writeCsv([FULL_HEADER, fullRow(a, '宜昌甲科技有限公司')]), '县委组织部摸排');
    expect(result).toMatchObject({ status: 'applied', unchanged: 1, missing: 0 });
    expect(await enterpriseRow(fx.database.db, b)).toMatchObject({ missing_since_batch_id: null });
  });

  it('keeps the first batch that missed it, and clears the flag when the enterprise is listed again', async () => {
    const flagged = (await enterpriseRow(fx.database.db, c))!.missing_since_batch_id;
    // Still absent from the next batch of the source: not missing again (the previous batch did
    // not have it either), and the flag keeps the batch that first missed it.
    const still = await load(
      writeCsv([FULL_HEADER, fullRow(a, '宜昌甲科技有限公司'), fullRow(b, '宜昌乙商贸有限公司')]),
    );
    expect(still).toMatchObject({ status: 'applied', unchanged: 2, missing: 0 });
    expect(await enterpriseRow(fx.database.db, c)).toMatchObject({ missing_since_batch_id: flagged });
    const back = await load(first());
    expect(back).toMatchObject({ status: 'applied', unchanged: 3, missing: 0 });
    expect(await enterpriseRow(fx.database.db, c)).toMatchObject({ missing_since_batch_id: null });
  });
});

describe('closing', () => {
  it('takes a 注销 enterprise out of scope, keeping it and its history', async () => {
    const before = await history(c);
    const result = await load(
      writeCsv([
        FULL_HEADER,
        fullRow(a, '宜昌甲科技有限公司'),
        fullRow(b, '宜昌乙商贸有限公司'),
        fullRow(c, '宜昌丙食品有限公司', '注销'),
      ]),
    );
    expect(result).toMatchObject({ status: 'applied', changed: 1, unchanged: 2 });
    expect(await enterpriseRow(fx.database.db, c)).toMatchObject({
      name: '宜昌丙食品有限公司',
      registration_status: 'cancelled',
      in_scope: false,
    });
    expect(await history(c)).toEqual([
      ...before,
      { field: 'registrationStatus', before: 'active', after: 'cancelled', batch_id: result.batchId },
    ]);
  });

  it.each([
    ['吊销', 'revoked', false],
    ['迁出', 'moved_out', false],
    ['迁入', 'moved_in', true],
    ['在营', 'operating', true],
    ['存续', 'active', true],
  ])('登记状态 %s is %s, in scope: %s', async (label, code, inScope) => {
    const d = uscc();
    const file = writeCsv([
      [...HEADER, '登记状态'],
      [...row(d, `宜昌${label}状态有限公司`), label],
    ]);
    expect(await load(file, '状态测试')).toMatchObject({ status: 'applied', added: 1 });
    expect(await enterpriseRow(fx.database.db, d)).toMatchObject({ registration_status: code, in_scope: inScope });
  });
});

describe('正式党员数', () => {
  it('replaces an estimate with the count once the file gives it, even when the number is the same', async () => {
    const d = uscc();
    expect(await load(writeCsv([HEADER, row(d, '宜昌估计有限公司', 20, 3)]), '估计测试')).toMatchObject({ added: 1 });
    expect(await enterpriseRow(fx.database.db, d)).toMatchObject({ full_member_count: 3, full_member_estimated: true });

    const counted = writeCsv([
      [...HEADER, '正式党员数'],
      [...row(d, '宜昌估计有限公司', 20, 3), 3],
    ]);
    const result = await load(counted, '估计测试');
    expect(result).toMatchObject({ status: 'applied', changed: 1, unchanged: 0 });
    expect(await enterpriseRow(fx.database.db, d)).toMatchObject({
      full_member_count: 3,
      full_member_estimated: false,
    });
    expect((await history(d)).at(-1)).toEqual({
      field: 'fullMemberEstimated',
      before: true,
      after: false,
      batch_id: result.batchId,
    });
    // The same file again changes nothing; nor does a file without the column, whose estimate equals the count.
    expect(await load(counted, '估计测试')).toMatchObject({ changed: 0, unchanged: 1 });
    expect(await load(writeCsv([HEADER, row(d, '宜昌估计有限公司', 20, 3)]), '估计测试')).toMatchObject({
      changed: 0,
      unchanged: 1,
    });
    expect(await enterpriseRow(fx.database.db, d)).toMatchObject({ full_member_estimated: false });
  });
});

describe('a column left out of the file', () => {
  it('leaves that field as it was', async () => {
    const before = await enterpriseRow(fx.database.db, a);
    const historyBefore = await history(a);
    // Only the required columns, with one figure changed.
    const result = await load(writeCsv([HEADER, [a, '宜昌甲科技有限公司', '私营企业', '420502', 130, 5]]), '人数更新');
    expect(result).toMatchObject({ status: 'applied', changed: 1 });
    const after = await enterpriseRow(fx.database.db, a);
    expect(after).toEqual({
      ...before,
      employees: 130,
      // 正式党员数 was not in the file: the format takes it as 党员数, marked estimated.
      full_member_count: 5,
      full_member_estimated: true,
      updated_at: after!.updated_at,
      last_batch_id: result.batchId,
    });
    expect(after!.updated_at).not.toBe(before!.updated_at);
    expect(await history(a)).toEqual([
      ...historyBefore,
      { field: 'employees', before: 120, after: 130, batch_id: result.batchId },
      { field: 'fullMemberCount', before: 4, after: 5, batch_id: result.batchId },
    ]);
  });
});
