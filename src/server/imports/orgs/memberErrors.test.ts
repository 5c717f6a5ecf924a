// Every error path of the party-member file (shared/formats/org-import.md and the general rules
// of enterprise-import.md), one generated file each: rejected, each error naming the row, the
// column header and the reason in Chinese, nothing written — and no message repeating an ID or
// phone number in full.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  idNumber,
  type MemberValues,
  memberFile,
  memberSheet,
  orgName,
} from '../../../../test/fixtures/orgImport/files.ts';
import { localDateString } from '../../../domain/calendarDate.ts';
import { maskIdNumber } from '../../../domain/mask.ts';
import { MEMBER_COLUMN_KEYS } from '../../../domain/org/memberColumns.ts';
import { seeded } from '../../../domain/random.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import { type Actor, localOperator } from '../../actor.ts';
import { inScope } from '../../db/tx.ts';
import { dissolveOrg } from '../../orgs/write.ts';
import { writeCsv } from '../../testing/enterpriseFiles.ts';
import { makeEnterprise, makeOrg } from '../../testing/factories.ts';
import { IMPORTS } from '../adapters/index.ts';
import { type ImportFixture, yichangImporter } from '../importers.testing.ts';
import { runImport } from '../pipeline.ts';
import { at, expectRejectedRun, type Issue, rejectedCells, rejectedRows } from './errorCases.testing.ts';

let fx: ImportFixture;
let yichang: Actor;
let org: { id: number; name: string; orgCode: string | null };
let employer: { id: number; uscc: string };
beforeAll(async () => {
  ({ fx, yichang } = await yichangImporter());
  employer = await makeEnterprise(fx.database);
  org = await makeOrg(fx.database, [employer.id], { name: orgName(), orgCode: 'M-ORG-1', establishedOn: '2015-01-01' });
});
afterAll(() => fx.close());

const today = localDateString(new Date());
const run = (file: string, actor = yichang) =>
  runImport(fx.deps, actor, IMPORTS.members, { path: file, fileName: 'members.csv', partial: false, dryRun: false });

const rand = seeded(99);
const NOT_IN_LEDGER = makeUscc(rand);

/** Every ID number a test used: none may appear in a message. */
const used: string[] = [];
function valid(more: MemberValues = {}): MemberValues {
  const id = idNumber('1985-06-15', 'male');
  used.push(id);
  return {
    name: '陈明',
    idNumber: id,
    status: '正式党员',
    joinedOn: '2010-07-01',
    fullOn: '2011-07-01',
    org: org.name,
    employerUscc: employer.uscc,
    phone: '13800138000',
    ...more,
  };
}

async function expectRejected(rows: MemberValues[], errors: Issue[], warnings: Issue[] = []) {
  const file = memberFile([valid(), ...rows]);
  const result = await expectRejectedRun(fx.database, () => run(file), errors, warnings);
  const said = JSON.stringify(result);
  for (const id of [...used, ...rows.map((r) => String(r.idNumber))]) expect(said).not.toContain(id);
  expect(said).not.toContain('13800138000');
}

