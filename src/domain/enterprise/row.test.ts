import { describe, expect, it } from 'vitest';
import type { ColumnKey } from './columns.ts';
import { parseEnterpriseRow } from './row.ts';
import { rowCases } from './rowCases.testing.ts';

// Noon in Beijing, so the local date is 2026-05-01 whatever TZ the test machine has (UTC−4 to UTC+12).
const TODAY = new Date('2026-05-01T04:00:00Z');
const ROW = 7;

const VALID: Record<ColumnKey, unknown> = {
  uscc: '91350100M000100Y43',
  name: '福州市鼓楼区某某科技有限公司',
  kind: '私营企业',
  regionCode: '350102',
  industryCode: 'I65',
  employees: 120,
  memberCount: 5,
  fullMemberCount: 4,
  ownerName: '张三',
  ownerPoliticalStatus: '中共党员',
  aboveScale: '是',
  cluster: '软件园',
  foundedOn: '2019-03-01',
  registrationStatus: '存续',
  phone: '0591-87654321',
  reportedHasOrg: '是',
  reportedFormation: '单独组建',
  hasUnion: '是',
  hasLeague: '否',
  legalPerson: '',
  staffOnPost: '',
  ownership: '',
  intermediaryKind: '',
};

const { row, parse, parsedValue, expectError } = rowCases(parseEnterpriseRow, VALID, {
  rowNumber: ROW,
  today: TODAY,
});

describe('a valid row', () => {
  it('becomes an EnterpriseInput with codes, not labels', () => {
    const r = parse();
    expect(r).toEqual({
      value: {
        uscc: '91350100M000100Y43',
        name: '福州市鼓楼区某某科技有限公司',
        kind: 'private',
        regionCode: '350102',
        industryCode: '65',
        employees: 120,
        memberCount: 5,
        fullMemberCount: 4,
        fullMemberEstimated: false,
        ownerName: '张三',
        ownerPoliticalStatus: 'member',
        aboveScale: true,
        cluster: '软件园',
        foundedOn: '2019-03-01',
        registrationStatus: 'active',
        phone: '0591-87654321',
        reportedHasOrg: true,
        reportedFormation: 'standalone',
        hasUnion: true,
        hasLeague: false,
        legalPerson: null,
        staffOnPost: null,
        ownership: null,
        intermediaryKind: null,
      },
      errors: [],
      warnings: [],
    });
  });

  it('needs only the required columns; optional ones become null or their default', () => {
    const cells = new Map<ColumnKey, unknown>([
      ['uscc', '91350100M000100Y43'],
      ['name', '某某商店'],
      ['kind', '个体工商户'],
      ['regionCode', '350102001'],
      ['employees', '3'],
      ['memberCount', '0'],
    ]);
    expect(parseEnterpriseRow(cells, 2, { today: TODAY })).toEqual({
      value: {
        uscc: '91350100M000100Y43',
        name: '某某商店',
        kind: 'individual',
        regionCode: '350102001',
        industryCode: null,
        employees: 3,
        memberCount: 0,
        fullMemberCount: 0,
        fullMemberEstimated: true,
        ownerName: null,
        ownerPoliticalStatus: null,
        aboveScale: false,
        cluster: null,
        foundedOn: null,
        registrationStatus: 'active',
        phone: null,
        reportedHasOrg: null,
        reportedFormation: null,
        hasUnion: null,
        hasLeague: null,
        legalPerson: null,
        staffOnPost: null,
        ownership: null,
        intermediaryKind: null,
      },
      errors: [],
      warnings: [],
    });
  });

  it('treats empty strings, spaces and full-width spaces as absent', () => {
    const v = parsedValue({
      industryCode: '',
      ownerName: '   ',
      cluster: '\u3000',
      aboveScale: ' ',
      registrationStatus: '',
    });
    expect(v).toMatchObject({
      industryCode: null,
      ownerName: null,
      cluster: null,
      aboveScale: false,
      registrationStatus: 'active',
    });
  });
});

