import { describe, expect, it } from 'vitest';
import { rowCases } from '../enterprise/rowCases.testing.ts';
import type { MemberColumnKey } from './memberColumns.ts';
import { checkMemberFile, type MemberInput, parseMemberRow } from './memberRow.ts';

// Noon in Beijing, so the local date is 2026-05-01 whatever TZ the test machine has.
const TODAY = new Date('2026-05-01T04:00:00Z');
const ROW = 9;

const MALE_1985 = '350102198506151231';
const FEMALE_1990_X = '35010219900228246X';
const MALE_2000 = '110105200001010016';
const FEMALE_LEAP = '110105200002290021';
const A = '91350100M000100Y43';

const VALID: Record<MemberColumnKey, unknown> = {
  name: '李四',
  idNumber: MALE_1985,
  sex: '男',
  ethnicity: '汉族',
  education: '大学本科',
  status: '正式党员',
  joinedOn: '2010-07-01',
  fullOn: '2011-07-01',
  org: '福州某某科技有限公司党支部',
  employerUscc: A,
  position: '技术员',
  phone: '13800138000',
  mobile: '否',
  relationOrg: undefined,
  jobCode: undefined,
  newClass: undefined,
  migrantWorker: undefined,
  joinType: undefined,
};

const { parse, parsedValue, expectError } = rowCases(parseMemberRow, VALID, { rowNumber: ROW, today: TODAY });

describe('a valid row', () => {
  it('becomes a MemberInput, with birth date and sex from the ID number', () => {
    expect(parse()).toEqual({
      ok: true,
      // Text and dates as written; coded cells as their codes; absent cells as null.
      value: {
        ...VALID,
        birthDate: '1985-06-15',
        sex: 'male',
        education: 'bachelor',
        status: 'full',
        mobile: false,
        relationOrg: null,
        jobCode: null,
        newClass: null,
        migrantWorker: null,
        joinType: null,
      },
      errors: [],
      warnings: [],
    });
  });

  it('needs only the required columns; optional ones become null or their default', () => {
    const cells = new Map<MemberColumnKey, unknown>([
      ['name', '王五'],
      ['idNumber', '35010219900228246x'],
      ['status', '预备党员'],
      ['joinedOn', '2025年12月1日'],
      ['org', 'DJ-0001'],
    ]);
    expect(parseMemberRow(cells, 2, { today: TODAY })).toEqual({
      ok: true,
      value: {
        name: '王五',
        idNumber: FEMALE_1990_X,
        birthDate: '1990-02-28',
        sex: 'female',
        ethnicity: null,
        education: null,
        status: 'probationary',
        joinedOn: '2025-12-01',
        fullOn: null,
        org: 'DJ-0001',
        employerUscc: null,
        position: null,
        phone: null,
        mobile: false,
        relationOrg: null,
        jobCode: null,
        newClass: null,
        migrantWorker: null,
        joinType: null,
      },
      errors: [],
      warnings: [],
    });
  });
});

describe('姓名', () => {
  it('is required, at most 50 characters', () => {
    expectError({ name: '' }, '姓名', '请填写姓名（必填项）');
    expectError({ name: '欧'.repeat(51) }, '姓名', '姓名不能超过 50 个字，当前为 51 个字');
    expect(parsedValue({ name: ' 阿卜杜拉·买买提 ' }).name).toBe('阿卜杜拉·买买提');
  });
});

describe('公民身份号码', () => {
  const H = '公民身份号码';

  it('is required', () => {
    expectError({ idNumber: undefined }, H, '请填写公民身份号码（必填项）');
  });

  it('accepts x in either case and full-width characters', () => {
    expect(parsedValue({ idNumber: '35010219900228246x', sex: '女' }).idNumber).toBe(FEMALE_1990_X);
    expect(parsedValue({ idNumber: '３５０１０２１９９００２２８２４６ｘ', sex: '女' }).idNumber).toBe(FEMALE_1990_X);
  });

  it('refuses a numeric cell', () => {
    expectError(
      { idNumber: 350102198506151230 },
      H,
      '公民身份号码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
    );
  });

  it.each([
    ['350102198506151232', '公民身份号码校验码错误：按前 17 位计算，第 18 位应为“1”，实际为“2”，请核对是否输错'],
    ['35010219850615123', '公民身份号码应为 18 位，当前为 17 位'],
    ['350102850615123', '公民身份号码应为 18 位，当前为 15 位（15 位旧号码请使用换发后的 18 位号码）'],
    ['35010219850A151231', '公民身份号码第 12 位“A”不是数字（前 17 位必须都是数字）'],
    ['35010219850615123Y', '公民身份号码第 18 位“Y”无效，只能是数字或 X'],
    ['350102198502301231', '公民身份号码中的出生日期 1985-02-30 不是有效日期（第 7–14 位）'],
    ['350102202701011231', '公民身份号码中的出生日期 2027-01-01 晚于今天'],
  ])('refuses %s, without repeating it', (id, message) => {
    const r = parse({ idNumber: id, sex: undefined });
    expect(r.errors).toEqual([{ row: ROW, column: H, message }]);
    expect(r.errors[0].message).not.toContain(id);
  });
});

