import { describe, expect, it } from 'vitest';
import {
  dialog,
  horizontalOverflow,
  login,
  logout,
  menu,
  menuItem,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

describe('on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the login page fits the screen', async () => {
    const { page } = browser();
    await page.goto('/login');
    await visible(page.getByRole('button', { name: '登录' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'login-phone');
  });

  it('the dashboard fits, and the menu opens in a drawer', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await page.waitForURL('**/users');
    await page.goto('/dashboard');
    await visible(page.getByRole('heading', { name: '全国概况' }));
    await visible(page.getByRole('cell', { name: '北京市' }));
    // No side menu on a phone: only the menu button.
    expect(await (await menuItem(page, '用户管理')).count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'dashboard-phone');

    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '用户管理');
    await page.waitForURL('**/users');
    await visible(page.getByRole('cell', { name: 'zhangsan' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'users-phone');

    // Row actions sit behind a "more" button that stays at the right edge.
    await page.getByRole('row').filter({ hasText: 'zhangsan' }).getByRole('button', { name: '操作' }).click();
    await visible(page.getByRole('menuitem', { name: '申请重置密码' }));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '新建用户' }).click();
    const form = await dialog(page);
    await visible(form.getByLabel('所属区划'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'users-create-phone');
    await form.getByRole('button', { name: '取消' }).click();
    await logout(page);
  });

  it('the audit log fits, its table scrolling sideways', async () => {
    const { page } = browser();
    await login(page, 'auditor');
    await page.waitForURL('**/audit');
    await visible(page.getByRole('row').filter({ hasText: '登录' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'audit-phone');
  });
});
