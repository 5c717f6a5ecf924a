// Appraisals and open activities (issue #15 items 4 and 6), on the joint branch 09 set up and
// 10 gave members: 李四 of the city committee appraises it as 软弱涣散 with a rectification
// plan on a desktop and finds its county on the lagging list; the branch's secretary, given an
// account here, records an open activity on a 375×812 phone, ticking who came from the roster.
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
  menu,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const ORG = '宜昌市区域联合党支部';
const SECRETARY = { username: 'wusj', displayName: '吴书记', password: 'Wu-ShuJi#2026' };
let orgPath = '';

describe('李四 appraises the joint branch as weak, with a rectification plan (desktop)', () => {
  const browser = useBrowser();

  it('records the appraisal with its steps; the deadline defaults to one year', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto(`/orgs?q=${encodeURIComponent(ORG)}`);
    await page.getByRole('link', { name: ORG }).first().click();
    await page.waitForURL(/\/orgs\/\d+$/);
    orgPath = new URL(page.url()).pathname;
    const card = page.getByTestId('org-appraisals');
    await visible(card.getByText('尚无评定'));
    await card.getByTestId('org-appraisal-add').click();
    const drawer = await dialog(page);
    await drawer.getByLabel('软弱涣散').click();
    await drawer.getByLabel('整顿措施').fill('调整充实支部班子\n每月召开支委会\n书记参加区委组织部培训');
    await drawer.getByLabel('评定机关').fill('宜昌市非公企业党工委');
    await screenshot(page, 'appraisal-weak-desktop');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(card.getByText('软弱涣散'));
    await visible(card.getByText(/^整顿中，期限 \d{4}-\d{2}-\d{2}$/));
    await visible(card.getByText('书记参加区委组织部培训'));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'appraisal-org-page-desktop');
  });

  it('its county is on the lagging list for it until the rectification is closed', async () => {
    const { page } = browser();
    await page.goto('/reports/lagging');
    await visible(page.getByTestId('lagging-regions'));
    await visible(page.getByTestId('lagging-regions').getByText('软弱涣散整顿未销号'));
    await screenshot(page, 'appraisal-lagging-desktop');
    await logout(page);
  });
});

describe('the branch secretary records an open activity on a 375×812 phone', () => {
  const admins = useBrowser();
  const browser = useBrowser({ phone: true });

  it('the administrators make the account, tied to the branch, with the secretary role', async () => {
    const { page } = admins();
    await login(page, 'admin');
    await page.waitForURL('**/users');
    await createUser(page, {
      username: SECRETARY.username,
      displayName: SECRETARY.displayName,
      region: ['全国', '湖北省', '宜昌市'],
    });
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

  it('ticks the members who came, counts the others, saves; the org page lists it', async () => {
    const { page } = browser();
    await firstLogin(page, SECRETARY.username, SECRETARY.password, { totp: true });
    await page.waitForURL('**/home');
    await page.goto(orgPath);
    const card = page.getByTestId('org-engagement');
    await visible(card);
    await card.getByTestId('open-activity-add').click();
    const drawer = await dialog(page);
    await drawer.getByLabel('活动主题').fill('党群共建志愿服务进社区');
    await drawer.getByLabel('活动地点').fill('西陵区学院街社区');
    const members = drawer.locator('.ant-checkbox-wrapper');
    await visible(members);
    const ticked = Math.min(await members.count(), 2);
    for (let i = 0; i < ticked; i++) await members.nth(i).click();
    await drawer.getByLabel('参加的群众人数').fill('18');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'open-activity-phone');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(card.getByText('党群共建志愿服务进社区'));
    await visible(card.getByText(`党员 ${ticked} 人 · 群众 18 人`, { exact: false }));
    // The weak grade is shown to the branch too, and it cannot appraise itself.
    await visible(page.getByTestId('org-appraisals').getByText('软弱涣散'));
    expect(await page.getByTestId('org-appraisal-add').count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'open-activity-org-page-phone');
  });
});

describe('李四 sets the appraisal rules of 宜昌市', () => {
  const browser = useBrowser();

  it('gives a weak org 6 months; the value is kept, and the default comes back', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '评定规则');
    await page.waitForURL('**/settings/appraisal-rules');
    const months = page.getByLabel('软弱涣散党组织整顿期限');
    await visible(months);
    expect(await months.inputValue()).toBe('12');
    expect(await page.getByLabel('不合格党员组织处置期限').inputValue()).toBe('3');
    await months.fill('6');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('评定规则已保存'));
    await page.reload();
    await expect.poll(() => page.getByLabel('软弱涣散党组织整顿期限').inputValue()).toBe('6');
    await screenshot(page, 'settings-appraisal-rules-desktop');
    await page.getByLabel('软弱涣散党组织整顿期限').fill('12');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('评定规则已保存'));
  });
});
