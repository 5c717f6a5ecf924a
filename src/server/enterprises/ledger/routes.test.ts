// The ledger list through the API: filters, name search, sort, pages and totals, always within
// the user's region; and its export, which equals the filtered list, cannot run formulas and
// is audited.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOperator } from '../../actor.ts';
import { auditLog } from '../../db/schema.ts';
import { runImport } from '../../imports/enterprises/run.ts';
import { lastAuditSeq } from '../../testing/audit.ts';
import type { TestClient } from '../../testing/client.ts';
import { uscc, writeCsv } from '../../testing/enterpriseFiles.ts';
import { importFixture, importRequest } from '../../testing/imports.ts';
import { readWorkbook, sheetValues } from '../../testing/uploads.ts';

let fx: Awaited<ReturnType<typeof importFixture>>;
let yichang: TestClient;

const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '市场主体类型',
  '行政区划代码',
  '从业人员数',
  '党员数',
  '负责人姓名',
  '登记状态',
];
// name, kind, region, employees, members, owner, status; the coverage is set afterwards.
const ROWS: [string, string, string, number, number, string, string][] = [
  ['宜昌星火科技有限公司', '私营企业', '420502', 350, 6, '王一', '存续'],
  ['宜昌星火商贸有限公司', '私营企业', '420503', 120, 0, '王二', '存续'],
  ['宜昌绿源农业发展中心', '其他', '420506', 45, 1, '王三', '在营'],
  ['宜昌老街小吃店', '个体工商户', '420502', 3, 0, '王四', '存续'],
  ['宜昌外贸服务有限公司', '外商投资企业', '420505', 80, 2, '王五', '存续'],
  ['宜昌星光电子有限公司', '私营企业', '420506', 220, 9, '王六', '存续'],
  ['=1+2宜昌公式有限公司', '私营企业', '420502', 15, 0, '@SUM(A1)', '存续'],
  ['宜昌注销星火有限公司', '私营企业', '420502', 60, 3, '王八', '注销'],
  ['武汉江岸星火有限公司', '私营企业', '420102', 500, 5, '王九', '存续'],
];
const CODES = ROWS.map(() => uscc());
const codeOf = (name: string) => CODES[ROWS.findIndex((r) => r[0] === name)];

beforeAll(async () => {
  fx = await importFixture();
  const file = writeCsv([HEADER, ...ROWS.map((r, i) => [CODES[i], ...r])]);
  const result = await runImport(fx.deps, localOperator(), importRequest(file));
  expect(result).toMatchObject({ status: 'applied', added: ROWS.length, errors: [] });
  await fx.rows(sql`update enterprises set org_coverage = 'joint' where name = '宜昌外贸服务有限公司'`);
  await fx.rows(sql`update enterprises set org_coverage = 'standalone' where name = '宜昌星光电子有限公司'`);
  yichang = (await fx.clientAs({ roles: ['committee'], regionCode: '420500' })).client;
});
afterAll(() => fx.close());

