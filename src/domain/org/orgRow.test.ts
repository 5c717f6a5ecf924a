import { describe, expect, it } from 'vitest';
import type { RowIssue } from '../enterprise/input.ts';
import { rowCases } from '../enterprise/rowCases.testing.ts';
import type { OrgColumnKey } from './orgColumns.ts';
import { checkOrgFile, type OrgInput, type ParsedOrgRow, parseOrgRow } from './orgRow.ts';

// Noon in Beijing, so the local date is 2026-05-01 whatever TZ the test machine has.
const TODAY = new Date('2026-05-01T04:00:00Z');
const ROW = 7;

const A = '91350100M000100Y43';
const B = '91350100M000200Y4T';
const C = '91350100M000300Y4J';
const D = '91350100M000400Y4A';
const E = '91350100M000500Y42';
const F = '91350100M000600Y4R';

const VALID: Record<OrgColumnKey, unknown> = {
  name: '福州某某科技有限公司党支部',
  orgCode: 'DJ-0001',
  regionCode: '350102',
  type: '党支部',
  formation: '单独组建',
  jointBasis: undefined,
  coveredUscc: A,
  parentOrg: '中共福州市鼓楼区非公有制经济组织委员会',
  establishedOn: '2019-03-01',
  approvedBy: '中共福州市鼓楼区非公有制经济组织委员会',
  secretaryName: '张三',
  secretarySource: '企业内部',
  fullMemberCount: 5,
  probationaryCount: 1,
  termStart: '2022-03-01',
  termEnd: '2025-03-01',
  management: '属地管理',
  managingOrg: '中共福州市鼓楼区某街道工作委员会',
  dissolvedOn: undefined,
};

const JOINT = { formation: '联合组建', type: '联合党支部', jointBasis: '区域联建', coveredUscc: `${A};${B}` };

const { row, parse, parsedValue, expectError, expectWarning } = rowCases(parseOrgRow, VALID, {
  rowNumber: ROW,
  today: TODAY,
});

describe('a valid row', () => {
  it('becomes an OrgInput with codes, not labels', () => {
    expect(parse()).toEqual({
      ok: true,
      value: {
        name: '福州某某科技有限公司党支部',
        orgCode: 'DJ-0001',
        regionCode: '350102',
        type: 'branch',
        formation: 'standalone',
        jointBasis: null,
        coveredUscc: [A],
        parentOrg: '中共福州市鼓楼区非公有制经济组织委员会',
        establishedOn: '2019-03-01',
        approvedBy: '中共福州市鼓楼区非公有制经济组织委员会',
        secretaryName: '张三',
        secretarySource: 'internal',
        fullMemberCount: 5,
        probationaryCount: 1,
        termStart: '2022-03-01',
        termEnd: '2025-03-01',
        management: 'territorial',
        managingOrg: '中共福州市鼓楼区某街道工作委员会',
        dissolvedOn: null,
      },
      errors: [],
      warnings: [],
    });
  });

  it('needs only the required columns; optional ones become null', () => {
    const cells = new Map<OrgColumnKey, unknown>([
      ['name', '某联合党支部'],
      ['regionCode', 350102001],
      ['type', '联合党支部'],
      ['formation', '联建'],
      ['jointBasis', '行业联建'],
      ['coveredUscc', `${A}\n${B}\n${C}`],
      ['establishedOn', new Date(Date.UTC(2020, 6, 1))],
    ]);
    expect(parseOrgRow(cells, 2, { today: TODAY })).toEqual({
      ok: true,
      value: {
        name: '某联合党支部',
        orgCode: null,
        regionCode: '350102001',
        type: 'joint_branch',
        formation: 'joint',
        jointBasis: 'industry',
        coveredUscc: [A, B, C],
        parentOrg: null,
        establishedOn: '2020-07-01',
        approvedBy: null,
        secretaryName: null,
        secretarySource: null,
        fullMemberCount: null,
        probationaryCount: null,
        termStart: null,
        termEnd: null,
        management: null,
        managingOrg: null,
        dissolvedOn: null,
      },
      errors: [],
      warnings: [],
    });
  });
});

