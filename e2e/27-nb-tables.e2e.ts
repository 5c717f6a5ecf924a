import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { download, horizontalOverflow, login, menu, screenshot, useBrowser, visible } from './support.ts';

describe('李四 (the city committee) reads 年报 table 27 and drills down to a county', () => {
  const browser = useBrowser();

  it('opens table 27, opens a child region’s table, downloads the form, and prints it', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '统计报表');
    await page.waitForURL('**/reports');
    await page.getByTestId('report-link-nb27').click();
    await page.waitForURL('**/reports/nb27');
    const table = page.getByTestId('nb-table');
    await visible(table.getByText('法定代表人是党员的'));
    await visible(table.getByText('栏号'));
    await visible(page.getByTestId('nb-regions'));
    await screenshot(page, 'nb27-city');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // A child region's name opens its own table.
    const child = page.locator('[data-testid^="nb-region-"]').first();
    const code = ((await child.getAttribute('data-testid')) ?? '').replace('nb-region-', '');
    await child.click();
    await expect.poll(() => page.url()).toContain(`region=${code}`);
    await visible(page.getByTestId('nb-table'));
    await screenshot(page, 'nb27-county');

    const file = await download(page, () => page.getByTestId('report-download').click());
    expect(file.name).toMatch(/^年报表27-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['表27', '按地区']);
    expect(book.worksheets[0]?.getCell(1, 1).value).toBe('表27 非公有经济控制的企业法人单位建立党的基层组织情况');

    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'nb27-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
