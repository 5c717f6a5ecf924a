import { describe, expect, it } from 'vitest';
import {
  dialog,
  firstLogin,
  login,
  logout,
  nextTotp,
  saveAccount,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

describe('an account from creation to first use', () => {
  const browser = useBrowser();

  it('the system administrator creates 张三 in 北京市 and reads the one-time password once', async () => {
    const { page } = browser();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
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
    await logout(page);
  });

  it('the security administrator, at first login, assigns 张三 the committee role', async () => {
    const { page } = browser();
    await firstLogin(page, 'secadmin', 'Anquan-Guanli#2025', { totp: true });
    await page.waitForURL('**/dashboard');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    const row = page.getByRole('row').filter({ hasText: 'zhangsan' });
    // Not theirs to do: creating users and resetting passwords.
    expect(await page.getByRole('button', { name: '新建用户' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: '重置密码' }).count()).toBe(0);

    await row.getByRole('button', { name: '分配角色' }).click();
    const roles = await dialog(page);
    await roles.getByRole('checkbox', { name: '党工委工作人员' }).check();
    await roles.getByRole('button', { name: '保存' }).click();
    await visible(row.getByText('党工委工作人员'));

    await page.getByRole('menuitem', { name: '安全策略' }).click();
    const threshold = page.getByLabel('连续登录失败锁定次数');
    await visible(threshold);
    expect(await threshold.inputValue()).toBe('5');
    await threshold.fill('6');
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('安全策略已保存'));
    await logout(page);
  });

  it('张三 logs in with the one-time password, replaces it and sees 北京市', async () => {
    const { page } = browser();
    await firstLogin(page, 'zhangsan', 'Zhang-San#Beijing9', { totp: false });
    await page.waitForURL('**/dashboard');
    await visible(page.getByRole('heading', { name: '北京市概况' }));
    // A committee member's menu: no user management, no audit log.
    await visible(page.getByRole('menuitem', { name: '首页' }));
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await page.goto('/users');
    await visible(page.getByText('无权访问'));

    // Any user may link an authenticator from their account page.
    await page.getByRole('menuitem', { name: '我的账户' }).click();
    await page.getByRole('button', { name: '生成绑定密钥' }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    saveAccount('zhangsan', { totpSecret: secret });
    await page.getByLabel('6 位验证码').fill(await nextTotp('zhangsan'));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await visible(page.getByText('动态验证码已绑定'));
    await visible(page.getByText('您的账户已启用动态验证码'));
    await logout(page);
  });
});