describe('性别', () => {
  it('is optional: the ID number decides', () => {
    expect(parsedValue({ sex: undefined }).sex).toBe('male');
    expect(parsedValue({ idNumber: FEMALE_1990_X, sex: ' 女 ' }).sex).toBe('female');
  });

  it('must match the ID number, naming both columns', () => {
    expectError({ sex: '女' }, '性别', '性别填写为“女”，与公民身份号码不符：按公民身份号码第 17 位应为“男”');
    expectError(
      { idNumber: FEMALE_1990_X, sex: '男' },
      '性别',
      '性别填写为“男”，与公民身份号码不符：按公民身份号码第 17 位应为“女”',
    );
  });

  it('lists the allowed values', () => {
    expectError({ sex: 'M' }, '性别', '性别“M”无效，应为以下之一：男、女');
  });

  it('is not compared with an ID number that is itself wrong', () => {
    expectError(
      { idNumber: '350102198506151232', sex: '女' },
      '公民身份号码',
      '公民身份号码校验码错误：按前 17 位计算，第 18 位应为“1”，实际为“2”，请核对是否输错',
    );
  });
});

describe('民族, 学历, 岗位', () => {
  it('keeps ethnicity and position as text, with length limits', () => {
    expect(parsedValue({ ethnicity: '维吾尔族', position: ' 车间 主任 ' })).toMatchObject({
      ethnicity: '维吾尔族',
      position: '车间 主任',
    });
    expectError({ ethnicity: '族'.repeat(21) }, '民族', '民族不能超过 20 个字，当前为 21 个字');
    expectError({ position: '岗'.repeat(51) }, '岗位', '岗位不能超过 50 个字，当前为 51 个字');
  });

  it.each([
    ['研究生', 'postgraduate'],
    ['硕士', 'postgraduate'],
    ['大学本科', 'bachelor'],
    ['本科', 'bachelor'],
    ['大专', 'college'],
    ['中专', 'secondary_vocational'],
    ['高中', 'high_school'],
    ['初中及以下', 'junior_or_below'],
    ['小学', 'junior_or_below'],
  ])('reads 学历 %s as %s', (label, code) => {
    expect(parsedValue({ education: label }).education).toBe(code);
  });

  it('lists the allowed 学历', () => {
    expectError(
      { education: '大学' },
      '学历',
      '学历“大学”无效，应为以下之一：研究生、大学本科、大学专科、中专、高中、初中及以下',
    );
  });
});

describe('人员类别', () => {
  it('is required and coded', () => {
    expectError({ status: '', fullOn: undefined }, '人员类别', '请填写人员类别（必填项）');
    expectError({ status: '党员' }, '人员类别', '人员类别“党员”无效，应为以下之一：正式党员、预备党员');
  });
});

describe('入党日期', () => {
  const H = '入党日期';

  it('is required, readable and not in the future', () => {
    expectError({ joinedOn: undefined }, H, '请填写入党日期（必填项）');
    expectError({ joinedOn: '2010-02-30' }, H, '入党日期“2010-02-30”不是有效日期');
    expectError(
      { status: '预备党员', fullOn: undefined, joinedOn: '2026-05-02' },
      H,
      '入党日期 2026-05-02 晚于今天（2026-05-01）',
    );
  });

  it('is on or after the 18th birthday', () => {
    const member = { idNumber: MALE_2000, status: '预备党员', fullOn: undefined };
    expectError(
      { ...member, joinedOn: '2017-12-31' },
      H,
      '入党日期（2017-12-31）时按公民身份号码计算为 17 周岁，入党须年满 18 周岁',
    );
    expect(parsedValue({ ...member, joinedOn: '2018-01-01' }).joinedOn).toBe('2018-01-01');
  });

  it('counts a 29 February birthday from 1 March in a common year', () => {
    const member = { idNumber: FEMALE_LEAP, sex: undefined, status: '预备党员', fullOn: undefined };
    expectError(
      { ...member, joinedOn: '2018-02-28' },
      H,
      '入党日期（2018-02-28）时按公民身份号码计算为 17 周岁，入党须年满 18 周岁',
    );
    expect(parsedValue({ ...member, joinedOn: '2018-03-01' }).joinedOn).toBe('2018-03-01');
  });

  it('is not before the birth date', () => {
    expectError(
      { joinedOn: '1980-01-01', fullOn: '1981-01-01' },
      H,
      '入党日期（1980-01-01）早于公民身份号码中的出生日期，请核对',
    );
  });
});

