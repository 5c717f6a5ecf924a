// Every error path of the party-organization file (shared/formats/org-import.md and the general
// rules of enterprise-import.md), one generated file each: the file is rejected, each error names
// the spreadsheet row, the column header and the reason in Chinese, and nothing is written — not
// even the valid row 2 in front of it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  branchRow,
  type OrgValues,
  orgFile,
  orgLedger,
  orgName,
  orgSheet,
} from '../../../../test/fixtures/orgImport/files.ts';
import { localDateString } from '../../../domain/calendarDate.ts';
import { ORG_COLUMN_KEYS } from '../../../domain/org/orgColumns.ts';
import { seeded } from '../../../domain/random.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import { type Actor, localOperator } from '../../actor.ts';
import type { Tx } from '../../db/client.ts';
import { enterprises, orgCoverages } from '../../db/schema.ts';
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
beforeAll(async () => {
  ({ fx, yichang } = await yichangImporter());
});
afterAll(() => fx.close());

const today = localDateString(new Date());
const run = (file: string, partial = false) =>
  runImport(fx.deps, yichang, IMPORTS.orgs, { path: file, fileName: 'orgs.csv', partial, dryRun: false });

/** A valid standalone branch over a fresh enterprise of 西陵区. */
async function validRow(more: OrgValues = {}): Promise<OrgValues> {
  const e = await makeEnterprise(fx.database, { memberCount: 3, fullMemberCount: 3 });
  return branchRow(e.uscc, { fullMemberCount: 3, ...more });
}

/** Row 2 is valid; row 3 is the case; the file must be rejected with exactly `errors`, writing nothing. */
async function expectRejected(rows: OrgValues[], errors: Issue[], warnings: Issue[] = []) {
  const file = orgFile([await validRow(), ...rows]);
  await expectRejectedRun(fx.database, () => run(file), errors, warnings);
}

const rand = seeded(77);
const uscc = () => makeUscc(rand);
/** Valid codes that no enterprise of the ledger has. */
const SAMPLE_A = uscc();
const SAMPLE_B = uscc();

