import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { runCli } from '../server/testing/cli.ts';
import { seededDataDir } from './dataDir.testing.ts';

// 386 enterprises in scope in 伍家岗区 and 点军区, 85 of them covered: document 004's county.
const dir = seededDataDir(async (db) => {
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count, org_coverage)
    select 'T' || lpad(i::text, 17, '0'), '企业' || i, 'private', case when i % 2 = 0 then '420503' else '420504' end,
           i % 150, 0, 0, case when i <= 85 then 'standalone' end
    from generate_series(1, 386) i`);
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count, registration_status)
    values ('X00000000000000001', '已注销企业', 'private', '420503', 5, 0, 0, 'cancelled')`);
  // 80 in 襄阳市襄城区, 23 covered (a party organization covers the work too): the
  // fraction toFixed printed as 28.7 %.
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count, org_coverage)
    select 'R' || lpad(i::text, 17, '0'), '襄城企业' || i, 'private', '420602', 20, 0, 0,
           case when i <= 23 then 'standalone' end
    from generate_series(1, 80) i`);
});

describe('dangjian stats coverage', () => {
  it('prints one object with the figures and every child region, rates as fractions and null for no denominator', async () => {
    const res = await runCli(['stats', 'coverage', '--region', '420500', '--json'], dir());
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual([
      'region',
      'date',
      'scope',
      'inScope',
      'orgCovered',
      'standalone',
      'joint',
      'workCovered',
      'orgCoverageRate',
      'standaloneRate',
      'workCoverageRate',
      'categories',
      'flags',
      'children',
    ]);
    expect(out).toMatchObject({ region: '420500', scope: 'all', inScope: 386, orgCovered: 85, standalone: 85 });
    expect(Math.round(out.orgCoverageRate * 1000) / 10).toBe(22.0);
    expect(Object.keys(out.categories)).toEqual(['standalone', 'joint', 'should_form', 'joint_candidate', 'no_member']);
    expect(Object.keys(out.flags)).toEqual(['key_watch', 'needs_instructor']);
    expect(out.children.reduce((s: number, c: { inScope: number }) => s + c.inScope, 0)).toBe(386);
    const empty = out.children.find((c: { region: string }) => c.region === '420502');
    expect(empty).toMatchObject({ inScope: 0, orgCoverageRate: null, standaloneRate: null });
  });

  it('prints the rates by the domain’s rule: 23 of 80 is 28.8 %', async () => {
    const res = await runCli(['stats', 'coverage', '--region', '420600'], dir());
    expect(res.code, res.stderr).toBe(0);
    const line = res.stdout.split('\n').find((l) => l.includes('襄城区'));
    expect(line).toMatch(/在册 80\t覆盖 23\t组建率 28\.8%\t单独组建率 28\.8%\t工作覆盖率 28\.8%/);
  });

  it('answers for a past date and refuses a malformed one on one line', async () => {
    const past = await runCli(['stats', 'coverage', '--region', '420503', '--date', '2020-01-01', '--json'], dir());
    expect(past.code, past.stderr).toBe(0);
    // The ledger rows have no founding date: their first state reaches back to any date.
    expect(JSON.parse(past.stdout)).toMatchObject({ date: '2020-01-01', inScope: 193 });
    const bad = await runCli(['stats', 'coverage', '--region', '420503', '--date', '2020-02-30'], dir());
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^错误：日期格式/);
  });
});