describe('cells the reader could not reduce to text', () => {
  it.each([
    [{ error: '#N/A' }, '统一社会信用代码：单元格为 Excel 错误值 #N/A'],
    [{ formula: 'A1&B1' }, '统一社会信用代码：单元格是公式但没有计算结果，请在 Excel 中重新计算并保存后再导入'],
    [
      { sharedFormula: 'A2', result: null },
      '统一社会信用代码：单元格是公式但没有计算结果，请在 Excel 中重新计算并保存后再导入',
    ],
    [{ foo: 1 }, '统一社会信用代码：无法识别单元格内容，请改为直接填写文字或数字'],
    [['9135'], '统一社会信用代码：无法识别单元格内容，请改为直接填写文字或数字'],
    ['9135\u0000', '统一社会信用代码：单元格含有不可见的控制字符，请删除后重新填写'],
    [Number.NaN, '统一社会信用代码：单元格不是有效的数值'],
  ])('%o → %s', (cell, message) => {
    expectError({ uscc: cell }, '统一社会信用代码', message);
  });

  it('reports an invalid Date under its column', () => {
    expectError({ foundedOn: new Date(Number.NaN) }, '成立日期', '成立日期：单元格中的日期无效');
  });

  it('reads rich text, hyperlinks and formula results as their text', () => {
    const v = parsedValue({
      uscc: { richText: [{ text: '91350100' }, { font: { bold: true }, text: 'M000100Y43' }] },
      name: { text: '某某公司', hyperlink: 'https://example.com' },
      employees: { formula: 'SUM(B2:B3)', result: 42 },
      memberCount: { sharedFormula: 'C2', result: '4' },
      phone: { text: { richText: [{ text: '0591-' }, { text: '87654321' }] }, hyperlink: 'tel:059187654321' },
    });
    expect(v).toMatchObject({
      uscc: '91350100M000100Y43',
      name: '某某公司',
      employees: 42,
      memberCount: 4,
      phone: '0591-87654321',
    });
  });
});

describe('统一社会信用代码', () => {
  const H = '统一社会信用代码';

  it('is required', () => {
    expectError({ uscc: undefined }, H, '请填写统一社会信用代码（必填项）');
    expectError({ uscc: ' \u3000 ' }, H, '请填写统一社会信用代码（必填项）');
  });

  it('is upper-cased and folded to half-width before checking', () => {
    expect(parsedValue({ uscc: ' ９１３５０１００ｍ０００１００ｙ４３ ' }).uscc).toBe('91350100M000100Y43');
    expect(parsedValue({ uscc: '91350100m000100y43' }).uscc).toBe('91350100M000100Y43');
  });

  it('refuses a numeric cell, whose last digits Excel may have lost', () => {
    expectError(
      { uscc: 112302070019030690 },
      H,
      '统一社会信用代码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
    );
  });

  it('passes on the checker’s messages', () => {
    expectError({ uscc: '91350100M000100Y4' }, H, '统一社会信用代码应为 18 位，当前为 17 位');
    expectError({ uscc: '91350100M000100-43' }, H, '统一社会信用代码第 16 位的“-”是非法字符');
    expectError(
      { uscc: '91350100M000100Y44' },
      H,
      '统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“3”，实际为“4”，请核对是否输错',
    );
  });
});

describe('企业名称', () => {
  const H = '企业名称';

  it('is required', () => {
    expectError({ name: '' }, H, '请填写企业名称（必填项）');
  });

  it('keeps full-width brackets but collapses whitespace and line breaks', () => {
    expect(parsedValue({ name: ' 腾讯科技（深圳）\n有限公司  ' }).name).toBe('腾讯科技（深圳） 有限公司');
  });

  it('allows 200 characters, counted as characters not UTF-16 units', () => {
    expect(parsedValue({ name: '企'.repeat(200) }).name).toHaveLength(200);
    expect(parsedValue({ name: '𠀀'.repeat(200) }).name).toHaveLength(400);
    expectError({ name: '企'.repeat(201) }, H, '企业名称不能超过 200 个字，当前为 201 个字');
  });

  it('takes a number as its text', () => {
    expect(parsedValue({ name: 12345 }).name).toBe('12345');
  });
});

describe('市场主体类型', () => {
  const H = '市场主体类型';

  it('is required', () => {
    expectError({ kind: null }, H, '请填写市场主体类型（必填项）');
  });

  it.each([
    ['私营企业', 'private'],
    ['个体工商户', 'individual'],
    ['外商投资企业', 'foreign'],
    ['港澳台投资企业', 'hmt'],
    ['社会团体', 'association'],
    ['社会服务机构', 'social_service'],
    ['基金会', 'foundation'],
    ['其他', 'other'],
    [' 私营 企业 ', 'private'],
    ['民办非企业单位', 'social_service'],
    ['社会服务机构（民办非企业）', 'social_service'],
    ['港澳台商投资企业', 'hmt'],
    ['个体户', 'individual'],
    ['SOCIAL_SERVICE', 'social_service'],
  ])('reads %s as %s', (label, code) => {
    expect(parsedValue({ kind: label }).kind).toBe(code);
  });

  it('lists the allowed values', () => {
    expectError(
      { kind: '有限责任公司' },
      H,
      '市场主体类型“有限责任公司”无效，应为以下之一：私营企业、个体工商户、外商投资企业、港澳台投资企业、社会团体、社会服务机构、基金会、其他',
    );
  });
});