describe('a cell that breaks its column’s rule', () => {
  const cases: [string, OrgValues, Issue[], Issue[]?][] = [
    ['name missing', { name: null }, [at('党组织名称', '请填写党组织名称（必填项）')]],
    ['name too long', { name: '党'.repeat(101) }, [at('党组织名称', '党组织名称不能超过 100 个字，当前为 101 个字')]],
    [
      'org code',
      { orgCode: 'DJ#01' },
      [at('党组织代码', '党组织代码“DJ#01”无效，只能包含字母、数字和“-”“_”“.”，并以字母或数字开头')],
    ],
    [
      'region code format',
      { regionCode: '42050' },
      [at('行政区划代码', '行政区划代码应为 6 位（省、市、县）、9 位（乡镇街道）或 12 位（村、社区），当前为 5 位')],
    ],
    [
      'region code unknown',
      { regionCode: '420599' },
      [at('行政区划代码', '行政区划代码“420599”不存在，请核对是否为现行的统计用区划代码')],
    ],
    [
      'type',
      { type: '党小组' },
      [at('组织类别', '组织类别“党小组”无效，应为以下之一：党委、党总支、党支部、联合党支部、临时党支部')],
    ],
    [
      'formation',
      { formation: '独立组建' },
      [at('组建形式', '组建形式“独立组建”无效，应为以下之一：单独组建、联合组建')],
    ],
    [
      'joint basis missing',
      { formation: '联合组建', type: '联合党支部' },
      [at('联建类型', '组建形式为联合组建时必须填写联建类型（区域联建 或 行业联建）')],
      [
        at(
          '覆盖企业信用代码',
          '组建形式为联合组建，但覆盖企业信用代码只有 1 个，请核对组建形式（只覆盖 1 家企业的一般为单独组建）',
        ),
      ],
    ],
    [
      'joint basis for a standalone org',
      { jointBasis: '区域联建' },
      [at('联建类型', '组建形式为单独组建时不应填写联建类型（当前为“区域联建”），联建类型只用于联合组建')],
    ],
    ['covered enterprise missing', { coveredUscc: null }, [at('覆盖企业信用代码', '请填写覆盖企业信用代码（必填项）')]],
    [
      'covered enterprise code invalid',
      { coveredUscc: '91420502MA4AAAAA1X' },
      [
        at(
          '覆盖企业信用代码',
          '覆盖企业信用代码：统一社会信用代码校验码错误：按前 17 位计算，第 18 位应为“Y”，实际为“X”，请核对是否输错',
        ),
      ],
    ],
    [
      'covered enterprises of a standalone org: more than one',
      { coveredUscc: `${uscc()};${uscc()}` },
      [
        at(
          '覆盖企业信用代码',
          '组建形式为单独组建时，覆盖企业信用代码只能填写 1 个，当前为 2 个；覆盖多家企业的请选择联合组建',
        ),
      ],
    ],
    [
      'covered enterprises separated by 、',
      { coveredUscc: `${SAMPLE_A}、${SAMPLE_B}`, formation: '联合组建', type: '联合党支部', jointBasis: '行业联建' },
      [at('覆盖企业信用代码', '覆盖企业信用代码中含有“、”：多个代码之间请用分号（;）、逗号（,）或换行分隔')],
    ],
    [
      'covered enterprise not in the ledger',
      { coveredUscc: SAMPLE_A },
      [
        at(
          '覆盖企业信用代码',
          `覆盖企业信用代码中的“${SAMPLE_A}”不在企业台账中：覆盖的企业须已在台账中，请先导入企业台账`,
        ),
      ],
    ],
    [
      'parent is itself',
      { name: '自己党支部', parentOrg: '自己党支部' },
      [at('上级党组织', '上级党组织“自己党支部”就是本党组织，上级党组织应为另一个党组织')],
    ],
    ['established on missing', { establishedOn: null }, [at('成立日期', '请填写成立日期（必填项）')]],
    ['established on invalid', { establishedOn: '2019-02-30' }, [at('成立日期', '成立日期“2019-02-30”不是有效日期')]],
    [
      'established on in the future',
      { establishedOn: '2999-01-01' },
      [at('成立日期', `成立日期 2999-01-01 晚于今天（${today}）`)],
    ],
    [
      'secretary name too long',
      { secretaryName: '王'.repeat(51) },
      [at('书记姓名', '书记姓名不能超过 50 个字，当前为 51 个字')],
    ],
    [
      'secretary source',
      { secretarySource: '外聘' },
      [at('书记来源', '书记来源“外聘”无效，应为以下之一：企业内部、下派、选聘')],
    ],
    ['full members negative', { fullMemberCount: -1 }, [at('正式党员数', '正式党员数不能为负数，当前为 -1')]],
    [
      'probationary members text',
      { probationaryCount: '两人' },
      [at('预备党员数', '预备党员数应为不小于 0 的整数，“两人”不是数字')],
    ],
    [
      'term start in the future',
      { termStart: '2999-01-01' },
      [at('本届任期开始', `本届任期开始 2999-01-01 晚于今天（${today}）`)],
    ],
    [
      'term end before its start',
      { termStart: '2023-01-01', termEnd: '2022-12-31' },
      [at('本届任期届满', '本届任期届满（2022-12-31）应晚于本届任期开始（2023-01-01）')],
    ],
    [
      'management',
      { management: '双重管理' },
      [at('管理方式', '管理方式“双重管理”无效，应为以下之一：属地管理、行业管理')],
    ],
    [
      'dissolved before established',
      { dissolvedOn: '2019-12-31' },
      [at('撤销日期', '撤销日期（2019-12-31）不能早于成立日期（2020-01-01）')],
    ],
  ];
  rejectedCells(cases, validRow, expectRejected);
});

