// Lost-contact members (issue #17 item 4): the branch secretary 周书记 (of 20), on a 375×812
// phone, opens a member of the branch silent for 6 months or more, records them as lost contact
// (失联情形 居住地改变) and a search effort, and sees both on the member page; the committee
// 李四 reads 年报 table 43 for the year on a desktop and finds the member counted. Needs 01–03,
// 06, 09, 10, 12, 13 and 20 (the joint branch, its member and its secretary).
import { describe, expect, it } from 'vitest';
import {
  BASE_URL,
  choose,
  dialog,
  horizontalOverflow,
  login,
  logout,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const YEAR = new Date().getFullYear();
let before = 0;

describe('the branch secretary records a lost-contact member on a 375×812 phone', () => {
  const browser = useBrowser({ phone: true });

  it('登记失联 with the 失联情形, then 查找记录; both show on the member page', async () => {
    const { page } = browser();
    await login(page, 'zhousj');
    await page.waitForURL('**/home');
    await page.goto(`${BASE_URL}/members/lost-contacts`);
    await visible(page.getByTestId('lost-list'));
    before = await page.getByTestId('lost-list').locator('tbody tr.ant-table-row').count();
    await page.goto(`${BASE_URL}/members`);
    const links = page.locator('a[href^="/members/"]').filter({ hasNotText: '转接' });
    await visible(links);
    const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).filter((h) =>
      /^\/members\/\d+$/.test(h ?? ''),
    );
    let found = false;
    for (const href of hrefs) {
      await page.goto(`${BASE_URL}${href}`);
      await visible(page.getByTestId('lost-last-activity'));
      if ((await page.getByTestId('lost-record').count()) > 0) {
        found = true;
        break;
      }
    }
    expect(found, 'a member of the branch silent for 6 months').toBe(true);
    const card = page.getByTestId('member-lost-contact');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'lost-contact-member-phone');

    await page.getByTestId('lost-record').click();
    let modal = await dialog(page);
    await modal.getByLabel('失联情形').click();
    await choose(page.locator('.ant-select-item-option').filter({ hasText: '居住地改变' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'lost-contact-record-phone');
    await modal.getByRole('button', { name: '保存' }).click();
    await visible(card.getByTestId('lost-open'));
    await visible(card.getByText('居住地改变'));

    await page.getByTestId('lost-search').click();
    modal = await dialog(page);
    await modal.getByLabel('查找人').fill('周书记');
    await modal.getByLabel('查找方式').click();
    await choose(page.locator('.ant-select-item-option').filter({ hasText: '联系亲属' }));
    await modal.getByLabel('查找结果').fill('联系其父母，称已搬家，未留新地址');
    await modal.getByRole('button', { name: '保存' }).click();
    await visible(card.getByTestId('lost-searches').getByText('联系其父母，称已搬家，未留新地址'));
    await card.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'lost-contact-searched-phone');

    await page.goto(`${BASE_URL}/members/lost-contacts`);
    await expect.poll(() => page.getByTestId('lost-list').locator('tbody tr.ant-table-row').count()).toBe(before + 1);
    await screenshot(page, 'lost-contact-list-phone');
    await logout(page);
  });
});

describe('the committee reads 年报 table 43', () => {
  const browser = useBrowser();

  it('finds the lost-contact members counted in 总数, by region', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto(`${BASE_URL}/reports/nb43?year=${YEAR}`);
    const table = page.getByTestId('nb-table');
    await visible(table.getByText('失去联系具体情形'));
    await visible(table.getByText('居住地改变'));
    await expect.poll(async () => Number(await page.getByTestId('nb-cell-A1').textContent())).toBeGreaterThan(before);
    expect(Number(await page.getByTestId('nb-cell-Z1').textContent())).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'nb43-city');
  });
});
