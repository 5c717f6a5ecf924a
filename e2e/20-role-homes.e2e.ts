// Each role's working day from its own home page, and a menu every entry of which can be
// reached. Uses the accounts earlier files made: 李四 (committee) and 王五 (leader) of 06,
// 赵工信 (instructor) of 13, and the joint branch of 09/10, whose secretary gets an account
// here. Every walk ends with no denied request in the audit trail, read by the auditor.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  assignRole,
  auditorForFile,
  choose,
  createUser,
  dialog,
  firstLogin,
  horizontalOverflow,
  login,
  logout,
  menu,
  menuItem,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const ORG = '宜昌市区域联合党支部';
const SECRETARY = { username: 'zhousj', displayName: '周书记', password: 'Zhou-ShuJi#2026' };

// The auditor's session, open for the whole file: it counts each walker's denied requests.
const auditor = auditorForFile();
const { deniedRows } = auditor;

/**
 * Every entry of the open menu (`scope`: the sider or the drawer), with all its groups open:
 * scrolled into view if need be, then the element at its centre is the entry itself (not the
 * collapse button, not the window's edge) and a click would land. Returns their names.
 */
async function everyEntryReachable(page: Page, scope: Locator): Promise<string[]> {
  await menuItem(page, '我的账户');
  const entries = scope.locator('li[role="menuitem"]');
  const names: string[] = [];
  for (const entry of await entries.all()) {
    await entry.scrollIntoViewIfNeeded();
    await entry.click({ trial: true });
    const onTop = await entry.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return y > 0 && y < window.innerHeight && hit !== null && el.contains(hit);
    });
    const name = ((await entry.textContent()) ?? '').trim();
    expect(onTop, `menu entry ${name}`).toBe(true);
    names.push(name);
  }
  return names;
}

describe('the committee (李四, desktop): the region dashboard, the prompts and the ledger', () => {
  const browser = useBrowser();
  let before = 0;

  it('lands on the dashboard, grouped menu, every entry reachable at 1280×800 and 1440×900', async () => {
    const { page } = browser();
    before = await deniedRows('lisi');
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    await visible(page.getByRole('heading', { name: '宜昌市概况' }));
    // The groups, folded but the one of the page shown.
    for (const group of ['台账管理', '组织建设', '党员管理', '指导员', '统计报表']) {
      await visible(page.locator('.ant-menu-submenu-title').filter({ hasText: group }));
    }
    expect(await page.locator('.ant-menu-submenu-title').filter({ hasText: '系统管理' }).count()).toBe(0);
    await screenshot(page, 'home-committee-desktop');
    const sider = page.locator('.dj-sider');
    const names = await everyEntryReachable(page, sider);
    expect(names).toContain('企业台账');
    expect(names).toContain('调查快照');
    expect(names).not.toContain('API 文档');
    await screenshot(page, 'menu-committee-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await everyEntryReachable(page, sider)).toEqual(names);
    await sider.locator('.ant-layout-sider-children').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await screenshot(page, 'menu-committee-1440');
  });

  it('works through the prompts and the ledger, with no denied request', async () => {
    const { page } = browser();
    await menu(page, '工作提示');
    await page.waitForURL('**/prompts');
    await visible(page.getByRole('heading', { name: '工作提示' }));
    await menu(page, '企业台账');
    await page.waitForURL('**/ledger');
    await visible(page.getByTestId('ledger-total'));
    await menu(page, '首页');
    await page.waitForURL('**/dashboard');
    await visible(page.getByText('进展滞后').first());
    await logout(page);
    expect(await deniedRows('lisi')).toBe(before);
  });
});

describe('the committee’s menu on a 375×812 phone', () => {
  const browser = useBrowser({ phone: true });

  it('every entry of the drawer can be reached and clicked', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.locator('.ant-drawer-body');
    await visible(drawer);
    const names = await everyEntryReachable(page, drawer);
    expect(names.length).toBeGreaterThan(20);
    await screenshot(page, 'menu-committee-phone');
    await menu(page, '统计报表');
    await page.waitForURL('**/reports');
    await logout(page);
  });
});

