import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { choose, download, horizontalOverflow, login, menu, screenshot, useBrowser, visible } from './support.ts';

/** The first-column texts of the workbook's first sheet. */
async function firstColumn(bytes: Buffer): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: unknown[] = [];
  book.worksheets[0]?.eachRow((row) => out.push(row.getCell(1).value));
  return out;
}

describe('李四 files the reports of 宜昌市', () => {
  const browser = useBrowser();

  it('opens each report, changes its period, and downloads the form as .xlsx', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '统计报表');
    await page.waitForURL('**/reports');

    await page.getByTestId('report-link-quarterly').click();
    await page.waitForURL('**/reports/quarterly');
    const quarterly = page.getByTestId('quarterly-table');
    await visible(quarterly.getByText('合计'));
    // No scope asked: the picker says the deployment's default is used, in words.
    await visible(page.getByTestId('report-scope').getByText('系统默认口径'));
    await page.getByTestId('report-quarter').click();
    const q = await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .nth(2);
    const quarter = (await q.textContent()) ?? '';
    await choose(q);
    await expect.poll(() => page.url()).toContain(`quarter=${quarter}`);
    await visible(page.getByText(new RegExp(`· ${quarter}`)));
    await screenshot(page, 'reports-quarterly');
    const qFile = await download(page, () => page.getByTestId('report-download').click());
    expect(qFile.name).toMatch(/^新建党组织季报-.*\.xlsx$/);
    expect(qFile.bytes.subarray(0, 2).toString()).toBe('PK');
    expect(await firstColumn(qFile.bytes)).toContain('合计');

    await page.goto('/reports/annual');
    const annual = page.getByTestId('annual-table');
    await visible(annual.getByText('合计'));
    await page.getByTestId('report-year').click();
    const thisYear = String(new Date().getFullYear());
    await choose(
      page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: thisYear }),
    );
    await visible(page.getByText(/本年度尚未结束|截至/));
    // Issue #13: 群团组织先行 under 未建, and the cross-holding of table 27.
    await visible(annual.getByText('其中已建工会或团组织'));
    await visible(annual.getByText('法定代表人兼任党组织书记'));
    await screenshot(page, 'reports-annual');
    const aFile = await download(page, () => page.getByTestId('report-download').click());
    expect(aFile.name).toMatch(new RegExp(`^党建工作情况统计表-.*-${thisYear}\\.xlsx$`));
    const annualRows = await firstColumn(aFile.bytes);
    expect(annualRows[0]).toMatch(/非公有制企业党建工作情况统计表/);
    expect(annualRows).toContain('合计');
    // A figure opens the enterprises behind it.
    const link = annual.locator('.ant-table-row').first().locator('a').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/stats\/enterprises\?region=420500&date=\d{4}-\d{2}-\d{2}&scope=(all|survey)/);

    await page.goto('/reports/lagging');
    await visible(page.getByTestId('lagging-regions'));
    await visible(page.getByText(/列为滞后/));
    await screenshot(page, 'reports-lagging');
    const lFile = await download(page, () => page.getByTestId('report-download').click());
    expect(lFile.name).toMatch(/^进展滞后督促清单-.*\.xlsx$/);
    expect((await firstColumn(lFile.bytes))[0]).toMatch(/进展滞后督促清单/);

    await page.getByText('English', { exact: true }).click();
    await page.goto('/reports/annual');
    await visible(page.getByText('Annual statistics of party building in non-public enterprises'));
    await visible(page.getByText('Secretary is the legal representative'));
    expect(await page.getByText(/\breport\.[a-zA-Z.]+/).count()).toBe(0);
    await page.getByText('中文', { exact: true }).click();
  });
});

describe('李四 prints the annual table from the screen', () => {
  const browser = useBrowser();

  it('prints the table alone on A4: no menu, header, buttons or pickers, every column shown', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/reports/annual');
    const annual = page.getByTestId('annual-table');
    await visible(annual.getByText('合计'));
    const columns = await annual.locator('thead th').count();
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
      expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await page.getByTestId('report-download').isVisible()).toBe(false);
      // The parameter card goes whole (its labels had stayed, with nothing beside them); the
      // heading above the table says region, year and date.
      const params = page.locator('.ant-card').filter({ has: page.getByTestId('report-year') });
      expect(await params.isVisible()).toBe(false);
      await visible(page.getByText(/宜昌市 · \d{4} · 截至/));
      await visible(annual.getByText('合计'));
      expect(await annual.locator('thead th').count()).toBe(columns);
      // Nothing of the table is cut off by a scrolling container on paper.
      const clipped = await annual.evaluate((t) =>
        [...t.querySelectorAll('.ant-table-content, .ant-table-body')].some((e) => e.scrollWidth > e.clientWidth + 1),
      );
      expect(clipped).toBe(false);
      await screenshot(page, 'reports-annual-print');
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const [, w, h] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf) ?? [];
      // A4 in points: 210 × 297 mm.
      expect(Math.round(Number(w))).toBe(595);
      expect(Math.round(Number(h))).toBe(842);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});

describe('on a 375-px phone, the report tables scroll sideways inside the page', () => {
  const browser = useBrowser({ phone: true });

  it('shows the annual statistics without widening the page', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/reports/annual');
    await visible(page.getByTestId('annual-table').getByText('合计'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reports-annual-phone');
    await page.goto('/reports/quarterly');
    await visible(page.getByTestId('quarterly-table').getByText('合计'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reports-quarterly-phone');
  });
});