describe('党组织名称', () => {
  const H = '党组织名称';

  it('is required', () => {
    expectError({ name: ' \u3000 ' }, H, '请填写党组织名称（必填项）');
  });

  it('collapses whitespace, keeps full-width brackets, allows 100 characters', () => {
    expect(parsedValue({ name: ' 中共某某（福州）\n有限公司支部 ' }).name).toBe('中共某某（福州） 有限公司支部');
    expect(parsedValue({ name: '党'.repeat(100) }).name).toHaveLength(100);
    expectError({ name: '党'.repeat(101) }, H, '党组织名称不能超过 100 个字，当前为 101 个字');
  });

  it('reports an unreadable cell under its column', () => {
    expectError({ name: { error: '#N/A' } }, H, '党组织名称：单元格为 Excel 错误值 #N/A');
  });
});

describe('党组织代码', () => {
  const H = '党组织代码';

  it('is optional, folded to half-width, without spaces, upper-cased', () => {
    expect(parsedValue({ orgCode: undefined }).orgCode).toBeNull();
    expect(parsedValue({ orgCode: ' ｄｊ-０００１ ' }).orgCode).toBe('DJ-0001');
    expect(parsedValue({ orgCode: 'dj 0001.a_b' }).orgCode).toBe('DJ0001.A_B');
    expect(parsedValue({ orgCode: 35010201 }).orgCode).toBe('35010201');
  });

  it('refuses other characters and overlong codes', () => {
    expectError({ orgCode: '党0001' }, H, '党组织代码“党0001”无效，只能包含字母、数字和“-”“_”“.”，并以字母或数字开头');
    expectError({ orgCode: '-0001' }, H, '党组织代码“-0001”无效，只能包含字母、数字和“-”“_”“.”，并以字母或数字开头');
    expectError({ orgCode: '1'.repeat(51) }, H, '党组织代码不能超过 50 个字符，当前为 51 个');
  });
});

describe('行政区划代码', () => {
  const H = '行政区划代码';

  it('is required and format-checked', () => {
    expectError({ regionCode: '' }, H, '请填写行政区划代码（必填项）');
    expectError({ regionCode: '35010A' }, H, '行政区划代码只能由数字组成，第 6 位“A”不是数字');
    expectError(
      { regionCode: '3501020' },
      H,
      '行政区划代码应为 6 位（省、市、县）、9 位（乡镇街道）或 12 位（村、社区），当前为 7 位',
    );
  });
});

describe('组织类别', () => {
  const H = '组织类别';

  it.each([
    ['党委', 'committee'],
    ['基层党委', 'committee'],
    ['党总支', 'general_branch'],
    ['党支部', 'branch'],
    ['支部', 'branch'],
    ['联合党支部', 'joint_branch'],
    ['临时党支部', 'temporary_branch'],
    ['功能型党支部', 'temporary_branch'],
    [' 党 支 部 ', 'branch'],
    ['BRANCH', 'branch'],
  ])('reads %s as %s', (label, code) => {
    expect(parsedValue({ type: label, termStart: undefined, termEnd: undefined }).type).toBe(code);
  });

  it('is required and lists the allowed values', () => {
    expectError({ type: undefined }, H, '请填写组织类别（必填项）');
    expectError(
      { type: '党小组' },
      H,
      '组织类别“党小组”无效，应为以下之一：党委、党总支、党支部、联合党支部、临时党支部',
    );
  });
});

