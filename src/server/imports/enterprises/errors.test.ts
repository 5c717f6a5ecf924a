// Every row-level error path of shared/formats/enterprise-import.md, one fixture each: the
// file is rejected, the error names the spreadsheet row, the column header and the reason,
// and nothing is written — not even the valid row 2, which would change a known enterprise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_CHECK_USCC, EXPECTED_CHECK, USCC, WRONG_CHECK } from '../../../../test/fixtures/enterprises/codes.ts';
import { localDateString } from '../../../domain/calendarDate.ts';
import { localOperator } from '../../actor.ts';
import { HEADER, writeCsv } from '../../testing/enterpriseFiles.ts';
import { enterpriseFixture, importFixture, importRequest, ledgerSnapshot } from '../../testing/imports.ts';
import { runImport } from './run.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
beforeAll(async () => {
  fx = await importFixture();
  // Row 2 of every fixture would change this enterprise (its name and head count differ).
  const seed = writeCsv([HEADER, [USCC.good, '宜昌示例科技有限公司（旧名）', '私营企业', '420502', 10, 1]]);
  const seeded = await runImport(fx.deps, localOperator(), importRequest(seed));
  expect(seeded).toMatchObject({ status: 'applied', added: 1 });
});
afterAll(() => fx.close());

const at = (column: string, message: string) => [{ row: 3, column, message }];

const ROW_ERRORS: [file: string, errors: { row: number; column: string; message: string }[]][] = [
  ['uscc-length.csv', at('统一社会信用代码', '统一社会信用代码应为 18 位，当前为 17 位')],
  [
    'uscc-char.csv',
    at('统一社会信用代码', '统一社会信用代码第 10 位的“O”是非法字符（统一社会信用代码不使用字母 I、O、Z、S、V）'),
  ],
  [
    'uscc-check.csv',
    at(
      '统一社会信用代码',
      `统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“${EXPECTED_CHECK}”，实际为“${WRONG_CHECK}”，请核对是否输错`,
    ),
  ],
  ['name-too-long.csv', at('企业名称', '企业名称不能超过 200 个字，当前为 201 个字')],
  [
    'kind.csv',
    at(
      '市场主体类型',
      '市场主体类型“国有企业”无效，应为以下之一：私营企业、个体工商户、外商投资企业、港澳台投资企业、社会团体、社会服务机构、基金会、其他',
    ),
  ],
  ['region-unknown.csv', at('行政区划代码', '行政区划代码“420599”不存在，请核对是否为现行的统计用区划代码')],
  [
    'region-format.csv',
    at('行政区划代码', '行政区划代码应为 6 位（省、市、县）、9 位（乡镇街道）或 12 位（村、社区），当前为 7 位'),
  ],
  ['industry-code.csv', at('行业代码', '行业代码“98”中的大类“98”不存在，大类代码为 01–97')],
  ['industry-section.csv', at('行业代码', '行业代码“A13”中的门类“A”与大类“13”不符：大类 13 属于门类 C')],
  ['employees-negative.csv', at('从业人员数', '从业人员数不能为负数，当前为 -3')],
  ['employees-decimal.csv', at('从业人员数', '从业人员数应为整数，不能有小数，当前为 12.5')],
  ['employees-text.csv', at('从业人员数', '从业人员数应为不小于 0 的整数，“约二十人”不是数字')],
  ['member-count.csv', at('党员数', '党员数应为不小于 0 的整数，“3人”不是数字')],
  ['full-member-count.csv', at('正式党员数', '正式党员数（3）不能大于党员数（2），党员数包括正式党员和预备党员')],
  ['owner-name.csv', at('负责人姓名', '负责人姓名不能超过 50 个字，当前为 51 个字')],
  [
    'political-status.csv',
    at('负责人政治面貌', '负责人政治面貌“党员”无效，应为以下之一：中共党员、中共预备党员、共青团员、民主党派、群众'),
  ],
  ['yes-no.csv', at('是否规模以上', '是否规模以上“是的”无效，应填写“是”或“否”')],
  ['date-invalid.csv', at('成立日期', '成立日期“2019-02-30”不是有效日期')],
  ['registration-status.csv', at('登记状态', '登记状态“歇业”无效，应为以下之一：存续、在营、迁入、迁出、吊销、注销')],
  [
    'phone.csv',
    at('联系电话', '联系电话“0717-62abcd”含有非法字符“a”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）'),
  ],
  ['formation.csv', at('党组织组建形式', '党组织组建形式“独立组建”无效，应为以下之一：单独组建、联合组建')],
];

async function expectRejected(file: string, errors: { row: number; column: string; message: string }[]) {
  const before = await ledgerSnapshot(fx.database.db);
  const result = await runImport(fx.deps, localOperator(), importRequest(enterpriseFixture(file)));
  expect(result.errors).toEqual(errors);
  expect(result.warnings).toEqual([]);
  expect(result).toMatchObject({ status: 'rejected', rows: 2 });
  expect(await ledgerSnapshot(fx.database.db)).toEqual(before);
}

describe('a row error rejects the whole file, naming row, column and reason, and writes nothing', () => {
  it.each(ROW_ERRORS)('%s', expectRejected);

  it('date-future.csv', async () => {
    // The server's own date decides what “the future” is.
    const today = localDateString(new Date());
    await expectRejected('date-future.csv', at('成立日期', `成立日期 2999-01-01 晚于今天（${today}）`));
  });

  it('the broken codes are the ones the fixtures hold', () => {
    // A guard on the fixtures themselves: the check character really is wrong, the base code is not.
    expect(BAD_CHECK_USCC.slice(0, 17)).toBe(USCC.base.slice(0, 17));
    expect(BAD_CHECK_USCC).not.toBe(USCC.base);
  });
});
