import { describe, expect, it } from 'vitest';
import {
  account,
  changeInitialPassword,
  enrolTotp,
  logout,
  menuItem,
  pickRegion,
  screenshot,
  submitLogin,
  useBrowser,
  visible,
} from './support.ts';

describe('first login of the system administrator', () => {
  const browser = useBrowser();

  it('is sent to the login page', async () => {
    const { page } = browser();
    await page.goto('/');
    await page.waitForURL('**/login');
    await visible(page.getByText('用户登录'));
    await screenshot(page, 'login-desktop');
  });

  it('sees the error for a wrong password', async () => {
    const { page } = browser();
    await submitLogin(page, 'admin', 'not-the-password');
    await visible(page.getByRole('alert').filter({ hasText: '用户名或密码错误' }));
  });

  it('must replace the one-time password, and is told which rules a weak one breaks', async () => {
    const { page } = browser();
    await submitLogin(page, 'admin', account('admin').password);
    await page.waitForURL('**/login/password');
    await visible(page.getByText('至少 10 个字符'));

    await page.getByLabel('当前密码').fill(account('admin').password);
    await page.getByLabel('新密码', { exact: true }).fill('abc12345');
    await page.getByLabel('确认新密码').fill('abc12345');
    await page.getByRole('button', { name: '修改密码' }).click();
    await visible(page.getByText('密码长度至少为 10 个字符，当前为 8 个'));
    await visible(page.getByText(/至少包含大写字母、小写字母、数字、特殊符号中的 3 类/));
    expect(new URL(page.url()).pathname).toBe('/login/password');
    await screenshot(page, 'password-desktop');

    await changeInitialPassword(page, 'admin', 'Hongqi-Piao#2025');
  });

  it('must link an authenticator, then choose the region the system serves', async () => {
    const { page } = browser();
    await enrolTotp(page, 'admin', { screenshot: 'enrol-desktop' });
    // No DANGJIAN_REGION at the server's start (scripts/e2e.mjs): the first login asks for it.
    await page.waitForURL('**/login/region');
    await visible(page.getByText('选择本系统服务的区划'));
    await page.getByRole('button', { name: '确认' }).click();
    await visible(page.getByText('请选择区划'));
    // The later files' world is the whole country's, so this deployment serves 全国.
    await pickRegion(page, page.locator('form'), '服务的区划', ['全国']);
    await screenshot(page, 'region-desktop');
    await page.getByRole('button', { name: '确认' }).click();
  });

  it('lands on the users page, and the dashboard shows the whole country', async () => {
    const { page } = browser();
    // An administrator's home is their own work, not the region's figures (which stay open to them).
    await page.waitForURL('**/users');
    await visible(page.getByRole('heading', { name: '用户管理' }));
    expect(await (await menuItem(page, '首页')).count()).toBe(0);
    await page.goto('/dashboard');
    await visible(page.getByRole('heading', { name: '全国概况' }));
    const provinces = page.locator('.ant-statistic').filter({ hasText: '省级区划' });
    await visible(provinces.getByText('31', { exact: true }));
    // The child regions: the 31 provinces with their counts.
    await visible(page.getByRole('cell', { name: '北京市' }));
    await screenshot(page, 'dashboard-desktop');
  });

  it('switches to English, and the choice survives a reload', async () => {
    const { page } = browser();
    await page.getByText('English', { exact: true }).click();
    await visible(await menuItem(page, 'Users'));
    await visible(page.locator('.ant-statistic').filter({ hasText: 'Provinces' }));
    await visible(page.getByRole('columnheader', { name: 'Sub-divisions' }));
    await page.reload();
    await visible(page.getByRole('button', { name: 'Log out' }));
    await visible(page.locator('.ant-statistic').filter({ hasText: 'Provinces' }).getByText('31', { exact: true }));
    await visible(page.getByRole('cell', { name: '北京市' }));
    await screenshot(page, 'dashboard-desktop-en');

    await page.getByText('中文', { exact: true }).click();
    await visible(await menuItem(page, '用户管理'));
  });

  it('is told when a page does not exist, and logs out', async () => {
    const { page } = browser();
    await page.goto('/no-such-page');
    await visible(page.getByText('页面不存在'));
    await page.getByRole('button', { name: '返回首页' }).click();
    await page.waitForURL('**/users');
    await logout(page);
    await page.goto('/dashboard');
    await page.waitForURL('**/login');
  });
});