describe('组建形式 and 联建类型', () => {
  it('reads both formations and both bases', () => {
    expect(parsedValue({ formation: '单建' }).formation).toBe('standalone');
    expect(parsedValue({ ...JOINT }).jointBasis).toBe('area');
    expect(parsedValue({ ...JOINT, jointBasis: '行业联建' })).toMatchObject({
      formation: 'joint',
      jointBasis: 'industry',
    });
  });

  it('formation is required and coded', () => {
    expectError({ formation: '' }, '组建形式', '请填写组建形式（必填项）');
    expectError({ formation: '自建' }, '组建形式', '组建形式“自建”无效，应为以下之一：单独组建、联合组建');
  });

  it('requires 联建类型 for a joint org', () => {
    expectError(
      { ...JOINT, jointBasis: undefined },
      '联建类型',
      '组建形式为联合组建时必须填写联建类型（区域联建 或 行业联建）',
    );
  });

  it('refuses 联建类型 for a standalone org', () => {
    expectError(
      { jointBasis: '区域联建' },
      '联建类型',
      '组建形式为单独组建时不应填写联建类型（当前为“区域联建”），联建类型只用于联合组建',
    );
  });

  it('lists the allowed bases', () => {
    expectError(
      { ...JOINT, jointBasis: '园区联建' },
      '联建类型',
      '联建类型“园区联建”无效，应为以下之一：区域联建、行业联建',
    );
  });

  it('does not ask for 联建类型 when the formation itself is wrong', () => {
    expectError(
      { formation: '其他', jointBasis: undefined },
      '组建形式',
      '组建形式“其他”无效，应为以下之一：单独组建、联合组建',
    );
  });

  it('warns about a 联合党支部 formed standalone', () => {
    expectWarning({ type: '联合党支部' }, '组建形式', '组织类别为联合党支部，但组建形式为单独组建，请核对');
  });
});

describe('覆盖企业信用代码', () => {
  const H = '覆盖企业信用代码';

  it('is required', () => {
    expectError({ coveredUscc: '' }, H, '请填写覆盖企业信用代码（必填项）');
  });

  it('normalises and de-duplicates, warning about repeats', () => {
    const r = parse({ ...JOINT, coveredUscc: `${A.toLowerCase()}；${B}，${A}` });
    expect(r.value?.coveredUscc).toEqual([A, B]);
    expect(r.warnings).toEqual([
      { row: ROW, column: H, message: `覆盖企业信用代码中“${A}”填写了不止一次，按 1 家企业计` },
    ]);
  });

  it('refuses a bad code', () => {
    expectError(
      { coveredUscc: '91350100M000100Y44' },
      H,
      '覆盖企业信用代码：统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“3”，实际为“4”，请核对是否输错',
    );
    expectError(
      { ...JOINT, coveredUscc: `${A};91350100M00010` },
      H,
      '覆盖企业信用代码第 2 个代码“91350100M00010”：统一社会信用代码应为 18 位，当前为 14 位',
    );
  });

  it('refuses a numeric cell', () => {
    expectError(
      { coveredUscc: 913501001234568000 },
      H,
      '覆盖企业信用代码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
    );
  });

  it('allows exactly one code for a standalone org', () => {
    expectError(
      { coveredUscc: `${A};${B}` },
      H,
      '组建形式为单独组建时，覆盖企业信用代码只能填写 1 个，当前为 2 个；覆盖多家企业的请选择联合组建',
    );
  });

  it('counts a mistyped code too when a standalone org lists two', () => {
    const r = parse({ coveredUscc: `${A};123` });
    expect(r.errors.map((e) => e.message)).toEqual([
      '覆盖企业信用代码第 2 个代码“123”：统一社会信用代码应为 18 位，当前为 3 位',
      '组建形式为单独组建时，覆盖企业信用代码只能填写 1 个，当前为 2 个；覆盖多家企业的请选择联合组建',
    ]);
  });

  it('warns about a joint org over one unit only', () => {
    expectWarning(
      { ...JOINT, coveredUscc: A },
      H,
      '组建形式为联合组建，但覆盖企业信用代码只有 1 个，请核对组建形式（只覆盖 1 家企业的一般为单独组建）',
    );
  });

  // The unit limit of a joint org is its region's org rule: checked when the import is planned (orgChecks.ts).
});

