// 下派书记库 and 表彰与示范点 (issue #13 items 9–10), as 李四 of the city committee uses them,
// on the joint branch 09 set up, which has no secretary.
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, dialog, horizontalOverflow, login, menu, screenshot, useBrowser, visible } from './support.ts';

const jointName = '宜昌市区域联合党支部';
const NAME = '陈志远';
const TITLE = '建设小康先锋号先进党组织';

const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

/** An item of the page's segmented switch. */
const segment = (page: Page, text: string) =>
  page.locator('.ant-segmented-item').filter({ hasText: new RegExp(`^${text}$`) });

/** Searches the org picker labelled `label` in `scope` and chooses `name`. */
async function pickOrg(page: Page, scope: Locator, label: string, name: string): Promise<void> {
  // The last: the honour form's radio of whom it is for is labelled 党组织 too.
  const input = scope.getByLabel(label, { exact: true }).last();
  await input.click();
  await input.fill(name);
  await choose(option(page, name).first());
}

describe('李四 keeps the pool of secretaries to send', () => {
  const browser = useBrowser();

  it('enters 陈志远 from 西陵区商务局; the required fields say so when empty', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '下派书记库');
    await page.waitForURL('**/secretary-pool');
    await visible(page.getByTestId('pool-counts'));
    await page.getByRole('button', { name: '入库登记' }).click();
    const drawer = await dialog(page);
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(drawer.locator('.ant-form-item-explain-error'));
    await drawer.getByLabel('姓名').fill(NAME);
    await drawer.getByLabel('原单位').fill('西陵区商务局');
    await drawer.getByLabel('联系电话').fill('13912340001');
    await screenshot(page, 'pool-create');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/secretary-pool\/\d+$/);
    await visible(page.getByRole('heading', { name: NAME }));
    await visible(page.getByText('可下派'));
    await visible(page.getByText('139****0001'));
    await visible(page.getByText('尚未下派'));
  });

  it('cannot send him before he entered the pool (said under the field), then sends him to the joint branch', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: '下派到党组织' }).click();
    let drawer = await dialog(page);
    // The date first: Enter commits it and does not submit the form (which would say at once
    // that the org is missing).
    const start = drawer.getByLabel('下派日期');
    await start.click();
    const dayBefore = dayjs().subtract(1, 'day').format('YYYY-MM-DD');
    await start.fill(dayBefore);
    await start.press('Enter');
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
    await expect.poll(() => start.inputValue()).toBe(dayBefore);
    expect(await drawer.locator('.ant-form-item-explain-error').count()).toBe(0);
    await pickOrg(page, drawer, '党组织', jointName);
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(drawer.getByText(/早于入库日期/));
    await drawer.getByRole('button', { name: '取消' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '下派到党组织' }).click();
    drawer = await dialog(page);
    await pickOrg(page, drawer, '党组织', jointName);
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const dispatches = page.getByTestId('pool-dispatches');
    await visible(dispatches.locator('.ant-table-row').filter({ hasText: jointName }).getByText('在任'));
    await visible(page.getByText('已下派'));
    await screenshot(page, 'pool-secretary');

    // The org's page shows him as its dispatched secretary, and as its secretary.
    await dispatches.getByRole('link', { name: jointName }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    await visible(page.getByTestId('org-dispatched').getByText(NAME));
    await visible(page.getByTestId('org-dispatched').getByText('来自 西陵区商务局（党政机关）'));
    await visible(page.getByTestId('officers-card').getByText(NAME));
  });

  it('the list shows where he serves, and the counts move', async () => {
    const { page } = browser();
    await page.goto('/secretary-pool?status=sent');
    await visible(page.getByRole('row').filter({ hasText: NAME }).getByRole('link', { name: jointName }));
    const counts = page.getByTestId('pool-counts');
    await visible(counts.locator('.ant-table-row').filter({ hasText: '合计' }));
    const total = counts.locator('.ant-table-row').filter({ hasText: '合计' }).locator('td');
    await expect.poll(async () => (await total.nth(3).textContent())?.trim()).toBe('1');
  });
});

describe('李四 records honours and demonstration sites', () => {
  const browser = useBrowser();

  it('honours the joint branch; the list, the counts and the org’s page show it', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '表彰与示范点');
    await page.waitForURL('**/honours');
    await visible(page.getByText('没有符合条件的表彰'));
    await page.getByRole('button', { name: '登记表彰' }).click();
    const drawer = await dialog(page);
    await pickOrg(page, drawer, '党组织', jointName);
    await drawer.getByLabel('荣誉称号').fill(TITLE);
    await drawer.getByLabel('授予机关').fill('省非公企业党工委');
    await drawer.getByLabel('级别').click();
    await choose(option(page, /^省级$/));
    await screenshot(page, 'honours-create');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(page.getByRole('row').filter({ hasText: TITLE }).getByRole('link', { name: jointName }));

    await page.getByRole('button', { name: '登记示范点' }).click();
    const site = await dialog(page);
    await pickOrg(page, site, '党组织', jointName);
    await site.getByLabel('示范点名称').fill('“创五有、促发展”示范点');
    await site.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await segment(page, '统计').click();
    const counts = page.getByTestId('honour-counts');
    const total = counts.locator('.ant-table-row').filter({ hasText: '合计' }).locator('td');
    await expect.poll(async () => (await total.nth(1).textContent())?.trim()).toBe('1');
    await expect.poll(async () => (await total.nth(3).textContent())?.trim()).toBe('1');
    await screenshot(page, 'honours-counts');

    await segment(page, '表彰').click();
    await page.getByRole('row').filter({ hasText: TITLE }).getByRole('link', { name: jointName }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    const card = page.getByTestId('org-honours');
    await visible(card.getByText(TITLE));
    await visible(card.getByText('“创五有、促发展”示范点'));
  });
});

describe('下派书记库 and 表彰 on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the lists show cards and fit the screen', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/secretary-pool');
    await visible(page.getByTestId('pool-card').filter({ hasText: NAME }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'pool-list-phone');
    await page.goto('/honours');
    await visible(page.getByTestId('honour-card').filter({ hasText: TITLE }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'honours-list-phone');
  });
});