describe('a cell that breaks its column’s rule', () => {
  const cases: [string, MemberValues, Issue[], Issue[]?][] = [
    ['name missing', { name: null }, [at('姓名', '请填写姓名（必填项）')]],
    ['name too long', { name: '欧'.repeat(51) }, [at('姓名', '姓名不能超过 50 个字，当前为 51 个字')]],
    ['ID number missing', { idNumber: null }, [at('公民身份号码', '请填写公民身份号码（必填项）')]],
    [
      'ID number check digit',
      { idNumber: '350102198506151232' },
      [at('公民身份号码', '公民身份号码校验码错误：按前 17 位计算，第 18 位应为“1”，实际为“2”，请核对是否输错')],
    ],
    [
      'ID number length',
      { idNumber: '35010219850615123' },
      [at('公民身份号码', '公民身份号码应为 18 位，当前为 17 位')],
    ],
    [
      'sex against the ID number',
      { sex: '女' },
      [at('性别', '性别填写为“女”，与公民身份号码不符：按公民身份号码第 17 位应为“男”')],
    ],
    ['sex', { sex: 'M' }, [at('性别', '性别“M”无效，应为以下之一：男、女')]],
    ['ethnicity too long', { ethnicity: '族'.repeat(21) }, [at('民族', '民族不能超过 20 个字，当前为 21 个字')]],
    [
      'education',
      { education: '大专以上' },
      [at('学历', '学历“大专以上”无效，应为以下之一：研究生、大学本科、大学专科、中专、高中、初中及以下')],
    ],
    ['status missing', { status: null, fullOn: null }, [at('人员类别', '请填写人员类别（必填项）')]],
    ['status', { status: '党员' }, [at('人员类别', '人员类别“党员”无效，应为以下之一：正式党员、预备党员')]],
    ['joined on missing', { joinedOn: null }, [at('入党日期', '请填写入党日期（必填项）')]],
    ['joined on invalid', { joinedOn: '2010-02-30' }, [at('入党日期', '入党日期“2010-02-30”不是有效日期')]],
    [
      'joined on in the future',
      { status: '预备党员', fullOn: null, joinedOn: '2999-01-01' },
      [at('入党日期', `入党日期 2999-01-01 晚于今天（${today}）`)],
    ],
    [
      'joined before 18',
      { joinedOn: '2002-01-01', fullOn: '2003-01-01' },
      [at('入党日期', '入党日期（2002-01-01）时按公民身份号码计算为 16 周岁，入党须年满 18 周岁')],
    ],
    ['full member without the date', { fullOn: null }, [at('转正日期', '人员类别为正式党员时必须填写转正日期')]],
    [
      'probationary member with a date',
      { status: '预备党员' },
      [at('转正日期', '人员类别为预备党员时不应填写转正日期（当前为 2011-07-01）；已转正的请将人员类别改为正式党员')],
    ],
    [
      'full before joining',
      { fullOn: '2010-06-30' },
      [at('转正日期', '转正日期（2010-06-30）不能早于入党日期（2010-07-01）')],
    ],
    ['org missing', { org: null }, [at('所在党组织', '请填写所在党组织（必填项）')]],
    [
      'employer code',
      { employerUscc: '91350100M000100Y44' },
      [
        at(
          '工作单位信用代码',
          '工作单位信用代码：统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“3”，实际为“4”，请核对是否输错',
        ),
      ],
    ],
    ['position too long', { position: '岗'.repeat(51) }, [at('岗位', '岗位不能超过 50 个字，当前为 51 个字')]],
    [
      'phone, never repeated',
      { phone: '13800138000/13900139000' },
      [
        at(
          '联系电话',
          '联系电话“*******************9000”含有非法字符“/”，只能包含数字、“-”、“+”和空格（多个号码请只填一个）',
        ),
      ],
    ],
    ['phone length', { phone: '138001380001380013800' }, [at('联系电话', '联系电话应为 5–20 个字符，当前为 21 个')]],
    ['mobile', { mobile: '流动' }, [at('是否流动党员', '是否流动党员“流动”无效，应填写“是”或“否”')]],
    [
      'relation org too long',
      { relationOrg: '党'.repeat(101) },
      [at('组织关系所在', '组织关系所在不能超过 100 个字，当前为 101 个字')],
    ],
  ];
  rejectedCells(cases, valid, expectRejected);
});