describe('上级党组织, 管理党组织, 批准机关, 书记', () => {
  it('keeps references as written, whitespace collapsed', () => {
    expect(parsedValue({ parentOrg: ' 中共某某 委员会 ', managingOrg: 'DJ-0100' })).toMatchObject({
      parentOrg: '中共某某 委员会',
      managingOrg: 'DJ-0100',
    });
  });

  it('refuses the org as its own parent, by name or by code', () => {
    const message = (ref: string) => `上级党组织“${ref}”就是本党组织，上级党组织应为另一个党组织`;
    expectError({ parentOrg: '福州某某科技有限公司党支部' }, '上级党组织', message('福州某某科技有限公司党支部'));
    expectError({ parentOrg: 'dj-0001' }, '上级党组织', message('dj-0001'));
  });

  it('limits lengths', () => {
    expectError({ parentOrg: '党'.repeat(101) }, '上级党组织', '上级党组织不能超过 100 个字，当前为 101 个字');
    expectError({ approvedBy: '党'.repeat(101) }, '批准机关', '批准机关不能超过 100 个字，当前为 101 个字');
    expectError({ managingOrg: '党'.repeat(101) }, '管理党组织', '管理党组织不能超过 100 个字，当前为 101 个字');
    expectError({ secretaryName: '欧'.repeat(51) }, '书记姓名', '书记姓名不能超过 50 个字，当前为 51 个字');
  });

  it('reads 书记来源 and 管理方式', () => {
    expect(parsedValue({ secretarySource: '下派', management: '行业管理' })).toMatchObject({
      secretarySource: 'dispatched',
      management: 'sectoral',
    });
    expect(parsedValue({ secretarySource: '选聘' }).secretarySource).toBe('hired');
    expectError({ secretarySource: '外聘' }, '书记来源', '书记来源“外聘”无效，应为以下之一：企业内部、下派、选聘');
    expectError({ management: '双重管理' }, '管理方式', '管理方式“双重管理”无效，应为以下之一：属地管理、行业管理');
  });
});

describe('正式党员数, 预备党员数', () => {
  it.each([
    ['fullMemberCount', '正式党员数'],
    ['probationaryCount', '预备党员数'],
  ])('%s: whole numbers ≥ 0, named by %s', (key, H) => {
    expect(parsedValue({ [key]: '１２' })[key as 'fullMemberCount']).toBe(12);
    expect(parsedValue({ [key]: undefined })[key as 'fullMemberCount']).toBeNull();
    expectError({ [key]: '-1' }, H, `${H}不能为负数，当前为 -1`);
    expectError({ [key]: '3.5' }, H, `${H}应为整数，不能有小数，当前为 3.5`);
    expectError({ [key]: '三' }, H, `${H}应为不小于 0 的整数，“三”不是数字`);
  });

  it('warns when fewer than 3 full members, unless the org is dissolved', () => {
    expectWarning(
      { fullMemberCount: 2 },
      '正式党员数',
      '正式党员数为 2，少于 3 名：党组织应有 3 名以上正式党员，请核对',
    );
    expect(parse({ fullMemberCount: 2, dissolvedOn: '2024-01-01' }).warnings).toEqual([]);
    expect(parse({ fullMemberCount: 3 }).warnings).toEqual([]);
  });
});

