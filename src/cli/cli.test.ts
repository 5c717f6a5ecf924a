/** The `dangjian` command as a user runs it: help, failures on one Chinese line, --as, demo data. */
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../server/db/schema.ts';
import { copyDataDir, migratedDataDir, removeDir, runCli, tempDir, withDataDir } from '../server/testing/cli.ts';

let template: string;
const dirs: string[] = [];
/** A fresh copy of the migrated data directory. */
const fresh = () => {
  const dir = copyDataDir(template);
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  template = await migratedDataDir();
  dirs.push(template);
});
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

/** A failure: exit code 1 and exactly one line on stderr, starting with 错误：. */
function expectOneErrorLine(res: { code: number; stderr: string }, text: string | RegExp) {
  expect(res.code).toBe(1);
  const lines = res.stderr.trimEnd().split('\n');
  expect(lines, res.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^错误：/);
  expect(lines[0]).toMatch(text);
}

describe('--help', () => {
  const commands = [
    [],
    ['serve'],
    ['migrate'],
    ['user'],
    ['user', 'create'],
    ['user', 'reset-password'],
    ['audit'],
    ['audit', 'verify'],
    ['regions'],
    ['regions', 'load-villages'],
    ['demo'],
    ['backup'],
    ['restore'],
  ];

  it('every command answers --help with exit 0 and its usage', async () => {
    // Help needs no database; an empty directory shows it is never opened.
    const dir = tempDir();
    dirs.push(dir);
    const results = await Promise.all(commands.map((c) => runCli([...c, '--help'], dir)));
    results.forEach((res, i) => {
      const name = ['dangjian', ...commands[i]].join(' ');
      expect([name, res.code, res.stderr]).toEqual([name, 0, '']);
      expect(res.stdout).toContain(`Usage: ${name}`);
    });
    // Many child processes, or a whole demo region: minutes on a loaded machine.
  }, 240_000);
});

describe('the bin', () => {
  it('restarts itself with the heap cap, and passes on the exit status and output', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const help = await runCli(['import', '--help'], dir, { viaWrapper: true });
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('Usage: dangjian import');
    const failed = await runCli(['user', 'create'], dir, { viaWrapper: true });
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual(['错误：缺少必填选项 --username <name>（用 --help 查看用法）']);
  });
});

describe('failures', () => {
  let dir: string;
  beforeAll(() => {
    dir = fresh();
  });

  it('user create with an unknown region: one line, exit 1', async () => {
    const res = await runCli(['user', 'create', '--username', 'somebody', '--name', '某人', '--region', '999999'], dir);
    expectOneErrorLine(res, '行政区划代码 999999 不存在');
  });

  it('usage errors are one Chinese line too, exit 1', async () => {
    const cases: [string[], string | RegExp][] = [
      [['user', 'create', '--name', '某人', '--region', '420506'], '缺少必填选项 --username'],
      [['user', 'create', '--username', 'x1', '--name', '某', '--region', '420506', '--bogus'], '未知选项 --bogus'],
      [['no-such-command'], '未知命令 no-such-command'],
      [['demo', '--region', '420506', '--scale', 'town'], /--scale .* 的取值 town 无效/],
      [['demo', '--region', '420506', '--seed', 'abc'], '--seed 须为非负整数'],
      [['user', 'reset-password'], '缺少参数 username'],
    ];
    // Refused before the database is opened, so they may run side by side.
    const results = await Promise.all(cases.map(([args]) => runCli(args, dir)));
    for (const [i, res] of results.entries()) expectOneErrorLine(res, cases[i][1]);
  });

  it('two administrator roles at once are refused (三员分立)', async () => {
    const res = await runCli(
      [
        'user',
        'create',
        '--username',
        'two_roles',
        '--name',
        '两职',
        '--region',
        '420506',
        '--role',
        'sysadmin',
        'auditor',
      ],
      dir,
    );
    expectOneErrorLine(res, '三员分立');
  });
});