describe('the leader (王五) on a 375×812 phone: the dashboard and a report', () => {
  const browser = useBrowser({ phone: true });

  it('lands on the dashboard and opens the reports from the menu, with no denied request', async () => {
    const { page } = browser();
    const before = await deniedRows('wangwu');
    await login(page, 'wangwu');
    await page.waitForURL('**/dashboard');
    await visible(page.getByRole('heading', { name: '宜昌市概况' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-leader-phone');
    await page.getByRole('button', { name: '打开菜单' }).click();
    const names = await everyEntryReachable(page, page.locator('.ant-drawer-body'));
    // Read-only: no import, no settings, no administration.
    expect(names).toContain('企业台账');
    expect(names).not.toContain('台账导入');
    expect(names).not.toContain('用户管理');
    await menu(page, '统计报表');
    await page.waitForURL('**/reports');
    await visible(page.getByRole('heading', { name: '统计报表' }));
    await logout(page);
    expect(await deniedRows('wangwu')).toBe(before);
  });
});

describe('the instructor (赵工信) on a 375×812 phone: my enterprises, one tap to record a contact', () => {
  const browser = useBrowser({ phone: true });

  it('lands on 我的企业 and records this week’s contact from it, with no denied request', async () => {
    const { page } = browser();
    const before = await deniedRows('zhaogx');
    await login(page, 'zhaogx');
    await page.waitForURL('**/home');
    await visible(page.getByRole('heading', { name: '我的企业' }));
    await visible(page.getByTestId('home-summary'));
    const card = page.getByTestId('assignment-card').first();
    await visible(card.getByTestId('this-week'));
    await visible(card.getByTestId('missed-count'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-instructor-phone');

    await card.getByRole('button', { name: '记录联系' }).click();
    await page.waitForURL(/\/casework\/contact\?assignment=\d+/);
    await page.getByText('电话', { exact: true }).click();
    await page.getByLabel('联系对象').fill('李会计（财务负责人）');
    await page.getByLabel('情况记录').fill('了解党员职工流动情况');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/casework\/assignments\/\d+$/);
    await visible(page.getByTestId('contact-item').filter({ hasText: '李会计（财务负责人）' }));

    await page.getByRole('button', { name: '打开菜单' }).click();
    const names = await everyEntryReachable(page, page.locator('.ant-drawer-body'));
    expect(names).toContain('我的企业');
    expect(names).not.toContain('首页');
    expect(names).not.toContain('工作提示');
    await menu(page, '我的企业');
    await page.waitForURL('**/home');
    await visible(
      page.getByTestId('assignment-card').first().getByTestId('this-week').filter({ hasText: '本周已联系' }),
    );
    await logout(page);
    expect(await deniedRows('zhaogx')).toBe(before);
  });
});

describe('the branch secretary (周书记) of the joint branch on a 375×812 phone', () => {
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

  it('lands on 本支部: the due items, the members and the enterprises; opens the roster and the development board', async () => {
    const { page } = browser();
    // A secretary may reveal members' ID numbers: a second factor from the first login.
    await firstLogin(page, SECRETARY.username, SECRETARY.password, { totp: true });
    await page.waitForURL('**/home');
    await visible(page.getByRole('heading', { name: `本支部 · ${ORG}` }));
    await visible(page.getByTestId('home-due'));
    await visible(page.getByTestId('org-members-card'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-secretary-phone');

    await page.getByTestId('org-roster-link').click();
    await page.waitForURL(/\/members\?orgId=\d+/);
    await visible(page.getByText('李建华').first());
    await page.goBack();
    await page.waitForURL('**/home');
    await page.getByTestId('org-development-link').click();
    await page.waitForURL(/\/developments\/orgs\/\d+/);
    await visible(page.getByText('王小明').first());

    await page.getByRole('button', { name: '打开菜单' }).click();
    const names = await everyEntryReachable(page, page.locator('.ant-drawer-body'));
    expect(names).toContain('本支部');
    expect(names).not.toContain('首页');
    expect(names).not.toContain('API 文档');
    await menu(page, '本支部');
    await page.waitForURL('**/home');
    await logout(page);
    expect(await deniedRows(SECRETARY.username)).toBe(0);
  });
});

describe('the auditor', () => {
  it('has the API documentation in the menu, under 系统管理', async () => {
    await auditor.page().goto('/audit');
    await visible(await menuItem(auditor.page(), 'API 文档'));
  });
});
