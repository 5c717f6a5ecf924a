import { describe, expect, it } from 'vitest';
import { DISTRICTS } from './ledger-data.ts';
import { horizontalOverflow, ledgerTotal, login, logout, screenshot, useBrowser, visible } from './support.ts';

const district = DISTRICTS[0];
const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

describe('李四 reads the coverage dashboard, drills down and clicks through', () => {
  const browser = useBrowser();

  it('reads the headline rates with numerator and denominator, each a link to its list', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    const rate = page.getByTestId('rate-org-rate');
    await visible(rate);
    expect(await rate.textContent()).toMatch(/^(\d+\.\d%|—)$/);
    const covered = num(await page.getByTestId('rate-org-num').textContent());
    const inScope = num(await page.getByTestId('rate-org-den').textContent());
    expect(inScope).toBeGreaterThan(0);
    expect(await rate.textContent()).toBe(`${((covered / inScope) * 100).toFixed(1)}%`);
    await visible(page.getByTestId('trend'));
    await page.mouse.move(0, 0);
    await screenshot(page, 'dashboard-coverage-desktop');

    // The numerator opens the ledger list of exactly the covered enterprises.
    await page.getByTestId('rate-org-num').click();
    await page.waitForURL(/\/ledger\?.*coverage=org/);
    await expect.poll(() => ledgerTotal(page)).toBe(covered);
    await page.goBack();
    await page.getByTestId('rate-work-den').click();
    await page.waitForURL(/\/ledger\?.*status=in_scope/);
    await expect.poll(() => ledgerTotal(page)).toBe(inScope);
    await page.goBack();
    await page.waitForURL('**/dashboard');
  });

  it('drills down into a district and back up by the breadcrumb; the district’s figures open its list', async () => {
    const { page } = browser();
    await page.getByTestId(`drill-${district.code}`).click();
    await page.waitForURL(new RegExp(`/dashboard\\?region=${district.code}`));
    await visible(page.getByRole('heading', { name: `${district.name}概况` }));
    const n = num(await page.getByTestId('rate-org-den').textContent());
    await page.getByTestId('fig-no_member').click();
    await page.waitForURL(new RegExp(`region=${district.code}.*category=no_member`));
    const listed = await ledgerTotal(page);
    await page.goBack();
    expect(num(await page.getByTestId('fig-no_member').textContent())).toBe(listed);
    await page.getByTestId('rate-org-den').click();
    await expect.poll(() => ledgerTotal(page)).toBe(n);
    await page.goBack();
    await page.getByTestId('crumb-420500').click();
    await visible(page.getByRole('heading', { name: '宜昌市概况' }));
  });

  it('switches to the survey scope: smaller figures, and lists narrowed alike', async () => {
    const { page } = browser();
    const all = num(await page.getByTestId('rate-org-den').textContent());
    await page.getByTestId('scope-survey').click();
    await page.waitForURL(/scope=survey/);
    await expect.poll(async () => num(await page.getByTestId('rate-org-den').textContent())).toBeLessThan(all);
    const survey = num(await page.getByTestId('rate-org-den').textContent());
    await page.getByTestId('rate-org-den').click();
    await page.waitForURL(/scope=survey/);
    await expect.poll(() => ledgerTotal(page)).toBe(survey);
    await page.goBack();
    await page.getByTestId('scope-all').click();
    await page.waitForURL(/scope=all/);
  });

  it('narrows to private enterprises: smaller figures, and the list it opens keeps the filter', async () => {
    const { page } = browser();
    // The figure of the whole ledger, once the page has recounted it after the scope switch.
    const whole = await page.request.get('/api/stats/coverage?scope=all');
    const all = (await whole.json()).inScope as number;
    await expect.poll(async () => num(await page.getByTestId('rate-org-den').textContent())).toBe(all);
    await page.getByLabel('市场主体类型').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: '私营企业' })
      .click();
    await page.waitForURL(/kind=private/);
    await expect.poll(async () => num(await page.getByTestId('rate-org-den').textContent())).toBeLessThan(all);
    const narrowed = num(await page.getByTestId('rate-org-den').textContent());
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await screenshot(page, 'dashboard-segment-desktop');
    await page.getByTestId('rate-org-den').click();
    await page.waitForURL(/\/ledger\?.*kind=private/);
    await expect.poll(() => ledgerTotal(page)).toBe(narrowed);
    await page.goBack();
    await page.getByTestId('segment-bar').getByRole('button', { name: '重置' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('kind')).toBe(false);
    await expect.poll(async () => num(await page.getByTestId('rate-org-den').textContent())).toBe(all);
  });

  it('picks a past date: the figures are recounted and open the as-of list of the same size', async () => {
    const { page } = browser();
    const input = page.getByLabel('统计日期');
    await input.click();
    await input.fill('2020-12-31');
    await input.press('Enter');
    await page.waitForURL(/date=2020-12-31/);
    await visible(page.getByTestId('rate-org-rate'));
    // The figures are recounted for the date: wait until they link to the as-of list.
    await expect
      .poll(() => page.getByTestId('rate-org-den').getAttribute('href'))
      .toMatch(/\/stats\/enterprises\?.*date=2020-12-31/);
    await page.getByTestId('rate-org-den').click();
    await page.waitForURL(/\/stats\/enterprises\?.*date=2020-12-31/);
    // The list's total is the figure of the same region, date and scope.
    const q = new URL(page.url()).searchParams;
    const figure = await page.request.get(
      `/api/stats/coverage?region=${q.get('region')}&date=${q.get('date')}&scope=${q.get('scope')}`,
    );
    const n = (await figure.json()).inScope as number;
    expect(n).toBeGreaterThan(0);
    await expect.poll(async () => num(await page.getByTestId('asof-total').textContent())).toBe(n);
    await screenshot(page, 'dashboard-asof-list-desktop');
    await logout(page);
  });
});

describe('on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the dashboard fits the screen, the bars scroll inside their card', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    await visible(page.getByTestId('rate-org-rate'));
    await visible(page.getByTestId('trend'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-coverage-phone');
    await page.getByTestId(`drill-${district.code}`).click();
    await visible(page.getByRole('heading', { name: `${district.name}概况` }));
    await screenshot(page, 'dashboard-drill-phone');
  });
});