describe('a row the database or the rest of the file refuses', () => {
  const cases: [string, () => Promise<{ rows: MemberValues[]; errors: Issue[]; warnings?: Issue[] }>][] = [
    [
      'an ID number twice in the file, masked',
      async () => {
        const row = valid();
        const message = `公民身份号码 ${maskIdNumber(row.idNumber as string)} 在文件中重复出现（第 3 行、第 4 行），同一党员只能占一行`;
        return { rows: [row, { ...row }], errors: [at('公民身份号码', message), at('公民身份号码', message, 4)] };
      },
    ],
    [
      'an org that does not exist',
      async () => ({
        rows: [valid({ org: '没有的党支部' })],
        errors: [
          at('所在党组织', '所在党组织“没有的党支部”不存在或不在您的数据范围内：须填写系统中已有党组织的名称或代码'),
        ],
      }),
    ],
    [
      'an org named in two regions',
      async () => {
        const name = orgName();
        for (const regionCode of ['420503', '420506']) {
          await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode })).id], { name, regionCode });
        }
        return {
          rows: [valid({ org: name })],
          errors: [
            at('所在党组织', `所在党组织“${name}”对应多个党组织（分别在行政区划 420503、420506），请改填党组织代码`),
          ],
        };
      },
    ],
    [
      'a dissolved org',
      async () => {
        const o = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], {
          name: orgName(),
          establishedOn: '2015-01-01',
        });
        await inScope(fx.database.db, localOperator(), (tx) => dissolveOrg(tx, localOperator(), o.id, '2020-01-01'));
        return {
          rows: [valid({ org: o.name })],
          errors: [at('所在党组织', `所在党组织“${o.name}”已于 2020-01-01 撤销，不能再接收党员`)],
        };
      },
    ],
    [
      'an employer not in the ledger',
      async () => ({
        rows: [valid({ employerUscc: NOT_IN_LEDGER })],
        errors: [at('工作单位信用代码', `工作单位信用代码“${NOT_IN_LEDGER}”不在企业台账中，请先导入该企业`)],
      }),
    ],
    [
      'another org than recorded: a transfer, not an import',
      async () => {
        const row = valid();
        expect(await run(memberFile([row]))).toMatchObject({ status: 'applied', added: 1 });
        const other = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { name: orgName() });
        return {
          rows: [{ ...row, org: other.name }],
          errors: [
            at(
              '所在党组织',
              `系统中该党员的所在党组织为“${org.name}”，导入不能变更组织关系；如已转到“${other.name}”，请办理组织关系转接`,
            ),
          ],
        };
      },
    ],
    [
      'a full member made probationary',
      async () => {
        const row = valid({ org: 'M-ORG-1' });
        expect(await run(memberFile([row]))).toMatchObject({ status: 'applied', added: 1 });
        return {
          rows: [{ ...row, status: '预备党员', fullOn: null }],
          errors: [at('人员类别', '正式党员不能改为预备党员')],
        };
      },
    ],
  ];
  rejectedRows(cases, expectRejected);
});

describe('the header and the file as a whole', () => {
  it('a required column missing', async () => {
    const keys = MEMBER_COLUMN_KEYS.filter((k) => k !== 'idNumber');
    const result = await run(memberFile([valid()], keys));
    expect(result).toMatchObject({ status: 'rejected', rows: 0 });
    expect(result.errors).toEqual([
      { row: 1, column: '公民身份号码', message: '表头缺少必填列：公民身份号码（表头须在第 1 行）' },
    ]);
  });

  it('no data rows', async () => {
    const result = await run(writeCsv([memberSheet([])[0]]));
    expect(result.errors).toEqual([
      { row: 2, column: '表头', message: '文件中没有数据行：第 1 行为表头，其后至少需要一行党员数据' },
    ]);
    expect(result.status).toBe('rejected');
  });

  it('aliases of the headers are read; a member who left is recorded again, with a warning', async () => {
    const row = valid({ org: org.name });
    expect(await run(memberFile([row]))).toMatchObject({ status: 'applied', added: 1 });
    await fx.rows(
      sql`update members set left_on = '2025-01-01', leave_reason = 'transfer_out'
          where id = (select max(id) from members)`,
    );
    const [header, values] = memberSheet([row]);
    const file = writeCsv([
      header.map((h) => (h === '公民身份号码' ? '身份证号码' : h === '岗位' ? '职务' : h)),
      values,
    ]);
    const result = await run(file);
    expect(result).toMatchObject({ status: 'applied', added: 1, errors: [] });
    expect(result.warnings).toEqual([
      {
        row: 2,
        column: '公民身份号码',
        message: `公民身份号码 ${maskIdNumber(row.idNumber as string)} 曾登记为党员，已于 2025-01-01（转出）离开党员名册；本行将作为新的党员记录导入，请核对`,
      },
    ]);
  });
});
