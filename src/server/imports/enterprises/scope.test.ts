// A user imports only into regions inside their data scope: a row outside it is an error for
// that row. The importer here is a working-committee user of 420500 宜昌市.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USCC } from '../../../../test/fixtures/enterprises/codes.ts';
import type { Actor } from '../../actor.ts';
import { localOperator } from '../../actor.ts';
import { HEADER, row, uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { actorOf, enterpriseFixture, enterpriseRow, importRequest, ledgerSnapshot } from '../../testing/imports.ts';
import { type ImportFixture, yichangImporter } from '../importers.testing.ts';
import { ELSEWHERE_MESSAGE } from './reconcile.ts';
import { runImport } from './run.ts';

let fx: ImportFixture;
let yichang: Actor;
beforeAll(async () => {
  ({ fx, yichang } = await yichangImporter());
});
afterAll(() => fx.close());

const OUTSIDE = '行政区划代码“420102”不在您的数据范围内，不能导入该地区的企业';

describe('data scope of an import', () => {
  it('refuses a row for a region outside the scope, and writes nothing', async () => {
    const before = await ledgerSnapshot(fx.database.db);
    const result = await runImport(fx.deps, yichang, importRequest(enterpriseFixture('region-outside.csv')));
    expect(result).toMatchObject({ status: 'rejected', rows: 2 });
    expect(result.errors).toEqual([{ row: 3, column: '行政区划代码', message: OUTSIDE }]);
    expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
  });

  it('names an unknown code inside the scope as unknown, not as outside', async () => {
    const result = await runImport(fx.deps, yichang, importRequest(enterpriseFixture('region-unknown.csv')));
    expect(result.errors).toEqual([
      { row: 3, column: '行政区划代码', message: '行政区划代码“420599”不存在，请核对是否为现行的统计用区划代码' },
    ]);
  });

  it('accepts the same file from a user whose scope covers both regions', async () => {
    const result = await runImport(fx.deps, localOperator(), importRequest(enterpriseFixture('region-outside.csv')));
    expect(result).toMatchObject({ status: 'applied', added: 2, errors: [] });
    expect(await enterpriseRow(fx.database.db, USCC.second)).toMatchObject({ region_code: '420102' });
  });

  it('refuses a code already in another scope’s ledger, revealing nothing of it', async () => {
    // USCC.second is now in 420102 武汉市江岸区; 宜昌 cannot take it over by importing it as its own.
    const file = writeCsv([HEADER, row(USCC.second, '宜昌冒名有限公司', 5, 0, '420502')]);
    const result = await runImport(fx.deps, yichang, importRequest(file));
    expect(result).toMatchObject({ status: 'rejected' });
    expect(result.errors).toEqual([{ row: 2, column: '统一社会信用代码', message: ELSEWHERE_MESSAGE }]);
    expect(await enterpriseRow(fx.database.db, USCC.second)).toMatchObject({ region_code: '420102' });
  });

  it('writes only the rows inside the scope in partial mode', async () => {
    const inside = uscc();
    const outside = uscc();
    const file = writeCsv([
      HEADER,
      row(inside, '宜昌范围内有限公司', 5, 0, '420506'),
      row(outside, '武汉范围外有限公司', 5, 0, '420102'),
    ]);
    const result = await runImport(fx.deps, yichang, importRequest(file, { partial: true }));
    expect(result).toMatchObject({ status: 'applied', added: 1 });
    expect(result.errors).toEqual([{ row: 3, column: '行政区划代码', message: OUTSIDE }]);
    expect(await enterpriseRow(fx.database.db, inside)).toMatchObject({ region_code: '420506' });
    expect(await enterpriseRow(fx.database.db, outside)).toBeUndefined();
  });

  it('compares with the latest batch covering the scope, though a wider scope loaded it (the CLI)', async () => {
    const xiling = actorOf(await fx.makeUser({ roles: ['committee'], regionCode: '420502' }));
    const [kept, d1, d2, d3, sibling] = [uscc(), uscc(), uscc(), uscc(), uscc()];
    const source = '市场监管局全量';
    const whole = writeCsv([
      HEADER,
      row(kept, '西陵保留有限公司', 5, 0, '420502'),
      row(d1, '西陵缺失一有限公司', 5, 0, '420502'),
      row(d2, '西陵缺失二有限公司', 5, 0, '420502'),
      row(d3, '西陵缺失三有限公司', 5, 0, '420502'),
      row(sibling, '伍家岗邻区有限公司', 5, 0, '420503'),
    ]);
    expect(await runImport(fx.deps, localOperator(), importRequest(whole, { source }))).toMatchObject({ added: 5 });
    // The county's file drops three of its own; the sibling county's enterprise is not its to miss.
    const mine = writeCsv([HEADER, row(kept, '西陵保留有限公司', 5, 0, '420502')]);
    const result = await runImport(fx.deps, xiling, importRequest(mine, { source }));
    expect(result).toMatchObject({ status: 'applied', unchanged: 1, missing: 3 });
    for (const code of [d1, d2, d3])
      expect(await enterpriseRow(fx.database.db, code)).toMatchObject({ missing_since_batch_id: result.batchId });
    expect(await enterpriseRow(fx.database.db, sibling)).toMatchObject({ missing_since_batch_id: null });
  });

  it('looks for missing enterprises against the scope’s own previous batch, not a sibling’s', async () => {
    const wuhan = actorOf(await fx.makeUser({ roles: ['committee'], regionCode: '420100' }));
    const [ycA, ycB, wh] = [uscc(), uscc(), uscc()];
    const source = '范围测试来源';
    const both = writeCsv([
      HEADER,
      row(ycA, '宜昌缺失甲有限公司', 5, 0, '420502'),
      row(ycB, '宜昌缺失乙有限公司', 5, 0, '420503'),
    ]);
    expect(await runImport(fx.deps, yichang, importRequest(both, { source }))).toMatchObject({ added: 2 });
    // 武汉 imports the same source in between: its batch is not 宜昌's previous batch.
    const theirs = writeCsv([HEADER, row(wh, '武汉缺失丙有限公司', 5, 0, '420102')]);
    expect(await runImport(fx.deps, wuhan, importRequest(theirs, { source }))).toMatchObject({ added: 1, missing: 0 });
    const mine = writeCsv([HEADER, row(ycA, '宜昌缺失甲有限公司', 5, 0, '420502')]);
    const result = await runImport(fx.deps, yichang, importRequest(mine, { source }));
    expect(result).toMatchObject({ status: 'applied', unchanged: 1, missing: 1 });
    expect(await enterpriseRow(fx.database.db, ycB)).toMatchObject({ missing_since_batch_id: result.batchId });
    expect(await enterpriseRow(fx.database.db, wh)).toMatchObject({ missing_since_batch_id: null });
  });
});