const inDb = <T>(fn: (tx: Tx) => Promise<T>) => inScope(fx.database.db, localOperator(), fn);

describe('a row the database or the rest of the file refuses', () => {
  const cases: [string, () => Promise<{ rows: OrgValues[]; errors: Issue[]; warnings?: Issue[] }>][] = [
    [
      'an enterprise already under a standalone org',
      async () => {
        const e = await makeEnterprise(fx.database);
        const o = await makeOrg(fx.database, [e.id], { name: orgName() });
        return {
          rows: [await validRow({ coveredUscc: e.uscc })],
          errors: [
            at(
              '覆盖企业信用代码',
              `企业“${e.name}”（${e.uscc}）已有单独组建的党组织“${o.name}”，一家企业只能有一个单独组建的党组织`,
            ),
          ],
        };
      },
    ],
    [
      'an enterprise under a standalone org the importer cannot see',
      async () => {
        const e = await makeEnterprise(fx.database);
        await makeOrg(fx.database, [e.id], { name: orgName(), regionCode: '420000' });
        return {
          rows: [await validRow({ coveredUscc: e.uscc })],
          errors: [
            at(
              '覆盖企业信用代码',
              `企业“${e.name}”（${e.uscc}）已有单独组建的党组织（不在您的数据范围内），一家企业只能有一个单独组建的党组织`,
            ),
          ],
        };
      },
    ],
    [
      'one enterprise under two standalone orgs of the file',
      async () => {
        const e = await makeEnterprise(fx.database);
        const [a, b] = [await validRow({ coveredUscc: e.uscc }), await validRow({ coveredUscc: e.uscc })];
        const message = `企业“${e.uscc}”在文件中被多个单独组建且未撤销的党组织覆盖（第 3 行“${a.name}”、第 4 行“${b.name}”），一家企业只能有一个单独组建的党组织`;
        return { rows: [a, b], errors: [at('覆盖企业信用代码', message), at('覆盖企业信用代码', message, 4)] };
      },
    ],
    [
      'a parent that does not exist',
      async () => ({
        rows: [await validRow({ parentOrg: '不存在的党委' })],
        errors: [
          at(
            '上级党组织',
            '上级党组织“不存在的党委”不存在或不在您的数据范围内：上级党组织须已在系统中，或在本文件中更靠前的行',
          ),
        ],
      }),
    ],
    [
      'a parent named in two other regions',
      async () => {
        const name = orgName('党委');
        await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420503' })).id], {
          name,
          regionCode: '420503',
        });
        await makeOrg(fx.database, [(await makeEnterprise(fx.database, { regionCode: '420506' })).id], {
          name,
          regionCode: '420506',
        });
        return {
          rows: [await validRow({ parentOrg: name })],
          errors: [
            at('上级党组织', `上级党组织“${name}”对应多个党组织（分别在行政区划 420503、420506），请改填党组织代码`),
          ],
        };
      },
    ],
    [
      'a parent only further down the file',
      async () => {
        const parent = await validRow({ type: '党委' });
        return {
          rows: [await validRow({ parentOrg: parent.name }), parent],
          errors: [
            at(
              '上级党组织',
              `上级党组织“${parent.name}”在本文件第 4 行，应放在本行之前：上级党组织须已在系统中，或在文件中更靠前的行`,
            ),
          ],
        };
      },
    ],
    [
      'a parent below the org itself',
      async () => {
        const top = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], {
          name: orgName('党委'),
          type: 'committee',
          establishedOn: '2020-01-01',
        });
        const child = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], {
          name: orgName(),
          parentId: top.id,
        });
        const [cover] = await inDb((tx) =>
          tx
            .select({ uscc: enterprises.uscc })
            .from(enterprises)
            .innerJoin(orgCoverages, eq(orgCoverages.enterpriseId, enterprises.id))
            .where(eq(orgCoverages.orgId, top.id)),
        );
        return {
          rows: [await validRow({ name: top.name, type: '党委', coveredUscc: cover.uscc, parentOrg: child.name })],
          errors: [at('上级党组织', `上级党组织“${child.name}”是本党组织的下级组织，不能作为上级党组织`)],
        };
      },
    ],
    [
      'a managing org that does not exist',
      async () => ({
        rows: [await validRow({ managingOrg: '不存在的行业党委' })],
        errors: [
          at(
            '管理党组织',
            '管理党组织“不存在的行业党委”不存在或不在您的数据范围内：须为系统中已有的党组织，或本文件中的党组织',
          ),
        ],
      }),
    ],
    [
      'a managing org that is the org itself',
      async () => {
        const row = await validRow();
        return {
          rows: [{ ...row, managingOrg: row.name }],
          errors: [at('管理党组织', `管理党组织“${row.name}”就是本党组织，管理党组织应为另一个党组织`)],
        };
      },
    ],
    [
      'an org code twice in the file',
      async () => {
        const message = '党组织代码“DUP-1”在文件中重复出现（第 3 行、第 4 行），同一党组织只能占一行';
        return {
          rows: [await validRow({ orgCode: 'DUP-1' }), await validRow({ orgCode: 'ｄｕｐ－１' })],
          errors: [at('党组织代码', message), at('党组织代码', message, 4)],
        };
      },
    ],
    [
      'a name twice in one region',
      async () => {
        const name = orgName();
        const message = `行政区划代码 420502 下的党组织名称“${name}”在文件中重复出现（第 3 行、第 4 行），同一地区的党组织名称不能重复`;
        return {
          rows: [await validRow({ name }), await validRow({ name })],
          errors: [at('党组织名称', message), at('党组织名称', message, 4)],
        };
      },
    ],
    [
      'a name the region already has under another code',
      async () => {
        const o = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], {
          name: orgName(),
          orgCode: 'OLD-1',
        });
        return {
          rows: [await validRow({ name: o.name, orgCode: 'NEW-1' })],
          errors: [
            at(
              '党组织代码',
              `行政区划代码 420502 下已有名为“${o.name}”的党组织，其党组织代码为“OLD-1”，与本行的“NEW-1”不同，请核对`,
            ),
          ],
        };
      },
    ],
    [
      'a new name another org of the region has',
      async () => {
        const e = await makeEnterprise(fx.database);
        await makeOrg(fx.database, [e.id], { name: orgName(), orgCode: 'REN-1', establishedOn: '2020-01-01' });
        const other = await makeOrg(fx.database, [(await makeEnterprise(fx.database)).id], { name: orgName() });
        return {
          rows: [await validRow({ name: other.name, orgCode: 'REN-1', coveredUscc: e.uscc })],
          errors: [at('党组织名称', `行政区划 420502 内已有名为“${other.name}”的党组织，同一地区的党组织名称不能重复`)],
        };
      },
    ],
    [
      'one org on two rows (by code and by its name)',
      async () => {
        const [e1, e2] = [await makeEnterprise(fx.database), await makeEnterprise(fx.database)];
        const o = await makeOrg(fx.database, [e1.id, e2.id], {
          name: orgName('联合党支部'),
          orgCode: 'TWO-1',
          establishedOn: '2020-01-01',
        });
        const joint = {
          type: '联合党支部',
          formation: '联合组建',
          jointBasis: '区域联建',
          coveredUscc: `${e1.uscc},${e2.uscc}`,
        };
        return {
          rows: [
            await validRow({ ...joint, orgCode: 'TWO-1', name: orgName() }),
            await validRow({ ...joint, name: o.name }),
          ],
          errors: [at('党组织名称', `与第 3 行是系统中的同一个党组织“${o.name}”，同一党组织只能占一行`, 4)],
        };
      },
    ],
    [
      'a code an org outside the importer’s scope uses',
      async () => {
        const e = await makeEnterprise(fx.database, { regionCode: '420102' });
        await makeOrg(fx.database, [e.id], { name: orgName(), orgCode: 'WH-9', regionCode: '420102' });
        return {
          rows: [await validRow({ orgCode: 'WH-9' })],
          errors: [at('党组织代码', '党组织代码“WH-9”已被您数据范围以外的党组织使用，党组织代码不能重复')],
        };
      },
    ],
    ...(
      [
        [
          'formation',
          { formation: '联合组建', type: '联合党支部', jointBasis: '行业联建' },
          '组建形式',
          '系统中该党组织为单独组建，导入不能改变已有党组织的组建形式',
        ],
        [
          'establishment date',
          { establishedOn: '2020-02-01' },
          '成立日期',
          '系统中该党组织的成立日期为 2020-01-01，导入不能修改已有党组织的成立日期',
        ],
        [
          'region',
          { regionCode: '420503' },
          '行政区划代码',
          '系统中该党组织的行政区划代码为 420502，导入不能把党组织移到其他地区',
        ],
      ] as const
    ).map(
      ([what, change, column, message]): [
        string,
        () => Promise<{ rows: OrgValues[]; errors: Issue[]; warnings: Issue[] }>,
      ] => [
        `another ${what} than recorded`,
        async () => {
          const e = await makeEnterprise(fx.database);
          const o = await makeOrg(fx.database, [e.id], {
            name: orgName(),
            orgCode: `CH-${what.length}`,
            establishedOn: '2020-01-01',
          });
          // A joint org over one enterprise is worth a warning of its own.
          const warnings =
            what === 'formation'
              ? [
                  at(
                    '覆盖企业信用代码',
                    '组建形式为联合组建，但覆盖企业信用代码只有 1 个，请核对组建形式（只覆盖 1 家企业的一般为单独组建）',
                  ),
                ]
              : [];
          return {
            rows: [await validRow({ name: o.name, orgCode: o.orgCode, coveredUscc: e.uscc, ...change })],
            errors: [at(column, message)],
            warnings,
          };
        },
      ],
    ),
    [
      'a dissolution undone',
      async () => {
        const e = await makeEnterprise(fx.database);
        const o = await makeOrg(fx.database, [e.id], { name: orgName(), establishedOn: '2020-01-01' });
        await inDb((tx) => dissolveOrg(tx, localOperator(), o.id, '2021-01-01'));
        return {
          rows: [await validRow({ name: o.name, coveredUscc: e.uscc })],
          errors: [at('撤销日期', '该党组织已于 2021-01-01 撤销，导入不能撤回或修改撤销日期')],
        };
      },
    ],
    [
      'a dissolution of an org that still has members',
      async () => {
        const e = await makeEnterprise(fx.database);
        const o = await makeOrg(fx.database, [e.id], { name: orgName(), establishedOn: '2020-01-01' });
        await fx.rows(sql`insert into members (name, id_number, id_number_hash, birth_date, sex, status, joined_on, org_id)
                          values ('张三', 'v1:x', ${`h-${o.id}`}, '1980-01-01', 'male', 'probationary', '2025-01-01', ${o.id})`);
        return {
          rows: [await validRow({ name: o.name, coveredUscc: e.uscc, dissolvedOn: '2021-01-01' })],
          errors: [at('撤销日期', '党组织还有 1 名党员，请先转出组织关系，再填写撤销日期')],
        };
      },
    ],
    [
      'a term older than the one recorded',
      async () => {
        const e = await makeEnterprise(fx.database);
        const o = await makeOrg(fx.database, [e.id], { name: orgName(), establishedOn: '2020-01-01' });
        await fx.rows(
          sql`insert into org_elections (org_id, elected_on, term_years, ends_on) values (${o.id}, '2024-01-01', 3, '2027-01-01')`,
        );
        return {
          rows: [await validRow({ name: o.name, coveredUscc: e.uscc, termStart: '2023-01-01' })],
          errors: [at('本届任期开始', '系统中已记录 2024-01-01 的换届，本届任期开始（2023-01-01）不能早于它')],
        };
      },
    ],
    [
      'a joint branch formed standalone',
      async () => ({
        rows: [await validRow({ type: '联合党支部' })],
        errors: [at('组织类别', '联合党支部的组建形式应为联合组建')],
        warnings: [at('组建形式', '组织类别为联合党支部，但组建形式为单独组建，请核对')],
      }),
    ],
  ];
  rejectedRows(cases, expectRejected);
});

