// `dangjian import orgs|members FILE [--dry-run] [--partial] [--json] [--as USER]` as a user runs
// it: the enterprise import's JSON shape, exit status 1 on a rejected file, one error line on
// stderr without --json, and no full ID number anywhere in what it prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchRow, idNumber, memberFile, orgFile } from '../../../../test/fixtures/orgImport/files.ts';
import { seeded } from '../../../domain/random.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import { migratedDataDir, removeDir, runCli } from '../../testing/cli.ts';
import { HEADER, row, writeCsv } from '../../testing/enterpriseFiles.ts';
import { appliedCleanly } from '../../testing/imports.ts';

let dir: string;
const rand = seeded(4242);
const [A, B] = [makeUscc(rand), makeUscc(rand)];
const KEYS = [
  'batchId',
  'status',
  'rows',
  'added',
  'changed',
  'unchanged',
  'missing',
  'discrepancies',
  'errors',
  'warnings',
];

beforeAll(async () => {
  dir = await migratedDataDir();
  const ledger = writeCsv([HEADER, row(A, '宜昌命令行甲有限公司', 30, 4), row(B, '宜昌命令行乙有限公司', 10, 1)]);
  const res = await runCli(['import', 'enterprises', ledger, '--period', '2026Q3', '--source', '测试', '--json'], dir);
  expect(res.code, res.stderr).toBe(0);
});
afterAll(() => removeDir(dir));

const orgs = orgFile([
  {
    name: '宜昌命令行甲有限公司党支部',
    orgCode: 'CLI-1',
    regionCode: '420502',
    type: '党支部',
    formation: '单独组建',
    coveredUscc: A,
    establishedOn: '2020-01-01',
    secretaryName: '周书记',
    fullMemberCount: 4,
  },
]);
const ID = idNumber('1979-03-03', 'male');
const OTHER = idNumber('1981-04-04', 'male');
const PHONE = '13655556666';
const member = {
  name: '吴军',
  idNumber: ID,
  status: '正式党员',
  joinedOn: '2005-07-01',
  fullOn: '2006-07-01',
  org: 'CLI-1',
  employerUscc: A,
  phone: PHONE,
};

describe('dangjian import orgs', () => {
  it('prints the enterprise import’s JSON shape and exits 0', async () => {
    const res = await runCli(['import', 'orgs', orgs, '--json'], dir);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(KEYS);
    expect(out).toMatchObject(appliedCleanly({ rows: 1, added: 1 }));
  });

  it('the same file again: every row unchanged', async () => {
    const res = await runCli(['import', 'orgs', orgs, '--json'], dir);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'applied', added: 0, changed: 0, unchanged: 1 });
  });

  it('a rejected file exits 1: the JSON on stdout, or the errors and one line on stderr', async () => {
    const bad = orgFile([branchRow(B, { name: '坏党支部', type: '党小组' })]);
    const json = await runCli(['import', 'orgs', bad, '--json'], dir);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ status: 'rejected', rows: 1 });
    expect(out.errors).toEqual([
      {
        row: 2,
        column: '组织类别',
        message: '组织类别“党小组”无效，应为以下之一：党委、党总支、党支部、联合党支部、临时党支部',
      },
    ]);

    const text = await runCli(['import', 'orgs', bad], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('已拒绝（有错误，台账未改变）');
    expect(text.stdout).toContain('第 2 行「组织类别」：组织类别“党小组”无效');
    expect(text.stderr.trimEnd().split('\n').at(-1)).toBe('错误：导入被拒绝：1 处错误，台账未改变');
  });

  it('a dry run writes nothing', async () => {
    const file = orgFile([branchRow(B, { name: '试运行党支部' })]);
    const dry = await runCli(['import', 'orgs', file, '--dry-run', '--json'], dir);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'dry-run', added: 1 });
    const again = await runCli(['import', 'orgs', file, '--dry-run', '--json'], dir);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'dry-run', added: 1 });
  });

  it('--as a user who does not exist is refused on one line', async () => {
    const res = await runCli(['import', 'orgs', orgs, '--as', 'nobody'], dir);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('错误：用户 nobody 不存在');
  });
});

describe('dangjian import members', () => {
  it('imports, prints a summary, and never the full ID or phone number', async () => {
    const res = await runCli(['import', 'members', memberFile([member])], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('已写入台账');
    expect(res.stdout).toContain('共 1 行党员：新增 1，变更 0，未变 0');
    // Rows read / total while validating, on stderr (a line each, not a terminal); the summary alone on stdout.
    expect(res.stderr.split('\n')).toEqual(
      expect.arrayContaining(['读取并校验：0 / 1（0%）', '读取并校验：1 / 1（100%）']),
    );
    expect(res.stdout).not.toContain('读取并校验');
    const rejected = await runCli(
      [
        'import',
        'members',
        memberFile([
          { ...member, position: '经理' },
          { ...member, name: '吴军军' },
          { ...member, idNumber: OTHER, sex: '女' },
        ]),
        '--json',
      ],
      dir,
    );
    expect(rejected.code).toBe(1);
    const out = JSON.parse(rejected.stdout);
    expect(out.status).toBe('rejected');
    expect(out.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '公民身份号码'],
      [3, '公民身份号码'],
      [4, '性别'],
    ]);
    for (const r of [res, rejected]) {
      expect(r.stdout + r.stderr).not.toContain(ID);
      expect(r.stdout + r.stderr).not.toContain(OTHER);
      expect(r.stdout + r.stderr).not.toContain(PHONE);
    }
  });

  it('answers --help', async () => {
    const res = await runCli(['import', 'members', '--help'], dir);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Usage: dangjian import members [options] <file>');
    expect(res.stdout).toContain('--dry-run');
  });
});