describe('行政区划代码', () => {
  const H = '行政区划代码';

  it('is required', () => {
    expectError({ regionCode: '' }, H, '请填写行政区划代码（必填项）');
  });

  it('accepts 6, 9 and 12 digits, numeric cells and full-width digits', () => {
    expect(parsedValue({ regionCode: 350102 }).regionCode).toBe('350102');
    expect(parsedValue({ regionCode: '３５０１０２００１' }).regionCode).toBe('350102001');
    expect(parsedValue({ regionCode: 350102001001 }).regionCode).toBe('350102001001');
  });

  it('checks the format (existence is the server’s check)', () => {
    expectError({ regionCode: '35010A' }, H, '行政区划代码只能由数字组成，第 6 位“A”不是数字');
    expectError(
      { regionCode: '3501020' },
      H,
      '行政区划代码应为 6 位（省、市、县）、9 位（乡镇街道）或 12 位（村、社区），当前为 7 位',
    );
    expectError({ regionCode: '990102' }, H, '行政区划代码前两位“99”不是有效的省级代码');
    expectError({ regionCode: 3501.5 }, H, '行政区划代码只能由数字组成，第 5 位“.”不是数字');
  });
});

describe('行业代码', () => {
  const H = '行业代码';

  it.each<[unknown, string]>([
    ['13', '13'],
    ['C13', '13'],
    ['c13', '13'],
    [' Ｃ１３ ', '13'],
    ['C', 'C'],
    ['t', 'T'],
    [13, '13'],
    [5, '05'],
    ['5', '05'],
    ['A05', '05'],
    ['C1311', '13'],
    ['1311', '13'],
    ['C131', '13'],
    [1311, '13'],
    ['97', '97'],
    ['T97', '97'],
    ['01', '01'],
  ])('reads %o as %s', (cell, code) => {
    expect(parsedValue({ industryCode: cell }).industryCode).toBe(code);
  });

  it('is optional', () => {
    expect(parsedValue({ industryCode: undefined }).industryCode).toBeNull();
  });

  it.each([
    ['13.5', '行业代码“13.5”无效，应为两位大类代码（如 13）、门类字母加大类代码（如 C13）或门类字母（如 C）'],
    ['制造业', '行业代码“制造业”无效，应为两位大类代码（如 13）、门类字母加大类代码（如 C13）或门类字母（如 C）'],
    ['CC13', '行业代码“CC13”无效，应为两位大类代码（如 13）、门类字母加大类代码（如 C13）或门类字母（如 C）'],
    ['13111', '行业代码“13111”无效，应为两位大类代码（如 13）、门类字母加大类代码（如 C13）或门类字母（如 C）'],
    ['Z', '行业代码“Z”中的门类字母不存在，门类为 A–T'],
    ['Z13', '行业代码“Z13”中的门类字母不存在，门类为 A–T'],
    ['98', '行业代码“98”中的大类“98”不存在，大类代码为 01–97'],
    ['00', '行业代码“00”中的大类“00”不存在，大类代码为 01–97'],
    ['A13', '行业代码“A13”中的门类“A”与大类“13”不符：大类 13 属于门类 C'],
    ['D43', '行业代码“D43”中的门类“D”与大类“43”不符：大类 43 属于门类 C'],
  ])('refuses %s', (cell, message) => {
    expectError({ industryCode: cell }, H, message);
  });

  it('refuses a 3-digit numeric cell that may have lost its leading zero', () => {
    expectError(
      { industryCode: 511 },
      H,
      '行业代码“511”被存成了数字，无法判断是否丢失了开头的 0，请将该列设为文本格式后填写两位大类代码',
    );
  });
});

