// 组织生活情况 and 作用发挥情况 (issue #15 item 9): 李四 of the city committee (06) opens each
// report of 宜昌市 for this year, clicks a child region to drill down, and downloads the .xlsx.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, download, login, menu, screenshot, useBrowser, visible } from './support.ts';

async function firstColumn(bytes: Buffer): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: unknown[] = [];
  book.worksheets[0]?.eachRow((row) => out.push(row.getCell(1).value));
  return out;
}

async function thisYear(page: Page) {
  const year = String(new Date().getFullYear());
  await page.getByTestId('report-year').click();
  await choose(
    page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: year }),
  );
  await expect.poll(() => page.url()).toContain(`year=${year}`);
  return year;
}

describe('李四 reads the organisational-life reports of 宜昌市', () => {
  const browser = useBrowser();

  for (const [name, title, file] of [
    ['orglife', '参会率', /^党组织生活情况统计表-宜昌市-\d{4}\.xlsx$/],
    ['achievements', '其中软弱涣散', /^党组织作用发挥情况统计表-宜昌市-\d{4}\.xlsx$/],
  ] as const) {
    it(`opens ${name} from 统计报表, drills down to a district and downloads the form`, async () => {
      const { page } = browser();
      await login(page, 'lisi');
      await menu(page, '统计报表');
      await page.getByTestId(`report-link-${name}`).click();
      await page.waitForURL(`**/reports/${name}`);
      const table = page.getByTestId(`${name}-table`);
      await visible(table.getByText('合计'));
      await visible(table.getByText(title));
      // The card names the year once its figures are there: the screenshot shows them, not the last year's.
      const year = await thisYear(page);
      await visible(page.getByText(new RegExp(`^宜昌市 · ${year} · `)));
      await screenshot(page, `reports-${name}`);
      const drill = table.locator('[data-testid^="drill-"]').first();
      const district = (await drill.textContent()) ?? '';
      await drill.click();
      await expect.poll(() => page.url()).toMatch(/region=\d{6}/);
      await visible(page.getByText(new RegExp(`^${district} · `)));
      await visible(page.getByTestId('report-up'));
      await page.getByTestId('report-up').click();
      await visible(page.getByText(/^宜昌市 · /));
      const xlsx = await download(page, () => page.getByTestId('report-download').click());
      expect(xlsx.name).toMatch(file);
      const rows = await firstColumn(xlsx.bytes);
      expect(String(rows[0])).toMatch(/宜昌市非公有制企业党组织/);
      expect(rows).toContain('合计');
      expect(await page.getByText(/\breport\.[a-zA-Z.]+/).count()).toBe(0);
    });
  }
});
