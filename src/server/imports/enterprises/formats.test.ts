// What the reader and the row rules accept, and what they make of it: a GB18030 csv, Excel's
// own cell types, full-width text and stray spaces, and the one warning the row rules give.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USCC } from '../../../../test/fixtures/enterprises/codes.ts';
import { localOperator } from '../../actor.ts';
import { enterpriseFixture, enterpriseRow, importFixture, importRequest } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
});
afterAll(() => fx.close());

const load = (name: string) => runImport(fx.deps, localOperator(), importRequest(enterpriseFixture(name)));
const row = (uscc: string) => enterpriseRow(fx.database.db, uscc);

describe('accepted files', () => {
  it('reads a csv in GB18030', async () => {
    const result = await load('gb18030.csv');
    expect(result).toMatchObject({ status: 'applied', rows: 2, added: 2, errors: [], warnings: [] });
    expect(await row(USCC.gbA)).toMatchObject({
      name: '宜昌市夷陵区鑫源商贸有限公司',
      kind: 'private',
      region_code: '420506',
      employees: 35,
      member_count: 2,
      owner_name: '张晓梅',
      cluster: '夷陵经济开发区',
    });
    expect(await row(USCC.gbB)).toMatchObject({
      name: '宜昌伍家岗区民办培训学校',
      kind: 'social_service',
      cluster: null,
    });
  });

  it('reads Excel cells: numbers, a date cell, TRUE/FALSE, a formula’s result, rich text and a serial date', async () => {
    const result = await load('excel-cells.xlsx');
    expect(result).toMatchObject({ status: 'applied', rows: 2, added: 2, errors: [], warnings: [] });
    const a = await row(USCC.xlsxA);
    expect(a).toMatchObject({
      name: '宜昌表格甲有限公司',
      region_code: '420502',
      employees: 120,
      member_count: 4,
      full_member_count: 3,
      full_member_estimated: false,
      industry_code: '13',
      above_scale: true,
      founded_on: '2019-03-01',
    });
    expect(fx.keys.decrypt(a!.phone)).toBe('0717-6221234');
    expect(await row(USCC.xlsxB)).toMatchObject({
      name: '宜昌表格乙有限公司',
      kind: 'individual',
      region_code: '420503',
      employees: 12,
      member_count: 0,
      full_member_count: 0,
      full_member_estimated: true,
      industry_code: '13',
      above_scale: false,
      founded_on: '2019-03-01',
      phone: null,
    });
  });

  it('folds full-width codes and numbers, trims spaces in headers and values, keeps full-width brackets in names', async () => {
    const result = await load('full-width.csv');
    expect(result).toMatchObject({ status: 'applied', added: 1, errors: [], warnings: [] });
    const e = await row(USCC.fullWidth);
    expect(e).toMatchObject({
      uscc: USCC.fullWidth,
      name: '宜昌全角（示例）有限公司',
      kind: 'private',
      region_code: '420502',
      employees: 12,
      member_count: 3,
      industry_code: '13',
      founded_on: '2019-03-01',
      above_scale: true,
    });
    expect(fx.keys.decrypt(e!.phone)).toBe('0717-6221234');
  });

  it('warns, without refusing, when members outnumber employees plus one', async () => {
    const result = await load('member-warning.csv');
    expect(result).toMatchObject({ status: 'applied', added: 2, errors: [] });
    // Row 2 has 3 members and 2 employees: the owner may be the third, so no warning.
    expect(result.warnings).toEqual([
      {
        row: 3,
        column: '党员数',
        message: '党员数（4）多于从业人员数（2）加 1，请核对（负责人可不计入从业人员）',
      },
    ]);
    expect(await row(USCC.warnB)).toMatchObject({ employees: 2, member_count: 4 });
  });
});