describe('从业人员数, 党员数, 正式党员数', () => {
  it.each<['employees' | 'memberCount' | 'fullMemberCount', string]>([
    ['employees', '从业人员数'],
    ['memberCount', '党员数'],
    ['fullMemberCount', '正式党员数'],
  ])('%s: every rule, named by %s', (key, H) => {
    expectError({ [key]: 'abc' }, H, `${H}应为不小于 0 的整数，“abc”不是数字`);
    expectError({ [key]: '1,23' }, H, `${H}应为不小于 0 的整数，“1,23”不是数字`);
    expectError({ [key]: '1e3' }, H, `${H}应为不小于 0 的整数，“1e3”不是数字`);
    expectError({ [key]: true }, H, `${H}应为不小于 0 的整数，“是”不是数字`);
    expectError({ [key]: new Date(Date.UTC(2020, 0, 1)) }, H, `${H}应为不小于 0 的整数，“2020-01-01”不是数字`);
    expectError({ [key]: '-1' }, H, `${H}不能为负数，当前为 -1`);
    expectError({ [key]: -1 }, H, `${H}不能为负数，当前为 -1`);
    expectError({ [key]: '1.5' }, H, `${H}应为整数，不能有小数，当前为 1.5`);
    expectError({ [key]: 0.5 }, H, `${H}应为整数，不能有小数，当前为 0.5`);
    expectError({ [key]: 13800138000 }, H, `${H}不能大于 10000000，当前为 13800138000，请核对是否填错列`);
  });

  it('employees: rejects 12.5, -1 and abc; accepts 1,234, full-width digits, 12.0 and 0', () => {
    const H = '从业人员数';
    expectError({ employees: '12.5' }, H, '从业人员数应为整数，不能有小数，当前为 12.5');
    expectError({ employees: 12.5 }, H, '从业人员数应为整数，不能有小数，当前为 12.5');
    expectError({ employees: '-1' }, H, '从业人员数不能为负数，当前为 -1');
    expectError({ employees: 'abc' }, H, '从业人员数应为不小于 0 的整数，“abc”不是数字');
    expect(parsedValue({ employees: '1,234' }).employees).toBe(1234);
    expect(parsedValue({ employees: '１，２３４' }).employees).toBe(1234);
    expect(parsedValue({ employees: '12.0' }).employees).toBe(12);
    expect(parsedValue({ employees: 0 }).employees).toBe(0);
    expect(Object.is(parsedValue({ employees: '-0' }).employees, 0)).toBe(true);
    expect(parsedValue({ employees: 10_000_000 }).employees).toBe(10_000_000);
  });

  it('employees and memberCount are required; fullMemberCount is not', () => {
    expectError({ employees: '' }, '从业人员数', '请填写从业人员数（必填项）');
    expectError({ memberCount: undefined }, '党员数', '请填写党员数（必填项）');
  });

  it('takes an absent 正式党员数 as 党员数 and marks it estimated', () => {
    const v = parsedValue({ memberCount: 5, fullMemberCount: undefined });
    expect(v).toMatchObject({ memberCount: 5, fullMemberCount: 5, fullMemberEstimated: true });
    expect(parsedValue({ memberCount: 5, fullMemberCount: 5 }).fullMemberEstimated).toBe(false);
    expect(parsedValue({ memberCount: 5, fullMemberCount: 0 })).toMatchObject({
      fullMemberCount: 0,
      fullMemberEstimated: false,
    });
  });

  it('refuses 正式党员数 above 党员数', () => {
    expectError(
      { memberCount: 3, fullMemberCount: 4 },
      '正式党员数',
      '正式党员数（4）不能大于党员数（3），党员数包括正式党员和预备党员',
    );
  });

  it('does not compare with a 党员数 that is itself wrong', () => {
    expectError({ memberCount: 'x', fullMemberCount: 4 }, '党员数', '党员数应为不小于 0 的整数，“x”不是数字');
  });

  it('warns, without refusing, when 党员数 exceeds 从业人员数 + 1', () => {
    const r = parse({ employees: 3, memberCount: 5, fullMemberCount: 5 });
    expect(r.value).toBeDefined();
    expect(r.warnings).toEqual([
      {
        row: ROW,
        column: '党员数',
        message: '党员数（5）多于从业人员数（3）加 1，请核对（负责人可不计入从业人员）',
      },
    ]);
    expect(parse({ employees: 3, memberCount: 4, fullMemberCount: 4 }).warnings).toEqual([]);
  });
});

