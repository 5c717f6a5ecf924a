// `dangjian import meetings|achievements FILE [--json]` as a user runs it: the same JSON shape as
// every import, exit status 1 on a rejected file with the errors by row and column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumber, memberFile, orgFile } from '../../../../test/fixtures/orgImport/files.ts';
import { seeded } from '../../../domain/random.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import { migratedDataDir, removeDir, runCli } from '../../testing/cli.ts';
import { HEADER, row, writeCsv } from '../../testing/enterpriseFiles.ts';
import { appliedCleanly } from '../../testing/imports.ts';
import { achievementFile, meetingFile } from './files.testing.ts';

let dir: string;
const A = makeUscc(seeded(9191));

beforeAll(async () => {
  dir = await migratedDataDir();
  const steps: string[][] = [
    [
      'enterprises',
      writeCsv([HEADER, row(A, '宜昌组织生活命令行有限公司', 30, 2)]),
      '--period',
      '2026Q3',
      '--source',
      '测试',
    ],
    [
      'orgs',
      orgFile([
        {
          name: '命令行组织生活党支部',
          regionCode: '420502',
          type: '党支部',
          formation: '单独组建',
          coveredUscc: A,
          establishedOn: '2020-01-01',
        },
      ]),
    ],
    [
      'members',
      memberFile(
        ['郑一', '郑二'].map((name, i) => ({
          name,
          idNumber: idNumber(`1980-0${i + 1}-05`, 'male'),
          status: '正式党员',
          joinedOn: '2005-07-01',
          fullOn: '2006-07-01',
          org: '命令行组织生活党支部',
          employerUscc: A,
        })),
      ),
    ],
  ];
  for (const [kind, file, ...more] of steps) {
    const res = await runCli(['import', kind, file, ...more, '--json'], dir);
    expect(res.code, res.stderr + res.stdout).toBe(0);
  }
});
afterAll(() => removeDir(dir));

const org = '命令行组织生活党支部';

describe('dangjian import meetings', () => {
  it('writes the file and prints the JSON shape of every import', async () => {
    const file = meetingFile([
      { org, kind: '支部党员大会', heldOn: '2024-05-06', topic: '选举', attendees: '郑一、郑二', election: '是' },
    ]);
    const res = await runCli(['import', 'meetings', file, '--json'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject(appliedCleanly({ rows: 1, added: 1 }));
  });

  it('the same meeting again is a duplicate: exit 1, the error by row and column', async () => {
    const file = meetingFile([
      { org, kind: '支部党员大会', heldOn: '2024-05-06', topic: '选举', attendees: '郑一、郑二' },
    ]);
    const res = await runCli(['import', 'meetings', file], dir);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('第 2 行「会议日期」：');
    expect(res.stdout).toContain('已记录在系统中，不重复导入');
  });
});

describe('dangjian import achievements', () => {
  it('writes the file; a bad amount is refused by row and column', async () => {
    const ok = { org, enterprise: A, kind: '社会贡献', form: '捐款捐物', onDate: '2024-06-01', content: '捐助' };
    const bad = await runCli(['import', 'achievements', achievementFile([{ ...ok, amount: '0.005' }]), '--json'], dir);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors).toEqual([
      { row: 2, column: '金额（万元）', message: expect.stringContaining('最多保留两位小数') },
    ]);
    const good = await runCli(['import', 'achievements', achievementFile([{ ...ok, amount: '0.5' }]), '--json'], dir);
    expect(good.code, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject(appliedCleanly({ rows: 1, added: 1 }));
  });
});
