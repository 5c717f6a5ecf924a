import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstLogin, logout, screenshot, useBrowser, visible } from './support.ts';

describe('the auditor reads and exports the audit trail', () => {
  const browser = useBrowser();

  it('lands on the audit log after the first-login steps', async () => {
    const { page } = browser();
    await firstLogin(page, 'auditor', 'Shenji-Chakan#2025', { totp: true });
    await page.waitForURL('**/audit');
    await visible(page.getByRole('heading', { name: '审计日志' }));
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
  });

  it('finds the creation of 张三, with its details', async () => {
    const { page } = browser();
    await page.getByLabel('操作类型').fill('创建用户');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/action=user\.create/);
    const row = page.getByRole('row').filter({ hasText: '创建用户' }).filter({ hasText: 'admin' });
    await visible(row);
    await row.getByRole('button', { name: /展开|Expand/ }).click();
    await visible(page.locator('pre').filter({ hasText: '"zhangsan"' }));
  });

  it('finds the logins of admin and 张三', async () => {
    const { page } = browser();
    await page.goto('/audit?action=auth.login&result=success');
    for (const who of ['admin', 'secadmin', 'zhangsan']) {
      await visible(page.getByRole('row').filter({ hasText: '登录' }).filter({ hasText: who }));
    }
    await page.goto('/audit');
    await visible(page.getByRole('row').filter({ hasText: '修改本人密码' }));
    await screenshot(page, 'audit-desktop');
  });

  it('downloads the export as an .xlsx file', async () => {
    const { page } = browser();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
    await logout(page);
  });
});
