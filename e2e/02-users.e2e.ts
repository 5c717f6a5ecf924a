import { describe, expect, it } from 'vitest';
import {
  changeInitialPassword,
  dialog,
  firstLogin,
  leave,
  login,
  menu,
  menuItem,
  nextTotp,
  saveAccount,
  screenshot,
  submitLogin,
  useBrowser,
  visible,
} from './support.ts';

describe('an account from creation to first use', () => {
  const browser = useBrowser();

  it('the system administrator creates 张三 in 北京市 and reads the one-time password once', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await menu(page, '用户管理');
    await page.waitForURL('**/users');
    await visible(page.getByRole('cell', { name: 'secadmin' }));

    await page.getByRole('button', { name: '新建用户' }).click();
    const form = await dialog(page);
    await form.getByLabel('用户名').fill('zhangsan');
    await form.getByLabel('姓名').fill('张三');
    // The region tree starts at the administrator's own region and loads a level when opened.
    await form.getByLabel('所属区划').click();
    await page
      .locator('.ant-select-tree-treenode')
      .filter({ hasText: '全国' })
      .locator('.ant-select-tree-switcher')
      .click();
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '北京市' }).click();
    await form.getByRole('button', { name: '保存' }).click();

    const shown = page.getByTestId('one-time-password');
    await visible(shown);
    const oneTimePassword = ((await shown.textContent()) ?? '').trim();
    expect(oneTimePassword).toMatch(/^\S{16}$/);
    await visible(page.getByText('此密码只显示这一次'));
    saveAccount('zhangsan', { password: oneTimePassword });
    await page.getByRole('button', { name: '我已记下' }).click();

    const row = page.getByRole('row').filter({ hasText: 'zhangsan' });
    await visible(row.getByText('北京市'));
    await visible(row.getByText('待修改初始密码'));
    await screenshot(page, 'users-desktop');

    // Editing shows the region it has, though the tree below 全国 was never opened here.
    await page.reload();
    await row.getByRole('button', { name: '编辑' }).click();
    const edit = await dialog(page);
    await visible(edit.getByText('北京市', { exact: true }));
    await edit.getByRole('button', { name: '取消' }).click();
    await leave(page);
  });

  it('the security administrator, at first login, assigns 张三 the committee role', async () => {
    const { page } = browser();
    await firstLogin(page, 'secadmin', 'Anquan-Guanli#2025', { totp: true });
    await page.waitForURL('**/users');
    await menu(page, '用户管理');
    const row = page.getByRole('row').filter({ hasText: 'zhangsan' });
    // Not theirs to do: creating users and resetting passwords.
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: '申请重置密码' }).count()).toBe(0);

    await row.getByRole('button', { name: '分配角色' }).click();
    const roles = await dialog(page);
    await roles.getByRole('checkbox', { name: '党工委工作人员' }).check();
    await roles.getByRole('button', { name: '保存' }).click();
    await visible(row.getByText('党工委工作人员'));

    await menu(page, '安全策略');
    const threshold = page.getByLabel('连续登录失败锁定次数');
    await visible(threshold);
    expect(await threshold.inputValue()).toBe('5');
    await threshold.fill('6');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('安全策略已保存'));
    await leave(page);
  });

  it('张三 logs in with the one-time password, replaces it, binds an authenticator and sees 北京市', async () => {
    const { page } = browser();
    // A committee member may see full ID numbers: a second factor is required at first login.
    await firstLogin(page, 'zhangsan', 'Zhang-San#Beijing9', { totp: true });
    await page.waitForURL('**/dashboard');
    await visible(page.getByRole('heading', { name: '北京市概况' }));
    // A committee member's menu: no user management, no audit log.
    await visible(await menuItem(page, '首页'));
    expect(await (await menuItem(page, '用户管理')).count()).toBe(0);
    expect(await (await menuItem(page, '审计日志')).count()).toBe(0);
    await page.goto('/users');
    await visible(page.getByText('无权访问'));

    await menu(page, '我的账户');
    await visible(page.getByText('您的账户已启用动态验证码'));
    await leave(page);
  });

  it('a forgotten password: the system administrator asks, the security administrator approves and alone sees the new one', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await menu(page, '用户管理');
    let row = page.getByRole('row').filter({ hasText: 'zhangsan' });
    await row.getByRole('button', { name: '申请重置密码' }).click();
    await (await dialog(page)).getByRole('button', { name: '确定' }).click();
    await visible(row.getByText('密码重置待批准'));
    // No password is shown to the one who asked.
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    await leave(page);

    await login(page, 'secadmin');
    await menu(page, '用户管理');
    row = page.getByRole('row').filter({ hasText: 'zhangsan' });
    await row.getByRole('button', { name: '批准重置密码' }).click();
    await (await dialog(page)).getByRole('button', { name: '确定' }).click();
    const shown = page.getByTestId('one-time-password');
    await visible(shown);
    const oneTimePassword = ((await shown.textContent()) ?? '').trim();
    expect(oneTimePassword).toMatch(/^.{16}$/);
    saveAccount('zhangsan', { password: oneTimePassword });
    await page.getByRole('button', { name: '我已记下' }).click();
    expect(await row.getByText('密码重置待批准').count()).toBe(0);
    await leave(page);

    // 张三 still needs their own authenticator, then sets a new password.
    await submitLogin(page, 'zhangsan', oneTimePassword);
    await page.waitForURL('**/login/totp');
    await page.getByLabel('6 位验证码').fill(await nextTotp('zhangsan'));
    await page.getByRole('button', { name: '验证' }).click();
    await changeInitialPassword(page, 'zhangsan', 'Zhang-San#Beijing10');
    await visible(page.getByRole('heading', { name: '北京市概况' }));
  });
});