describe('dates', () => {
  it('成立日期 is required, readable and not in the future', () => {
    const H = '成立日期';
    expectError({ establishedOn: undefined }, H, '请填写成立日期（必填项）');
    expectError(
      { establishedOn: '三月一日' },
      H,
      '成立日期“三月一日”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期',
    );
    expectError({ establishedOn: '2019-13-01' }, H, '成立日期“2019-13-01”不是有效日期');
    expectError({ establishedOn: '2019-02-29' }, H, '成立日期“2019-02-29”不是有效日期');
    expectError({ establishedOn: '2026-05-02' }, H, '成立日期 2026-05-02 晚于今天（2026-05-01）');
    expect(parsedValue({ establishedOn: '2019年3月1日' }).establishedOn).toBe('2019-03-01');
  });

  it('本届任期开始 is not in the future', () => {
    expectError(
      { termStart: '2026-06-01', termEnd: undefined },
      '本届任期开始',
      '本届任期开始 2026-06-01 晚于今天（2026-05-01）',
    );
  });

  it('本届任期届满 may be in the future, and is optional', () => {
    expect(parsedValue({ termStart: '2024-03-01', termEnd: '2027/3/1' }).termEnd).toBe('2027-03-01');
    expect(parsedValue({ termEnd: undefined }).termEnd).toBeNull();
    expectError(
      { termEnd: 'later' },
      '本届任期届满',
      '本届任期届满“later”无法识别，请填写如 2019-03-01、2019/3/1 或 2019年3月1日 的日期',
    );
    expectError({ termEnd: 2958466 }, '本届任期届满', '本届任期届满 10000-01-01 晚于 9999-12-31');
  });

  it('本届任期届满 comes after 本届任期开始', () => {
    expectError(
      { termStart: '2022-03-01', termEnd: '2021-03-01' },
      '本届任期届满',
      '本届任期届满（2021-03-01）应晚于本届任期开始（2022-03-01）',
    );
    expectError(
      { termStart: '2022-03-01', termEnd: '2022-03-01' },
      '本届任期届满',
      '本届任期届满（2022-03-01）应晚于本届任期开始（2022-03-01）',
    );
  });

  it('warns when a term is more than a year off the type’s length', () => {
    expectWarning(
      { termStart: '2022-03-01', termEnd: '2032-03-01' },
      '本届任期届满',
      '本届任期 2022-03-01 至 2032-03-01，与党支部每届 3 年相差超过 1 年，请核对',
    );
    expectWarning(
      { type: '党委', termStart: '2022-03-01', termEnd: '2025-02-28' },
      '本届任期届满',
      '本届任期 2022-03-01 至 2025-02-28，与党委每届 5 年相差超过 1 年，请核对',
    );
    // 2 to 4 years for a branch, 4 to 6 for a committee; a temporary branch has no term length.
    for (const termEnd of ['2024-03-01', '2026-03-01']) expect(parse({ termEnd }).warnings).toEqual([]);
    for (const termEnd of ['2026-03-01', '2028-03-01']) expect(parse({ type: '党委', termEnd }).warnings).toEqual([]);
    expect(parse({ type: '临时党支部', termEnd: '2040-01-01' }).warnings).toEqual([]);
  });

  it('warns when the term starts before the org was established', () => {
    expectWarning(
      { establishedOn: '2022-06-01', termStart: '2022-03-01' },
      '本届任期开始',
      '本届任期开始（2022-03-01）早于成立日期（2022-06-01），请核对',
    );
  });

  it('撤销日期 is not in the future, nor before 成立日期', () => {
    expect(parsedValue({ dissolvedOn: '2025-12-31' }).dissolvedOn).toBe('2025-12-31');
    expect(parsedValue({ dissolvedOn: '2019-03-01' }).dissolvedOn).toBe('2019-03-01');
    expectError({ dissolvedOn: '2026-05-02' }, '撤销日期', '撤销日期 2026-05-02 晚于今天（2026-05-01）');
    expectError({ dissolvedOn: '2019-02-28' }, '撤销日期', '撤销日期（2019-02-28）不能早于成立日期（2019-03-01）');
  });
});

describe('a row with many problems', () => {
  it('reports every error, in column order, then the cross-column ones', () => {
    const r = parseOrgRow(
      new Map<OrgColumnKey, unknown>([
        ['regionCode', '35'],
        ['type', '小组'],
        ['formation', '单独组建'],
        ['jointBasis', '区域联建'],
        ['coveredUscc', `${A};${B}`],
        ['establishedOn', '2030-01-01'],
        ['fullMemberCount', -1],
        ['termStart', '2022-01-01'],
        ['termEnd', '2021-01-01'],
      ]),
      12,
      { today: TODAY },
    );
    expect(r.ok).toBe(false);
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e: RowIssue) => [e.row, e.column])).toEqual([
      [12, '党组织名称'],
      [12, '行政区划代码'],
      [12, '组织类别'],
      [12, '成立日期'],
      [12, '正式党员数'],
      [12, '联建类型'],
      [12, '覆盖企业信用代码'],
      [12, '本届任期届满'],
    ]);
  });

  it('still returns the warnings of a row with errors', () => {
    const r = parse({ name: '', fullMemberCount: 1 });
    expect(r.errors).toHaveLength(1);
    expect(r.warnings).toHaveLength(1);
  });

  it('defaults “today” to now', () => {
    const r = parseOrgRow(row({ establishedOn: '2999-01-01' }), 2);
    expect(r.errors[0].message).toMatch(/^成立日期 2999-01-01 晚于今天（\d{4}-\d{2}-\d{2}）$/);
  });
});

