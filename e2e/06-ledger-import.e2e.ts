import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ERRORS, expected, goodRows, REGION, tempDir, writeErrorFile, writeGoodFile } from './ledger-data.ts';
import {
  assignRole,
  createUser,
  dialog,
  download,
  firstLogin,
  leave,
  ledgerTotal,
  login,
  menu,
  menuItem,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const rows = goodRows();
const want = expected(rows);

describe('a working-committee member of 宜昌市 imports the enterprises', () => {
  const browser = useBrowser();

  it('the administrators create 李四 (committee) and 王五 (leader) in 宜昌市', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await menu(page, '用户管理');
    await page.waitForURL('**/users');
    for (const user of [
      { username: 'lisi', displayName: '李四', region: ['全国', '湖北省', REGION.name] },
      { username: 'wangwu', displayName: '王五', region: ['全国', '湖北省', REGION.name] },
    ]) {
      await createUser(page, user);
      await visible(page.getByRole('row').filter({ hasText: user.username }).getByText(REGION.name));
    }
    await leave(page);

    await login(page, 'secadmin');
    await menu(page, '用户管理');
    await assignRole(page, 'lisi', '党工委工作人员');
    await assignRole(page, 'wangwu', '领导');
    await leave(page);
  });

  it('李四 signs in: the ledger is empty, and the rates show “—”, never 0 % or NaN', async () => {
    const { page } = browser();
    await firstLogin(page, 'lisi', 'Li-Si#Yichang2026', { totp: true });
    await page.waitForURL('**/dashboard');
    await visible(page.getByRole('heading', { name: '宜昌市概况' }));
    const rate = page.locator('.ant-statistic').filter({ hasText: '党组织覆盖率' });
    await visible(rate.getByText('—', { exact: true }));
    await visible(rate.getByText('0 / 0'));
    expect(await page.getByText('NaN').count()).toBe(0);
    // The villages are loaded on demand: none yet, so no card for them.
    expect(await page.locator('.ant-statistic').filter({ hasText: '村（社区）' }).count()).toBe(0);
    await visible(await menuItem(page, '企业台账'));
    await visible(await menuItem(page, '台账导入'));
  });

  it('downloads the import template', async () => {
    const { page } = browser();
    await menu(page, '台账导入');
    await page.waitForURL('**/ledger/import');
    const file = await download(page, () => page.getByRole('link', { name: '下载导入模板' }).click());
    expect(file.name).toBe('企业台账导入模板.xlsx');
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const header = book.worksheets[0].getRow(1).values as unknown[];
    expect(header).toContain('统一社会信用代码');
    expect(header).toContain('企业名称');
  });

  it('uploads the annual report, watches it being read, and reads the preview', async () => {
    const { page } = browser();
    // The file is small and read in a moment: the first three answers about the batch are
    // held at "reading, 17 of 40 rows", so the progress the user would see on a large file shows.
    let held = 0;
    await page.route(/\/api\/imports\/enterprises\/batches\/\d+$/, async (route) => {
      const response = await route.fetch();
      const batch = await response.json();
      if (held++ < 3) Object.assign(batch, { status: 'reading', rowsRead: 17, rowsTotal: 40, counts: {} });
      await route.fulfill({ response, json: batch });
    });
    await page.getByLabel('数据期间').fill('2026Q1');
    expect(await page.getByLabel('数据来源').inputValue()).toBe('市场监管局年报');
    await page.locator('input[type=file]').setInputFiles(await writeGoodFile(dir, rows));
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.waitForURL(/\/ledger\/import\/\d+$/);
    await visible(page.getByText('正在读取和校验文件……'));
    await visible(page.getByTestId('read-progress').filter({ hasText: '17 / 40 行' }));
    await screenshot(page, 'import-progress-desktop');
    await visible(page.getByTestId('batch-rows').filter({ hasText: `共 ${rows.length} 行数据` }));
    await page.unroute(/\/api\/imports\/enterprises\/batches\/\d+$/);

    await visible(page.getByTestId('batch-state').getByText('核对完成，台账尚未改变'));
    for (const tab of [`新增 ${rows.length}`, '变更 0', '未变 0', '本次缺少 0', '错误 0']) {
      await visible(page.getByRole('tab', { name: tab }));
    }
    // What the server recorded on the batch: every row of the file read.
    await visible(page.getByTestId('rows-read').filter({ hasText: `${rows.length} / ${rows.length} 行` }));
    // The added rows, with their spreadsheet row numbers.
    await visible(page.getByRole('row').filter({ hasText: '第 2 行' }).getByText(rows[0].name));
    await screenshot(page, 'import-preview-desktop');
  });

  it('confirms, and the ledger lists every enterprise', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: '确认写入台账' }).click();
    const confirm = await dialog(page);
    await visible(confirm.getByText(`将新增 ${rows.length} 家、变更 0 家企业的信息写入台账？`));
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(page.getByText(`已写入台账：新增 ${rows.length} 家，变更 0 家，未变 0 家`));
    await page.getByRole('button', { name: '查看台账' }).click();
    await page.waitForURL('**/ledger');
    await expect.poll(() => ledgerTotal(page)).toBe(want.total);
    await visible(
      page.getByTestId('summary-should_form').filter({ hasText: `应建未建 ${want.categories.should_form}` }),
    );
  });

  it('uploads a file with mistakes: each named by row and column, the ledger unchanged, the report downloadable', async () => {
    const { page } = browser();
    await menu(page, '台账导入');
    await page.locator('input[type=file]').setInputFiles(await writeErrorFile(dir));
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.waitForURL(/\/ledger\/import\/\d+$/);
    const state = page.getByTestId('batch-state');
    await visible(state.getByText(`有 ${ERRORS.length} 处错误，台账未改变`));
    await visible(page.getByRole('tab', { name: `错误 ${ERRORS.length}`, selected: true }));
    for (const e of ERRORS) {
      await visible(
        page
          .getByRole('row')
          .filter({ hasText: `第 ${e.row} 行` })
          .getByText(e.column, { exact: true }),
      );
    }
    await visible(page.getByText('行政区划代码“110101”不在您的数据范围内'));
    await screenshot(page, 'import-errors-desktop');

    const report = await download(page, () => state.getByRole('link', { name: '下载错误报告' }).click());
    expect(report.name).toBe('错误报告-宜昌市企业年报-有错误.xlsx');
    expect(report.bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const last = (row: number) => String(sheet.getRow(row).getCell(sheet.getRow(1).cellCount).value ?? '');
    expect(last(1)).toBe('错误说明');
    expect(last(5)).toContain('从业人员数不能为负数');

    await menu(page, '企业台账');
    await expect.poll(() => ledgerTotal(page)).toBe(want.total);
  });

  it('imports the same report again: every row unchanged; discards the batch', async () => {
    const { page } = browser();
    await menu(page, '台账导入');
    await page.getByLabel('数据期间').fill('2026Q1');
    await page.locator('input[type=file]').setInputFiles(await writeGoodFile(dir, rows));
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.waitForURL(/\/ledger\/import\/\d+$/);
    for (const tab of ['新增 0', '变更 0', `未变 ${rows.length}`, '错误 0']) {
      await visible(page.getByRole('tab', { name: tab }));
    }
    await visible(page.getByRole('tab', { name: `未变 ${rows.length}`, selected: true }));
    await page.getByRole('button', { name: '放弃' }).click();
    const confirm = await dialog(page);
    await confirm.getByRole('button', { name: '确定' }).click();
    await visible(page.getByTestId('batch-state').getByText('已放弃，台账未改变'));
  });

  it('uploads a file that cannot be read: the batch fails with the reason, the ledger unchanged', async () => {
    const { page } = browser();
    await page.getByRole('menuitem', { name: '台账导入' }).click();
    await page.getByLabel('数据期间').fill('2026Q1');
    const broken = path.join(dir, '损坏的文件.csv');
    fs.writeFileSync(broken, `统一社会信用代码\n${','.repeat(20_000)}\n`);
    await page.locator('input[type=file]').setInputFiles(broken);
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.waitForURL(/\/ledger\/import\/\d+$/);
    await visible(page.getByTestId('batch-state').getByText('导入失败，台账未改变'));
    await visible(page.getByTestId('batch-state').getByText(/第 2 行超过 16384 列/));
  });

  it('finds the four batches in the import history and reopens the applied one', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: '导入记录' }).click();
    await page.waitForURL('**/ledger/batches');
    const table = page.locator('.ant-table-tbody');
    // A failed batch gives its reason, not counts it never applied.
    const failed = table.getByRole('row').filter({ hasText: '损坏的文件.csv' });
    await visible(failed.getByText(/第 2 行超过 16384 列/));
    expect(await failed.getByText(/新增/).count()).toBe(0);
    await visible(table.getByRole('row').filter({ hasText: '已放弃' }));
    await visible(table.getByRole('row').filter({ hasText: '有错误，未写入' }).filter({ hasText: '错误 6' }));
    const applied = table.getByRole('row').filter({ hasText: '已写入台账' });
    await visible(
      applied.filter({ hasText: '2026Q1' }).filter({ hasText: '市场监管局年报' }).filter({ hasText: 'lisi' }),
    );
    await applied.getByRole('link', { name: '宜昌市企业年报-2026Q1.xlsx' }).click();
    await page.waitForURL(/\/ledger\/import\/\d+/);
    await visible(page.getByText(`已写入台账：新增 ${rows.length} 家，变更 0 家，未变 0 家`));
    expect(await page.getByRole('button', { name: '确认写入台账' }).count()).toBe(0);
  });
});