describe('负责人姓名, 负责人政治面貌', () => {
  it('limits the name to 50 characters', () => {
    expect(parsedValue({ ownerName: '欧'.repeat(50) }).ownerName).toHaveLength(50);
    expectError({ ownerName: '欧'.repeat(51) }, '负责人姓名', '负责人姓名不能超过 50 个字，当前为 51 个字');
  });

  it.each([
    ['中共党员', 'member'],
    ['中共预备党员', 'probationary'],
    ['预备党员', 'probationary'],
    ['共青团员', 'league'],
    ['民主党派', 'democratic_party'],
    ['群众', 'masses'],
  ])('reads %s as %s', (label, code) => {
    expect(parsedValue({ ownerPoliticalStatus: label }).ownerPoliticalStatus).toBe(code);
  });

  it('lists the allowed political statuses', () => {
    expectError(
      { ownerPoliticalStatus: '党员' },
      '负责人政治面貌',
      '负责人政治面貌“党员”无效，应为以下之一：中共党员、中共预备党员、共青团员、民主党派、群众',
    );
  });
});

describe('是/否 columns', () => {
  it.each<[ColumnKey, string]>([
    ['aboveScale', '是否规模以上'],
    ['reportedHasOrg', '是否建立党组织'],
    ['hasUnion', '是否建立工会'],
    ['hasLeague', '是否建立团组织'],
  ])('%s (%s) reads 是/否 and TRUE/FALSE cells, and names the rule', (key, H) => {
    expect(parsedValue({ [key]: '是', reportedFormation: null })[key as 'hasUnion']).toBe(true);
    expect(parsedValue({ [key]: ' 否 ', reportedFormation: null })[key as 'hasUnion']).toBe(false);
    expect(parsedValue({ [key]: true, reportedFormation: null })[key as 'hasUnion']).toBe(true);
    expect(parsedValue({ [key]: false, reportedFormation: null })[key as 'hasUnion']).toBe(false);
    expectError({ [key]: '有' }, H, `${H}“有”无效，应填写“是”或“否”`);
    expectError({ [key]: 1 }, H, `${H}“1”无效，应填写“是”或“否”`);
  });

  it('defaults 是否规模以上 to 否, and leaves the reported ones unknown', () => {
    const v = parsedValue({
      aboveScale: undefined,
      reportedHasOrg: undefined,
      hasUnion: undefined,
      hasLeague: undefined,
    });
    expect(v).toMatchObject({ aboveScale: false, reportedHasOrg: null, hasUnion: null, hasLeague: null });
  });
});

describe('党组织组建形式', () => {
  it('reads the two formations', () => {
    expect(parsedValue({ reportedFormation: '单独组建' }).reportedFormation).toBe('standalone');
    expect(parsedValue({ reportedFormation: '联合组建' }).reportedFormation).toBe('joint');
    expect(parsedValue({ reportedFormation: '联建' }).reportedFormation).toBe('joint');
  });

  it('lists them when the value is unknown', () => {
    expectError(
      { reportedFormation: '自建' },
      '党组织组建形式',
      '党组织组建形式“自建”无效，应为以下之一：单独组建、联合组建',
    );
  });

  it('warns when a formation is given for an enterprise that reports no organization', () => {
    const r = parse({ reportedHasOrg: '否', reportedFormation: '联合组建' });
    expect(r.value?.reportedFormation).toBe('joint');
    expect(r.warnings).toEqual([
      {
        row: ROW,
        column: '党组织组建形式',
        message: '是否建立党组织填写为“否”，但党组织组建形式填写了“联合组建”，请核对',
      },
    ]);
  });
});

describe('所在园区楼宇市场', () => {
  it('normalises so that the same text means the same cluster', () => {
    const a = parsedValue({ cluster: '  软件园　Ａ区  ２号楼 ' }).cluster;
    const b = parsedValue({ cluster: '软件园 A区 2号楼' }).cluster;
    expect(a).toBe('软件园 A区 2号楼');
    expect(a).toBe(b);
  });

  it('limits the length', () => {
    expectError(
      { cluster: '园'.repeat(201) },
      '所在园区楼宇市场',
      '所在园区楼宇市场不能超过 200 个字，当前为 201 个字',
    );
  });
});

