import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expected, goodRows, tempDir, writeGoodFile } from './ledger-data.ts';
import {
  choose,
  dialog,
  horizontalOverflow,
  ledgerTotal,
  login,
  menu,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const rows = goodRows();
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const want = expected(rows);

/** How far the ledger table's own box scrolls sideways (it does; the page must not). */
const tableOverflow = (page: Page) =>
  page
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth);

describe('the ledger on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the dashboard’s ledger figures fit the screen', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    await visible(page.locator('.ant-statistic').filter({ hasText: '党组织覆盖率' }).getByText('0.0%'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-ledger-phone');
  });

  it('the list fits, its filters folded behind a button and its table scrolling in its own box', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '企业台账');
    await page.waitForURL('**/ledger');
    await expect.poll(() => ledgerTotal(page)).toBe(want.total);
    expect(await page.getByLabel('分类').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await tableOverflow(page)).toBeGreaterThan(0);
    await screenshot(page, 'ledger-list-phone');

    await page.getByRole('button', { name: '筛选条件' }).click();
    await page.getByLabel('分类').click();
    await choose(page.locator('.ant-select-item-option').filter({ hasText: '有党员未建' }));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForURL(/category=joint_candidate/);
    await expect.poll(() => ledgerTotal(page)).toBe(want.categories.joint_candidate);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // A row's actions sit behind the "more" button at the right edge.
    await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: '操作' }).click();
    await page.getByRole('menuitem', { name: '查看' }).click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await visible(page.getByText('变更记录'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'enterprise-phone');

    await page.getByRole('button', { name: '修改信息' }).click();
    const drawer = await dialog(page);
    await visible(drawer.getByLabel('从业人员数'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await drawer.getByRole('button', { name: '取消' }).click();
  });

  it('the import page and its preview fit; the error batch reads on a phone too', async () => {
    const { page } = browser();
    await page.goto('/ledger/import');
    await visible(page.getByRole('button', { name: '上传并核对' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByLabel('数据期间').fill('2026Q1');
    // Only a check this time: a dry run.
    await page.getByRole('switch', { name: '仅核对（试运行）' }).click();
    await page.locator('input[type=file]').setInputFiles(await writeGoodFile(dir, rows));
    await page.getByRole('button', { name: '上传并核对' }).click();
    await page.waitForURL(/\/ledger\/import\/\d+$/);
    // Since the edit on the desktop, one row of the file differs from the ledger again.
    await visible(page.getByRole('tab', { name: '变更 1', selected: true }));
    await visible(page.getByRole('row').filter({ hasText: '从业人员数' }).getByText('150'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await visible(page.getByTestId('batch-state').getByText('试运行：只做了核对，台账未改变'));
    expect(await page.getByRole('button', { name: '确认写入台账' }).count()).toBe(0);
    await screenshot(page, 'import-preview-phone');

    await page.goto('/ledger/batches');
    await page
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: '有错误，未写入' })
      .getByRole('link')
      .first()
      .click();
    await visible(page.getByText('有 6 处错误，台账未改变'));
    await visible(page.getByRole('row').filter({ hasText: '第 5 行' }).getByText('从业人员数不能为负数'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'import-errors-phone');
  });
});