describe('转正日期', () => {
  const H = '转正日期';

  it('is required for a full member', () => {
    expectError({ fullOn: undefined }, H, '人员类别为正式党员时必须填写转正日期');
  });

  it('is refused for a probationary member', () => {
    expectError(
      { status: '预备党员' },
      H,
      '人员类别为预备党员时不应填写转正日期（当前为 2011-07-01）；已转正的请将人员类别改为正式党员',
    );
  });

  it('is not before 入党日期, and not in the future', () => {
    expectError({ fullOn: '2010-06-30' }, H, '转正日期（2010-06-30）不能早于入党日期（2010-07-01）');
    expectError({ fullOn: '2026-05-02' }, H, '转正日期 2026-05-02 晚于今天（2026-05-01）');
  });

  it('warns about a probation shorter than a year', () => {
    const r = parse({ fullOn: '2011-06-30' });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      {
        row: ROW,
        column: H,
        message: '转正日期（2011-06-30）距入党日期（2010-07-01）不满 1 年，预备期一般为 1 年，请核对',
      },
    ]);
    expect(parse({ fullOn: '2012-07-01' }).warnings).toEqual([]);
  });
});

describe('所在党组织, 组织关系所在', () => {
  it('所在党组织 is required; both are kept as written', () => {
    expectError({ org: ' ' }, '所在党组织', '请填写所在党组织（必填项）');
    expect(parsedValue({ org: ' 某某 党支部 ', relationOrg: '某县某镇党委' })).toMatchObject({
      org: '某某 党支部',
      relationOrg: '某县某镇党委',
    });
    expectError({ relationOrg: '党'.repeat(101) }, '组织关系所在', '组织关系所在不能超过 100 个字，当前为 101 个字');
  });
});

describe('工作单位信用代码', () => {
  const H = '工作单位信用代码';

  it('is optional and normalised', () => {
    expect(parsedValue({ employerUscc: undefined }).employerUscc).toBeNull();
    expect(parsedValue({ employerUscc: A.toLowerCase() }).employerUscc).toBe(A);
  });

  it('must be a valid USCC', () => {
    expectError(
      { employerUscc: '91350100M000100Y44' },
      H,
      '工作单位信用代码：统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“3”，实际为“4”，请核对是否输错',
    );
    expectError(
      { employerUscc: 913501001234568000 },
      H,
      '工作单位信用代码被 Excel 存成了数字，末几位可能已丢失，请将该列设为文本格式后重新填写',
    );
  });
});

describe('联系电话', () => {
  const H = '联系电话';

  it('follows the enterprise file’s rules', () => {
    expect(parsedValue({ phone: '０５９１－８７６５ ４３２１' }).phone).toBe('0591-8765 4321');
    expect(parsedValue({ phone: 13800138000 }).phone).toBe('13800138000');
  });

  it('never repeats the number in a message', () => {
    expectError(
      { phone: '13800138000/13900139000' },
      H,
      '联系电话“*******************9000”含有非法字符“/”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）',
    );
    expectError({ phone: '138001380001380013800' }, H, '联系电话应为 5–20 个字符，当前为 21 个');
    expectError(
      { phone: '1380013800o' },
      H,
      '联系电话“*******800o”含有非法字符“o”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）',
    );
  });
});

describe('是否流动党员', () => {
  it('defaults to 否 and reads 是/否 and TRUE/FALSE', () => {
    expect(parsedValue({ mobile: undefined }).mobile).toBe(false);
    expect(parsedValue({ mobile: '是' }).mobile).toBe(true);
    expect(parsedValue({ mobile: true }).mobile).toBe(true);
    expectError({ mobile: '流动' }, '是否流动党员', '是否流动党员“流动”无效，应填写“是”或“否”');
  });
});

describe('a row with many problems', () => {
  it('reports every error, in column order, then the cross-column ones', () => {
    const r = parseMemberRow(
      new Map<MemberColumnKey, unknown>([
        ['idNumber', MALE_2000],
        ['sex', '女'],
        ['education', '大学'],
        ['status', '正式党员'],
        ['joinedOn', '2017-06-01'],
        ['employerUscc', '123'],
      ]),
      4,
      { today: TODAY },
    );
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '姓名'],
      [4, '学历'],
      [4, '所在党组织'],
      [4, '工作单位信用代码'],
      [4, '性别'],
      [4, '入党日期'],
      [4, '转正日期'],
    ]);
    for (const e of r.errors) expect(e.message).not.toContain(MALE_2000);
  });
});

describe('checkMemberFile', () => {
  const member = (idNumber: string): MemberInput => ({ ...parsedValue({}), idNumber });

  it('reports an ID number on two rows, on both, masked', () => {
    const message = '公民身份号码 350***********1231 在文件中重复出现（第 2 行、第 5 行），同一党员只能占一行';
    expect(
      checkMemberFile([
        { row: 2, value: member(MALE_1985) },
        { row: 3, value: member(FEMALE_1990_X) },
        { row: 5, value: member(MALE_1985) },
      ]),
    ).toEqual([
      { row: 2, column: '公民身份号码', message },
      { row: 5, column: '公民身份号码', message },
    ]);
  });

  it('finds nothing when every number is different', () => {
    expect(
      checkMemberFile([
        { row: 2, value: member(MALE_1985) },
        { row: 3, value: member(FEMALE_1990_X) },
      ]),
    ).toEqual([]);
  });
});