describe('成立日期', () => {
  const H = '成立日期';

  it.each<[unknown, string]>([
    ['2019-03-01', '2019-03-01'],
    ['2019/3/1', '2019-03-01'],
    ['2019年3月1日', '2019-03-01'],
    ['2019 年 3 月 1 日', '2019-03-01'],
    ['2019-3-1', '2019-03-01'],
    ['2019.3.1', '2019-03-01'],
    ['２０１９／３／１', '2019-03-01'],
    ['2019-03-01 00:00:00', '2019-03-01'],
    ['2019-03-01T08:30', '2019-03-01'],
    ['20190301', '2019-03-01'],
    [20190301, '2019-03-01'],
    [new Date(Date.UTC(2019, 2, 1)), '2019-03-01'],
    [43525, '2019-03-01'],
    [43525.75, '2019-03-01'],
    ['43525', '2019-03-01'],
    [{ formula: 'DATE(2019,3,1)', result: new Date(Date.UTC(2019, 2, 1)) }, '2019-03-01'],
    ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2026-05-01', '2026-05-01'],
  ])('reads %o as %s', (cell, date) => {
    expect(parsedValue({ foundedOn: cell }).foundedOn).toBe(date);
  });

  it('uses the UTC date of a Date, as ExcelJS means it', () => {
    // 2019-03-01T00:00Z is already 08:00 on 1 March in Beijing and still 28 February in New York.
    expect(parsedValue({ foundedOn: new Date('2019-03-01T00:00:00Z') }).foundedOn).toBe('2019-03-01');
    expect(parsedValue({ foundedOn: new Date('2019-03-01T23:59:59Z') }).foundedOn).toBe('2019-03-01');
  });

  it.each<[unknown, string]>([
    ['2019', '成立日期“2019”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    [2019, '成立日期“2019”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    ['19/3/1', '成立日期“19/3/1”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    ['2019年3-1', '成立日期“2019年3-1”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    ['2019-3/1', '成立日期“2019-3/1”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    ['2019-3-1日', '成立日期“2019-3-1日”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    ['三月', '成立日期“三月”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    [true, '成立日期“是”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
    [1e300, '成立日期“1e+300”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期'],
  ])('cannot read %o', (cell, message) => {
    expectError({ foundedOn: cell }, H, message);
  });

  it('refuses impossible dates', () => {
    expectError({ foundedOn: '2019-02-29' }, H, '成立日期“2019-02-29”不是有效日期');
    expectError({ foundedOn: '2019年13月1日' }, H, '成立日期“2019年13月1日”不是有效日期');
    expectError({ foundedOn: '2019/4/31' }, H, '成立日期“2019/4/31”不是有效日期');
    expectError({ foundedOn: '20190230' }, H, '成立日期“20190230”不是有效日期');
  });

  it('refuses dates before 1900 and after today', () => {
    expectError({ foundedOn: '1899-12-31' }, H, '成立日期 1899-12-31 早于 1900-01-01，请核对');
    expectError({ foundedOn: '2026-05-02' }, H, '成立日期 2026-05-02 晚于今天（2026-05-01）');
    expectError({ foundedOn: 2958466 }, H, '成立日期 10000-01-01 晚于今天（2026-05-01）');
  });
});

describe('登记状态', () => {
  it.each([
    ['存续', 'active'],
    ['在营', 'operating'],
    ['迁入', 'moved_in'],
    ['迁出', 'moved_out'],
    ['吊销', 'revoked'],
    ['注销', 'cancelled'],
    ['存续（在营、开业、在册）', 'active'],
    ['吊销，未注销', 'revoked'],
    ['吊销，已注销', 'cancelled'],
  ])('reads %s as %s', (label, code) => {
    expect(parsedValue({ registrationStatus: label }).registrationStatus).toBe(code);
  });

  it('defaults to 存续', () => {
    expect(parsedValue({ registrationStatus: undefined }).registrationStatus).toBe('active');
  });

  it('lists the allowed statuses', () => {
    expectError(
      { registrationStatus: '歇业' },
      '登记状态',
      '登记状态“歇业”无效，应为以下之一：存续、在营、迁入、迁出、吊销、注销',
    );
  });
});

describe('联系电话', () => {
  const H = '联系电话';

  it('accepts digits, -, + and spaces, normalised', () => {
    expect(parsedValue({ phone: '＋８６　１３８ ００１３ ８０００' }).phone).toBe('+86 138 0013 8000');
    expect(parsedValue({ phone: 13800138000 }).phone).toBe('13800138000');
    expect(parsedValue({ phone: '12345' }).phone).toBe('12345');
    expect(parsedValue({ phone: '1'.repeat(20) }).phone).toBe('1'.repeat(20));
  });

  it('names the first illegal character', () => {
    expectError(
      { phone: '0591-87654321/13800138000' },
      H,
      '联系电话“0591-87654321/13800138000”含有非法字符“/”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）',
    );
    expectError(
      { phone: '0591-8765转123' },
      H,
      '联系电话“0591-8765转123”含有非法字符“转”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）',
    );
  });

  it('needs digits', () => {
    expectError({ phone: '------' }, H, '联系电话“------”中没有数字');
  });

  it('has 5–20 characters', () => {
    expectError({ phone: '1234' }, H, '联系电话应为 5–20 个字符，当前为 4 个');
    expectError({ phone: '1'.repeat(21) }, H, '联系电话应为 5–20 个字符，当前为 21 个');
  });
});

describe('a row with many problems', () => {
  it('reports every error, in column order, with the row number', () => {
    const r = parseEnterpriseRow(
      new Map<ColumnKey, unknown>([
        ['uscc', '123'],
        ['kind', '公司'],
        ['regionCode', '35'],
        ['employees', '-2'],
        ['memberCount', 3],
        ['fullMemberCount', 4],
        ['foundedOn', '2019-02-30'],
        ['phone', 'abc'],
        ['hasLeague', '无'],
      ]),
      12,
      { today: TODAY },
    );
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [12, '统一社会信用代码'],
      [12, '企业名称'],
      [12, '市场主体类型'],
      [12, '行政区划代码'],
      [12, '从业人员数'],
      [12, '成立日期'],
      [12, '联系电话'],
      [12, '是否建立团组织'],
      [12, '正式党员数'],
    ]);
    expect(r.errors[1].message).toBe('请填写企业名称（必填项）');
  });

  it('still returns the warnings of a row with errors', () => {
    const r = parse({ uscc: '', employees: 0, memberCount: 3, fullMemberCount: 3 });
    expect(r.errors).toHaveLength(1);
    expect(r.warnings).toHaveLength(1);
  });

  it('defaults “today” to now', () => {
    const r = parseEnterpriseRow(row({ foundedOn: '2999-01-01' }), 2);
    expect(r.errors[0].message).toMatch(/^成立日期 2999-01-01 晚于今天（\d{4}-\d{2}-\d{2}）$/);
  });
});

describe('the 年报 facts (tables 27 and 30)', () => {
  it('reads each new column', () => {
    expect(parsedValue({ legalPerson: '否', ownership: '私营独资', staffOnPost: 100 })).toMatchObject({
      legalPerson: false,
      ownership: 'sole',
      staffOnPost: 100,
    });
    expect(parsedValue({ kind: '其他', intermediaryKind: '律师事务所' }).intermediaryKind).toBe('law_firm');
    expect(parsedValue({ staffOnPost: '0' }).staffOnPost).toBe(0);
  });

  it('names the column and the rule of each bad value', () => {
    expectError({ legalPerson: '有' }, '是否法人单位', '是否法人单位“有”无效，应填写“是”或“否”');
    expectError({ staffOnPost: '-3' }, '在岗职工数', expect.stringContaining('在岗职工数'));
    expectError({ ownership: '合资' }, '资本构成', expect.stringContaining('资本构成“合资”无效'));
    expectError({ intermediaryKind: '事务所' }, '中介组织类型', expect.stringContaining('中介组织类型“事务所”无效'));
  });

  it('refuses facts that contradict the kind or the employees', () => {
    expectError(
      { kind: '个体工商户', legalPerson: '是' },
      '是否法人单位',
      '市场主体类型为“个体工商户”，个体工商户不是法人单位，是否法人单位应填“否”',
    );
    expectError({ staffOnPost: 121 }, '在岗职工数', '在岗职工数（121）不能大于从业人员数（120）');
    expectError(
      { kind: '社会团体', ownership: '独资' },
      '资本构成',
      '资本构成只适用于私营企业、港澳台投资企业和外商投资企业，市场主体类型为“社会团体”时应留空',
    );
    expectError(
      { kind: '外商投资企业', ownership: '含港澳台商投资' },
      '资本构成',
      '“含港澳台商投资”只适用于私营企业（私有经济控制的企业）',
    );
    expectError(
      { intermediaryKind: '会计师事务所' },
      '中介组织类型',
      '中介组织类型只适用于社会组织和“其他”类型，市场主体类型为“私营企业”时应留空',
    );
  });
});
