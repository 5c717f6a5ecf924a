import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ratePercent, rateTenths } from '../src/domain/stats/rate.ts';
import { DISTRICTS } from './ledger-data.ts';
import { choose, horizontalOverflow, ledgerTotal, login, logout, screenshot, useBrowser, visible } from './support.ts';

const district = DISTRICTS[0];
const num = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''));

// The chart screenshots, to be looked at (issue #11): the trend and the bars, desktop and phone.
const CHART_SHOTS = process.env.E2E_CHART_SHOTS ?? path.resolve('test-results/screenshots');

/** A screenshot of a chart, its tooltip closed. */
async function chartShot(page: Page, chart: Locator, name: string) {
  fs.mkdirSync(CHART_SHOTS, { recursive: true });
  await page.mouse.move(0, 0);
  // ECharts animates its first drawing for about a second.
  await page.waitForTimeout(1200);
  await chart.screenshot({ path: path.join(CHART_SHOTS, `${name}.png`) });
}

/** The child region the ranking shows first: the highest 组建率 by the domain's rounding, in the table's order on ties. */
async function topRegion(page: Page, region?: string) {
  const res = await page.request.get(`/api/dashboard${region ? `?region=${region}` : ''}`);
  const children = (await res.json()).children as {
    code: string;
    name: string;
    direct?: boolean;
    ledger: { orgCovered: number; inScope: number } | null;
  }[];
  const tenths = (c: (typeof children)[number]) =>
    c.ledger ? (rateTenths(c.ledger.orgCovered, c.ledger.inScope) ?? -1) : -1;
  return children.map((c, i) => ({ c, i })).sort((a, b) => tenths(b.c) - tenths(a.c) || a.i - b.i)[0]?.c;
}

/** The point of a chart `dx`, `dy` pixels from its top left corner (negative: from the right or bottom). */
/**
 * Types a date into the as-of picker and commits it with Enter. The figures of the step before
 * may still be re-rendering the page when the picker opens (CI once saw the typed date dropped),
 * so the typed text is checked before Enter, and the whole entry is tried again if the URL did
 * not take the date.
 */