async function list(query: string) {
  const res = await yichang.get(`/api/enterprises?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { total: number; categories: Record<string, number>; items: any[] };
}
const names = (body: { items: any[] }) => body.items.map((e) => e.name).sort();

describe('the ledger list', () => {
  it('lists the enterprises of the user’s region only, with counts by category of those in scope', async () => {
    const all = await list('pageSize=200');
    expect(all.total).toBe(8);
    expect(names(all)).not.toContain('武汉江岸星火有限公司');
    expect(all.categories).toEqual({ should_form: 1, no_member: 3, joint_candidate: 1, joint: 1, standalone: 1 });
  });

  it('filters by category (in scope only), several at once', async () => {
    // 宜昌注销星火 has 3 members too, but it is closed: out of every category.
    expect(names(await list('category=should_form'))).toEqual(['宜昌星火科技有限公司']);
    const two = await list('category=joint&category=standalone');
    expect(two.total).toBe(2);
    expect(names(two)).toEqual(['宜昌外贸服务有限公司', '宜昌星光电子有限公司'].sort());
  });

  it('filters by coverage: covered by an org, or in scope and covered by none', async () => {
    expect(names(await list('coverage=org'))).toEqual(['宜昌外贸服务有限公司', '宜昌星光电子有限公司'].sort());
    const none = await list('coverage=none&pageSize=200');
    expect(none.total).toBe(5);
    expect(names(none)).not.toContain('宜昌外贸服务有限公司');
    expect(none.categories).toEqual({ should_form: 1, no_member: 3, joint_candidate: 1 });
  });

  it('filters by kind', async () => {
    expect(names(await list('kind=individual'))).toEqual(['宜昌老街小吃店']);
    expect((await list('kind=private')).total).toBe(5);
  });

  it('filters by size band', async () => {
    expect(names(await list('sizeBand=100_299'))).toEqual(['宜昌星光电子有限公司', '宜昌星火商贸有限公司'].sort());
    expect(names(await list('sizeBand=300plus'))).toEqual(['宜昌星火科技有限公司']);
    expect((await list('sizeBand=lt10&sizeBand=10_49')).total).toBe(3);
  });

  it('finds a partial Chinese name, and a code by its start', async () => {
    const found = await list(`q=${encodeURIComponent('星火')}`);
    expect(found.total).toBe(3);
    expect(names(found)).toEqual(['宜昌星火科技有限公司', '宜昌星火商贸有限公司', '宜昌注销星火有限公司'].sort());
    const byCode = await list(`q=${codeOf('宜昌老街小吃店').slice(0, 10)}`);
    expect(names(byCode)).toEqual(['宜昌老街小吃店']);
    // A LIKE wildcard in the search is a character, not a wildcard.
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
  });

  it('filters by flag and status', async () => {
    expect(names(await list('flag=key_watch'))).toEqual(['宜昌星火商贸有限公司', '宜昌星火科技有限公司'].sort());
    expect(names(await list('status=closed'))).toEqual(['宜昌注销星火有限公司']);
  });

  it('sorts by employees, descending, in pages, with the total on every page', async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(await list(`sort=employees&order=desc&pageSize=3&page=${page}`));
    expect(pages.map((p) => p.total)).toEqual([8, 8, 8]);
    expect(pages.map((p) => p.items.map((e) => e.employees))).toEqual([
      [350, 220, 120],
      [80, 60, 45],
      [15, 3],
    ]);
    const empty = await list('sort=employees&order=desc&pageSize=3&page=4');
    expect(empty).toMatchObject({ total: 8, items: [] });
  });

  it('refuses an unknown filter value', async () => {
    expect((await yichang.get('/api/enterprises?kind=state_owned')).status).toBe(400);
    expect((await yichang.get('/api/enterprises?sort=phone')).status).toBe(400);
  });
});

describe('the export', () => {
  it('holds exactly the filtered list, and no cell is a formula', async () => {
    const expected = await list('kind=private&pageSize=200');
    const res = await yichang.get('/api/enterprises/export?kind=private', { binary: true });
    expect(res.status).toBe(200);
    const book = await readWorkbook(res.bytes);
    const sheet = book.worksheets[0];
    const rows = sheetValues(sheet);
    expect(rows[0].slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '市场主体类型']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(expected.items.map((e) => e.uscc).sort());
    expect(rows.length - 1).toBe(expected.total);

    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `${cell.address} ${String(cell.value)}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
      }),
    );
    const formulaLike = rows.find((r) => r[0] === codeOf('=1+2宜昌公式有限公司'))!;
    expect(formulaLike[1]).toBe("'=1+2宜昌公式有限公司");
    expect(formulaLike).toContain("'@SUM(A1)");
    // The closed enterprise is listed as such.
    expect(rows.find((r) => r[0] === codeOf('宜昌注销星火有限公司'))).toContain('不在统计范围');
  });

  it('is audited with its filter', async () => {
    const seq = await lastAuditSeq(fx.database.db);
    const res = await yichang.get(`/api/enterprises/export?q=${encodeURIComponent('星火')}`, { binary: true });
    expect(res.status).toBe(200);
    const audit = await fx.database.db.select().from(auditLog).where(sql`${auditLog.seq} > ${seq}`);
    expect(audit).toMatchObject([{ action: 'enterprise.export', result: 'success', diff: { filter: { q: '星火' } } }]);
    const book = await readWorkbook(res.bytes);
    expect(sheetValues(book.worksheets[0]).length - 1).toBe(3);
  });
});