describe('--as', () => {
  let dir: string;
  beforeAll(async () => {
    dir = fresh();
    for (const [username, role, region] of [
      ['cm_yiling', 'committee', '420506'],
      ['sa_yichang', 'sysadmin', '420500'],
    ]) {
      const res = await runCli(
        ['user', 'create', '--username', username, '--name', '某人', '--region', region, '--role', role],
        dir,
      );
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(/一次性密码：\S{16}/);
    }
  });

  it('applies that user’s permissions: a committee member cannot create users, and the refusal is audited', async () => {
    const res = await runCli(
      ['user', 'create', '--as', 'cm_yiling', '--username', 'by_committee', '--name', '某人', '--region', '420506'],
      dir,
    );
    expectOneErrorLine(res, '用户 cm_yiling 没有执行此操作的权限');
    await withDataDir(dir, async (db) => {
      const [last] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      expect(last).toMatchObject({ actorName: 'cm_yiling', action: 'user.create', result: 'denied', ip: 'cli' });
      expect(await db.select().from(users)).toHaveLength(2);
    });
  });

  it('applies that user’s region: a city’s administrator cannot create users elsewhere', async () => {
    const res = await runCli(
      ['user', 'create', '--as', 'sa_yichang', '--username', 'in_wuhan', '--name', '某人', '--region', '420100'],
      dir,
    );
    expectOneErrorLine(res, '行政区划 420100 不在您的管辖范围内');
    const ok = await runCli(
      ['user', 'create', '--as', 'sa_yichang', '--username', 'in_yiling', '--name', '某人', '--region', '420506'],
      dir,
    );
    expect(ok.code, ok.stderr).toBe(0);
    await withDataDir(dir, async (db) => {
      const [last] = await db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
      expect(last).toMatchObject({ actorName: 'sa_yichang', action: 'user.create', result: 'success', ip: 'cli' });
    });
  });

  it('an unknown --as user is an error', async () => {
    expectOneErrorLine(await runCli(['audit', 'verify', '--as', 'nobody'], dir), '用户 nobody 不存在');
  });
});

describe('demo', () => {
  const args = ['demo', '--region', '420506', '--scale', 'county', '--seed', '7'];
  const accounts = (dir: string) =>
    withDataDir(dir, (db) =>
      db
        .select({ username: users.username, displayName: users.displayName, roles: users.roles })
        .from(users)
        .orderBy(asc(users.username)),
    );

  it('run twice creates the same accounts once; a fresh database with the same seed gets the same names', async () => {
    const a = fresh();
    const first = await runCli(args, a);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('演示账户：3 个（本次新建 3 个）');
    const afterFirst = await accounts(a);

    const second = await runCli(args, a);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('演示账户：3 个（本次新建 0 个）');
    expect(await accounts(a)).toEqual(afterFirst);

    const b = fresh();
    expect((await runCli(args, b)).code).toBe(0);
    expect(await accounts(b)).toEqual(afterFirst);

    // The secretary and instructor accounts come with the orgs and the instructors, which a
    // second run does not add again.
    expect(afterFirst.map((u) => u.username)).toEqual(['gw1420506', 'gw2420506', 'ld420506', 'sj420506', 'zd420506']);
    expect(first.stdout).toMatch(/演示指导员：[1-9]\d* 名，联系企业 [1-9]\d* 家，走访记录 [1-9]\d* 条/);
    expect(second.stdout).toContain('演示指导员：0 名');
    expect(first.stdout).toMatch(/演示党组织：[1-9]\d* 个，逐人登记党员 [1-9]\d* 名，发展党员记录 [1-9]\d* 条/);
    expect(second.stdout).toContain('演示党组织：0 个');
    // 双向进入 on the orgs it made, once (issue #13 item 8).
    expect(first.stdout).toMatch(/演示交叉任职：[1-9]\d* 名/);
    expect(second.stdout).not.toContain('演示交叉任职');
    // Minutes attached to a few demo meetings (issue #16 item 6), once.
    expect(first.stdout).toMatch(/演示会议附件：会议纪要 [1-9] 份/);
    expect(second.stdout).toContain('演示会议附件：已有附件，不再添加');
    const [orgs] = await withDataDir(a, (db) =>
      db.execute(sql`select (select count(*) from party_orgs)::int as orgs,
        (select count(*) from enterprises where org_coverage is not null)::int as covered,
        (select count(*) from enterprises e where exists (select 1 from members m where m.employer_id = e.id)
           and e.member_count <> (select count(*) from members m where m.employer_id = e.id and m.left_on is null))::int as off`),
    ).then((r) => (r as unknown as { rows: { orgs: number; covered: number; off: number }[] }).rows);
    expect(orgs.orgs).toBeGreaterThan(5);
    expect(orgs.covered).toBeGreaterThanOrEqual(orgs.orgs);
    expect(orgs.off).toBe(0);
    for (const u of afterFirst) expect(u.displayName).toMatch(/^\p{Script=Han}{2,4}$/u);
    // Every new account's one-time password in a 0600 file of the data directory, none on screen.
    const file = path.join(a, 'demo-passwords.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const listed = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    expect(listed.map(([username]) => username).sort()).toEqual(afterFirst.map((u) => u.username));
    for (const [, password] of listed) expect(first.stdout + first.stderr).not.toContain(password);
    expect(first.stdout).toContain(`一次性密码：本次新建的 5 个账户的一次性密码已写入 ${file}`);
    // Progress inside the stages, on standard error.
    expect(first.stderr).toMatch(/演示企业（读取并校验）：0 \/ [\d,]+（0%）/);
    expect(first.stderr).toMatch(/演示党组织：(\d+) \/ \1（100%）/);
    // Many child processes, or a whole demo region: minutes on a loaded machine.
  }, 240_000);
});
