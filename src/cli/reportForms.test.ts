import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ANNUAL_COUNT_KEYS } from '../domain/reports/forms.ts';
import { runCli } from '../server/testing/cli.ts';
import { seededDataDir } from './dataDir.testing.ts';

// 386 enterprises in scope in 伍家岗区 and 点军区, 85 of them with their own branch since 2020.
const dir = seededDataDir(async (db) => {
  await db.execute(sql`
    insert into enterprises (uscc, name, kind, region_code, employees, member_count, full_member_count)
    select 'T' || lpad(i::text, 17, '0'), '企业' || i, 'private', case when i % 2 = 0 then '420503' else '420504' end,
           i % 150, 0, 0
    from generate_series(1, 386) i`);
  await db.execute(sql`
    insert into party_orgs (name, region_code, type, formation, established_on)
    select e.name || '党支部', e.region_code, 'branch', 'standalone', '2020-01-01'
    from enterprises e order by e.id limit 85`);
  await db.execute(sql`
    insert into org_coverages (org_id, enterprise_id, start_on)
    select o.id, e.id, '2020-01-01' from party_orgs o join enterprises e on e.name || '党支部' = o.name`);
});

describe('dangjian report', () => {
  it('annual --json prints one object whose total is the sum of its rows: 组建率 22.0 %', async () => {
    const res = await runCli(['report', 'annual', '--region', '420500', '--year', '2025', '--json'], dir());
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('计算');
    const out = JSON.parse(res.stdout);
    expect(out).toMatchObject({ report: 'annual', region: '420500', asOf: '2025-12-31' });
    expect(out.total).toMatchObject({ inScope: 386, orgCovered: 85, orgs: 85, branches: 85 });
    expect(Math.round(out.total.orgCoverageRate * 1000) / 10).toBe(22.0);
    for (const k of ANNUAL_COUNT_KEYS) {
      expect(
        out.rows.reduce((s: number, r: Record<string, number>) => s + (r[k] as number), 0),
        k,
      ).toBe(out.total[k]);
    }
  }, 240_000);

  it('nb27 --json prints {region, year, rows: [{region, cells…}], total}; nb30 --out writes the form', async () => {
    const res = await runCli(['report', 'nb27', '--region', '420500', '--year', '2025', '--json'], dir());
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(Object.keys(out)).toEqual(['region', 'year', 'rows', 'total']);
    expect(out).toMatchObject({ region: '420500', year: 2025 });
    expect(out.total).toMatchObject({ A1: 386, F1: 386, A5: 85, A11: 301 });
    expect(Object.keys(out.total)).toHaveLength(18 * 13);
    for (const row of out.rows) expect(Object.keys(row)).toEqual(['region', ...Object.keys(out.total)]);
    expect(out.rows.map((r: { region: string }) => r.region)).toContain('420503');
    for (const k of Object.keys(out.total))
      expect(
        out.rows.reduce((s: number, r: Record<string, number>) => s + (r[k] as number), 0),
        k,
      ).toBe(out.total[k]);
    const file = path.join(dir(), 'nb30.xlsx');
    const xlsx = await runCli(['report', 'nb30', '--region', '420500', '--year', '2025', '--out', file], dir());
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['表30', '按地区']);
    const scoped = await runCli(
      ['report', 'nb27', '--region', '420500', '--year', '2025', '--json', '--scope', 'all'],
      dir(),
    );
    expect(scoped.code).not.toBe(0);
  }, 240_000);

  it('quarterly --out writes the form as .xlsx with the 合计 row; lagging --json answers', async () => {
    const file = path.join(dir(), 'q.xlsx');
    const res = await runCli(
      ['report', 'quarterly', '--region', '420500', '--quarter', '2026Q1', '--out', file],
      dir(),
    );
    expect(res.code, res.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const labels: unknown[] = [];
    book.worksheets[0]?.eachRow((row) => labels.push(row.getCell(1).value));
    expect(labels).toContain('合计');
    expect(labels[0]).toBe('宜昌市非公企业新建党组织季报（2026年第1季度）');
    const lagging = await runCli(['report', 'lagging', '--region', '420500', '--date', '2026-03-31', '--json'], dir());
    expect(lagging.code, lagging.stderr).toBe(0);
    const out = JSON.parse(lagging.stdout);
    expect(out).toMatchObject({ report: 'lagging', region: '420500', date: '2026-03-31' });
    expect(Array.isArray(out.regions)).toBe(true);
  }, 240_000);

  it('refuses bad parameters on one Chinese line', async () => {
    for (const args of [
      ['report', 'quarterly', '--region', '420500', '--quarter', '2026Q5', '--json'],
      ['report', 'annual', '--region', '420500', '--year', '2025'],
    ]) {
      const res = await runCli(args, dir());
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/^错误：.*(2026Q3|--out FILE\.xlsx)/);
    }
  }, 240_000);
});