describe('checkOrgFile', () => {
  let n = 0;
  function org(overrides: Partial<OrgInput> = {}): OrgInput {
    n++;
    return {
      ...parsedValue({}),
      name: `第${n}党支部`,
      orgCode: null,
      coveredUscc: [[A, B, C, D, E, F][n % 6]],
      parentOrg: null,
      ...overrides,
    };
  }
  const rows = (...orgs: OrgInput[]): ParsedOrgRow[] => orgs.map((value, i) => ({ row: i + 2, value }));

  it('finds nothing in a clean file', () => {
    expect(checkOrgFile(rows(org(), org(), org()))).toEqual([]);
    expect(checkOrgFile([])).toEqual([]);
  });

  it('reports an org code on two rows, on both, naming both', () => {
    const message = '党组织代码“DJ-1”在文件中重复出现（第 2 行、第 4 行），同一党组织只能占一行';
    expect(checkOrgFile(rows(org({ orgCode: 'DJ-1' }), org({ orgCode: 'DJ-2' }), org({ orgCode: 'DJ-1' })))).toEqual([
      { row: 2, column: '党组织代码', message },
      { row: 4, column: '党组织代码', message },
    ]);
  });

  it('reports a name twice in one region, but not in two regions', () => {
    const message =
      '行政区划代码 350102 下的党组织名称“某党支部”在文件中重复出现（第 2 行、第 3 行），同一地区的党组织名称不能重复';
    expect(checkOrgFile(rows(org({ name: '某党支部' }), org({ name: '某党支部' })))).toEqual([
      { row: 2, column: '党组织名称', message },
      { row: 3, column: '党组织名称', message },
    ]);
    expect(checkOrgFile(rows(org({ name: '某党支部' }), org({ name: '某党支部', regionCode: '350103' })))).toEqual([]);
  });

  it('reports an enterprise under two standalone orgs in force', () => {
    const message =
      '企业“91350100M000100Y43”在文件中被多个单独组建且未撤销的党组织覆盖（第 2 行“甲党支部”、第 4 行“丙党支部”），一家企业只能有一个单独组建的党组织';
    expect(
      checkOrgFile(
        rows(
          org({ name: '甲党支部', coveredUscc: [A] }),
          org({ name: '乙党支部', coveredUscc: [B] }),
          org({ name: '丙党支部', coveredUscc: [A] }),
        ),
      ),
    ).toEqual([
      { row: 2, column: '覆盖企业信用代码', message },
      { row: 4, column: '覆盖企业信用代码', message },
    ]);
  });

  it('allows a dissolved standalone org, and joint orgs, over the same enterprise', () => {
    expect(
      checkOrgFile(
        rows(
          org({ coveredUscc: [A], dissolvedOn: '2020-01-01' }),
          org({ coveredUscc: [A] }),
          org({ formation: 'joint', jointBasis: 'area', coveredUscc: [A, B] }),
        ),
      ),
    ).toEqual([]);
  });

  it('accepts a parent earlier in the file, by name or code; reports one found only later', () => {
    const parent = org({ name: '中共某某委员会', orgCode: 'DW-1', type: 'committee' });
    expect(checkOrgFile(rows(parent, org({ parentOrg: '中共某某委员会' }), org({ parentOrg: 'dw-1' })))).toEqual([]);
    expect(checkOrgFile(rows(org({ parentOrg: '中共某某委员会' }), org(), parent))).toEqual([
      {
        row: 2,
        column: '上级党组织',
        message:
          '上级党组织“中共某某委员会”在本文件第 4 行，应放在本行之前：上级党组织须已在系统中，或在文件中更靠前的行',
      },
    ]);
    expect(checkOrgFile(rows(org({ parentOrg: 'DW-1' }), parent))[0].message).toBe(
      '上级党组织“DW-1”在本文件第 3 行，应放在本行之前：上级党组织须已在系统中，或在文件中更靠前的行',
    );
  });

  it('leaves a parent not in the file to the server', () => {
    expect(checkOrgFile(rows(org({ parentOrg: '别处的党委' })))).toEqual([]);
  });
});