async function typeDate(page: Page, input: Locator, date: string) {
  for (let attempt = 1; ; attempt++) {
    await input.click();
    await input.fill(date);
    await expect.poll(() => input.inputValue()).toBe(date);
    await input.press('Enter');
    try {
      await page.waitForURL(new RegExp(`date=${date}`), { timeout: 5_000 });
      return;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

async function at(chart: Locator, dx: number, dy: number) {
  const b = (await chart.boundingBox()) as { x: number; y: number; width: number; height: number };
  return { x: b.x + (dx < 0 ? b.width + dx : dx), y: b.y + (dy < 0 ? b.height + dy : dy), box: b };
}

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
    // Printed by the domain's rule (half up on the counts), as the reports and the CLI print it;
    // toFixed on the float printed 28.7 % for 23 of 80.
    expect(await rate.textContent()).toBe(ratePercent(covered, inScope));
    const api = await (await page.request.get('/api/stats/coverage')).json();
    expect(ratePercent(api.orgCovered, api.inScope)).toBe(await rate.textContent());
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

  it('draws the trend and the region ranking with ECharts: tooltips, legend toggles, save as image, a bar drills down', async () => {
    const { page } = browser();
    await page.setViewportSize({ width: 1366, height: 900 });
    const trend = page.getByTestId('trend');
    const bars = page.getByTestId('region-bars');
    await visible(trend.locator('canvas'));
    await visible(bars.locator('canvas'));

    // Hovering the trend shows the quarter's three rates.
    await trend.scrollIntoViewIfNeeded();
    const middle = await at(trend, 0, 0);
    const hover = () => page.mouse.move(middle.box.x + middle.box.width / 2, middle.box.y + middle.box.height / 2);
    const tip = trend.locator('.echart-tooltip');
    await hover();
    await expect.poll(() => tip.textContent()).toMatch(/\d{4}Q\d（\d{4}-\d\d-\d\d）组建率（党组织覆盖率）\s*\d+\.\d%/);
    expect(await tip.textContent()).toMatch(/单独组建率\s*\d+\.\d%.*党的工作覆盖率\s*\d+\.\d%/);
    // The legend's first entry hides the org rate's line, and a second click brings it back.
    const legend = await at(trend, 12, 8);
    await page.mouse.click(legend.x, legend.y);
    await hover();
    await expect.poll(() => tip.textContent()).not.toMatch(/组建率（党组织覆盖率）/);
    expect(await tip.textContent()).toMatch(/单独组建率/);
    await page.mouse.click(legend.x, legend.y);
    await hover();
    await expect.poll(() => tip.textContent()).toMatch(/组建率（党组织覆盖率）/);
    // The toolbox saves the chart as a PNG.
    // The toolbox saves the chart as a PNG. Its icon is an outline whose strokes take the
    // click: try points over it (top right, 14 px) until the download starts.
    const saved = page.waitForEvent('download');
    let started = false;
    void saved.then(() => {
      started = true;
    });
    for (let dy = 6; dy <= 20 && !started; dy += 2)
      for (let dx = 12; dx <= 28 && !started; dx += 2) {
        const p = await at(trend, -dx, dy);
        await page.mouse.click(p.x, p.y);
        await page.waitForTimeout(50);
      }
    const png = await saved;
    expect(png.suggestedFilename()).toMatch(/季度走势.*\.png$/);
    const bytes = fs.readFileSync((await png.path()) as string);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await chartShot(page, trend, 'chart-trend-desktop');

    // The ranking: the first bar is the region with the highest rate; hovering shows its
    // figures, a click opens its dashboard.
    const top = await topRegion(page);
    expect(top).toBeDefined();
    await bars.scrollIntoViewIfNeeded();
    const first = await at(bars, 0, 28 + 14);
    await page.mouse.move(first.box.x + first.box.width * 0.6, first.y);
    const barTip = bars.locator('.echart-tooltip');
    await expect.poll(() => barTip.textContent()).toContain(top?.name);
    expect(await barTip.textContent()).toContain(ratePercent(top?.ledger?.orgCovered ?? 0, top?.ledger?.inScope ?? 0));
    await chartShot(page, bars, 'chart-bars-desktop');
    await page.mouse.click(first.box.x + first.box.width * 0.6, first.y);
    await page.waitForURL(new RegExp(`/dashboard\\?region=${top?.code}`));
    await visible(page.getByRole('heading', { name: `${top?.name}概况` }));
    await page.goBack();
    await visible(page.getByRole('heading', { name: '宜昌市概况' }));
    await page.setViewportSize({ width: 1280, height: 800 });
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
    await choose(
      page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: '私营企业' }),
    );
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
    await typeDate(page, page.getByLabel('统计日期'), '2020-12-31');
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
    await visible(page.getByTestId('trend').locator('canvas'));
    await visible(page.getByTestId('region-bars').locator('canvas'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-coverage-phone');
    // A tap on the trend shows the quarter's rates inside the screen.
    const trend = page.getByTestId('trend');
    await trend.scrollIntoViewIfNeeded();
    const point = await at(trend, 0, 0);
    await page.touchscreen.tap(point.box.x + point.box.width / 2, point.box.y + point.box.height / 2);
    const tip = trend.locator('.echart-tooltip');
    await expect.poll(() => tip.textContent()).toMatch(/\d{4}Q\d.*组建率\s*\d+\.\d%/);
    const tipBox = await tip.boundingBox();
    expect((tipBox?.x ?? -1) >= 0 && (tipBox?.x ?? 0) + (tipBox?.width ?? 0) <= 375).toBe(true);
    await chartShot(page, trend, 'chart-trend-phone');
    await chartShot(page, page.getByTestId('region-bars'), 'chart-bars-phone');
    await page.getByTestId(`drill-${district.code}`).click();
    await visible(page.getByRole('heading', { name: `${district.name}概况` }));
    await screenshot(page, 'dashboard-drill-phone');
  });
});
