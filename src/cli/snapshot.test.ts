import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runCli, withDataDir } from '../server/testing/cli.ts';
import { seededDataDir } from './dataDir.testing.ts';

// Ten enterprises with one member each in 伍家岗区, founded in 2020.
const dir = seededDataDir(async (db) => {
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count, founded_on)
    select 'S' || lpad(i::text, 17, '0'), '企业' || i, 'private', '420503', 20, 1, 1, '2020-01-01'
    from generate_series(1, 10) i`);
});

describe('dangjian snapshot', () => {
  it('creates, lists and compares snapshots, JSON on stdout and progress on stderr', async () => {
    const first = await runCli(['snapshot', 'create', '--date', '2024-12-31', '--region', '420503', '--json'], dir());
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('正在冻结');
    const a = JSON.parse(first.stdout);
    expect(a).toMatchObject({ takenOn: '2024-12-31', regionCode: '420503', enterpriseCount: 10 });
    // Between the snapshots two enterprises grow to 120 employees: the same category, so no transition.
    await withDataDir(dir(), async (db) => {
      await db.execute(sql`update enterprises set employees = 120 where uscc like 'S%' and name in ('企业1', '企业2')`);
    });
    const second = await runCli(
      ['snapshot', 'create', '--date', '2025-12-31', '--region', '420503', '--label', '年末'],
      dir(),
    );
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^已生成快照 \d+：年末，10 户企业/);
    const list = JSON.parse((await runCli(['snapshot', 'list', '--json'], dir())).stdout);
    expect(list.items.map((s: { label: string }) => s.label)).toEqual(['年末', a.label]);
    const b = list.items[0].id;
    const compared = await runCli(['snapshot', 'compare', String(a.id), String(b), '--json'], dir());
    expect(compared.code, compared.stderr).toBe(0);
    const out = JSON.parse(compared.stdout);
    expect(out.transitions).toEqual([{ from: 'joint_candidate', to: 'joint_candidate', n: 10 }]);
    expect(out.totals).toEqual({ entered: 0, left: 0, changed: 0, unchanged: 10 });
    const text = await runCli(['snapshot', 'compare', String(a.id), String(b)], dir());
    expect(text.stdout).toContain('分类变化 0 户，未变 10 户');
  }, 600_000);

  it('refuses a future date, an unknown snapshot and a malformed id on one line', async () => {
    for (const args of [
      ['snapshot', 'create', '--date', '2999-01-01'],
      ['snapshot', 'create', '--date', '2025-02-30'],
      ['snapshot', 'compare', '1', '999'],
      ['snapshot', 'compare', '1', 'x'],
    ]) {
      const res = await runCli(args, dir());
      expect(res.code).toBe(1);
      const lines = res.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(/^错误：/);
    }
    expect((await runCli(['snapshot', 'compare', '1', '999'], dir())).stderr).toContain('快照 999 不存在');
  }, 600_000);
});
