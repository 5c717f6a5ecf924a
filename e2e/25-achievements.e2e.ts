// What organizations achieve (作用发挥, issue #15 item 5): the secretary of the joint branch
// 09 set up records, on a 375×812 phone, a proposal and a social contribution from the drawer
// on the org's page and sees them there; 李四 of the city committee (06) sees them on a
// desktop, on the org's page and on the enterprise's.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  assignRole,
  choose,
  createUser,
  dialog,
  firstLogin,
  horizontalOverflow,
  login,
  logout,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const ORG = '宜昌市区域联合党支部';
const SECRETARY = { username: 'zhouzy', displayName: '周作用', password: 'Zhou-ZuoYong#2026' };
const PROPOSAL = '改进仓储动线，减少叉车往返';
const CONTRIBUTION = '资助驻地小学困难学生';

/** A radio button of the drawer by its exact label. */
const radio = (scope: Locator, text: string) =>
  scope.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${text}$`) });

/** Opens the joint branch's page from the org list. */
async function openOrg(page: Page): Promise<void> {
  await page.goto('/orgs');
  await page.getByRole('link', { name: ORG }).first().click();
  await page.waitForURL(/\/orgs\/\d+$/);
  await visible(page.getByTestId('org-achievements'));
}

describe('the secretary records achievements on a 375×812 phone', () => {
  const admins = useBrowser();
  const browser = useBrowser({ phone: true });

  it('the administrators make the account, tied to the joint branch, with the secretary role', async () => {
    const { page } = admins();
    await login(page, 'admin');
    await page.waitForURL('**/users');
    await createUser(page, { ...SECRETARY, region: ['全国', '湖北省', '宜昌市'] });
    await page.getByRole('row').filter({ hasText: SECRETARY.username }).getByRole('button', { name: '编辑' }).click();
    const form = await dialog(page);
    const org = form.getByLabel('所在党组织（党组织书记账户）');
    await org.click();
    await org.fill('区域联合');
    await choose(
      page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: ORG })
        .first(),
    );
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await logout(page);
    await login(page, 'secadmin');
    await page.waitForURL('**/users');
    await assignRole(page, SECRETARY.username, '党组织书记');
    await logout(page);
  });

  it('adds a 金点子 by a worker, adopted with its benefit, and a 助学 contribution; both show on the org page', async () => {
    const { page } = browser();
    await firstLogin(page, SECRETARY.username, SECRETARY.password, { totp: true });
    await openOrg(page);
    const card = page.getByTestId('org-achievements');
    await visible(card.getByText('尚未登记作用发挥'));

    await card.getByRole('button', { name: '登记' }).click();
    let drawer = await dialog(page);
    // 建言献策 is the kind a new record starts with; its forms follow it.
    await radio(drawer, '金点子').click();
    await drawer.getByLabel('内容').fill(PROPOSAL);
    await drawer.getByLabel('非党员提出人').fill('仓储班长王五');
    await drawer.getByLabel('已被采纳').click();
    await drawer.getByLabel('经济效益（万元）').fill('3.5');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'achievements-proposal-phone');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(card.getByText(PROPOSAL));

    await card.getByRole('button', { name: '登记' }).click();
    drawer = await dialog(page);
    await radio(drawer, '社会贡献').click();
    await radio(drawer, '助学').click();
    await drawer.getByLabel('内容').fill(CONTRIBUTION);
    // Saved without the amount: the form says it is needed, under the field.
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(
      drawer.locator('.ant-form-item').filter({ hasText: '金额（万元）' }).locator('.ant-form-item-explain-error'),
    );
    await drawer.getByLabel('金额（万元）').fill('1.2');
    await screenshot(page, 'achievements-contribution-phone');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    const items = card.getByTestId('achievement-item');
    await expect.poll(() => items.count()).toBe(2);
    await visible(items.filter({ hasText: CONTRIBUTION }).getByText('1.2 万元'));
    const proposal = items.filter({ hasText: PROPOSAL });
    await visible(proposal.getByText('已采纳'));
    await visible(proposal.getByText(/提出人：仓储班长王五/));
    await visible(proposal.getByText(/效益 3.5 万元/));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'achievements-org-phone');
  });
});

describe('the committee sees them on a desktop', () => {
  const browser = useBrowser();

  it('李四 sees both on the org page and on the enterprise page', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await openOrg(page);
    const card = page.getByTestId('org-achievements');
    await visible(card.getByText(PROPOSAL));
    await visible(card.getByText(CONTRIBUTION));
    await screenshot(page, 'achievements-org-desktop');

    const enterprise = await card
      .getByTestId('achievement-item')
      .filter({ hasText: PROPOSAL })
      .locator('.ant-typography-secondary')
      .first()
      .textContent();
    const name = (enterprise ?? '').split(' · ')[1];
    expect(name).toBeTruthy();
    await page.getByRole('link', { name }).first().click();
    await page.waitForURL(/\/ledger\/\d+$/);
    const onEnterprise = page.getByTestId('enterprise-achievements');
    await visible(onEnterprise.getByText(PROPOSAL));
    await visible(onEnterprise.getByText(CONTRIBUTION));
    await visible(onEnterprise.getByText(new RegExp(ORG)));
    await screenshot(page, 'achievements-enterprise-desktop');
  });
});