describe('the header and the file as a whole', () => {
  const keys = ORG_COLUMN_KEYS.filter((k) => k !== 'establishedOn' && k !== 'formation');

  async function expectFile(file: string, errors: Issue[], warnings: Issue[] = [], status = 'rejected') {
    const before = await orgLedger(fx.database.db);
    const result = await run(file);
    expect(result.errors).toEqual(errors);
    expect(result.warnings).toEqual(warnings);
    expect(result.status).toBe(status);
    if (status === 'rejected') expect(await orgLedger(fx.database.db)).toEqual(before);
    return result;
  }

  it('a required column missing', async () => {
    const row = await validRow();
    await expectFile(orgFile([row], keys), [
      { row: 1, column: '组建形式、成立日期', message: '表头缺少必填列：组建形式、成立日期（表头须在第 1 行）' },
    ]);
  });

  it('a column twice', async () => {
    const [header, values] = orgSheet([await validRow()]);
    await expectFile(
      writeCsv([
        [...header, '党组织全称'],
        [...values, 'x'],
      ]),
      [
        {
          row: 1,
          column: '党组织名称',
          message: '列“党组织名称”在表头中重复出现（第 1 列（A 列）、第 20 列（T 列）），请只保留一列',
        },
      ],
    );
  });

  it('an unknown column is ignored with a warning; headers in any order, full-width and padded', async () => {
    const row = await validRow();
    const [header, values] = orgSheet(
      [row],
      ['establishedOn', 'coveredUscc', 'formation', 'type', 'regionCode', 'name'],
    );
    const result = await expectFile(
      writeCsv([
        [...header.map((h) => ` ${h} `), '备注'],
        [...values.map((v) => (v === '420502' ? '４２０５０２' : v)), '无'],
      ]),
      [],
      [{ row: 1, column: '备注', message: '无法识别第 7 列（G 列）“备注”，该列已忽略' }],
      'applied',
    );
    expect(result).toMatchObject({ added: 1 });
  });

  it('no data rows', async () => {
    await expectFile(writeCsv([orgSheet([])[0]]), [
      { row: 2, column: '表头', message: '文件中没有数据行：第 1 行为表头，其后至少需要一行党组织数据' },
    ]);
  });

  it('an empty file', async () => {
    await expectFile(writeCsv([[]]), [
      { row: 1, column: '表头', message: '文件中没有数据行：第 1 行为表头，其后至少需要一行党组织数据' },
    ]);
  });
});

describe('warnings do not reject the file', () => {
  it('a joint org over the unit limit, fewer than 3 full members, a term end without its start', async () => {
    const units = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeEnterprise(fx.database)));
    const result = await run(
      orgFile([
        await validRow({
          type: '联合党支部',
          formation: '联合组建',
          jointBasis: '区域联建',
          coveredUscc: units.map((u) => u.uscc).join('\n'),
          fullMemberCount: 2,
          termEnd: '2027-01-01',
        }),
      ]),
    );
    expect(result).toMatchObject({ status: 'applied', added: 1, errors: [] });
    expect(result.warnings).toEqual([
      {
        row: 2,
        column: '正式党员数',
        message: '正式党员数为 2，少于 3 名：党组织应有 3 名以上正式党员，请核对',
      },
      {
        row: 2,
        column: '覆盖企业信用代码',
        message: '联合组建的党组织覆盖 6 家企业，超过一般不超过 5 家的规定，请核对',
      },
      { row: 2, column: '本届任期届满', message: '填写了本届任期届满但未填写本届任期开始，本届任期未记录' },
    ]);
  });
});
