import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstLogin, menuItem, PHONE, screenshot, useBrowser, visible } from './support.ts';

/**
 * What the audit table shows that is an internal name: an action code (`user.create`), a
 * field key (`displayName`), a `#123` reference or JSON.
 */
async function internalNames(page: Page): Promise<string[]> {
  // The rendered text, cell by cell apart (textContent would run `zhangsan` into `User`).
  // biome-ignore lint/performance/useDomNodeTextContent: what is on screen is the point
  const text = (await page.locator('.ant-table-tbody').first().innerText()).replace(/\d+\.\d+\.\d+\.\d+/g, '');
  return [
    ...(text.match(/\b[a-z_]+\.[a-z_.]+\b/g) ?? []),
    ...(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b/g) ?? []),
    ...(text.match(/[{}"]|#\d+/g) ?? []),
  ];
}

describe('the auditor reads and exports the audit trail', () => {
  const browser = useBrowser();

  it('lands on the audit log after the first-login steps', async () => {
    const { page } = browser();
    await firstLogin(page, 'auditor', 'Shenji-Chakan#2025', { totp: true });
    await page.waitForURL('**/audit');
    await visible(page.getByRole('heading', { name: '审计日志' }));
    expect(await (await menuItem(page, '用户管理')).count()).toBe(0);
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
    // The details as a table of named fields, no JSON: 用户名 zhangsan, 角色 by their names.
    const details = page.getByTestId('audit-details').first();
    await visible(details.getByRole('row').filter({ hasText: '用户名' }).filter({ hasText: 'zhangsan' }));
    await visible(details.getByRole('row').filter({ hasText: '姓名' }).filter({ hasText: '张三' }));
    // The object by its name, linked where it has a page: the user 张三.
    await visible(row.getByText('用户 · 张三'));
    expect(await page.locator('pre').count()).toBe(0);
    expect(await internalNames(page)).toEqual([]);
  });

  it('offers every kind of action, grouped by area', async () => {
    const { page } = browser();
    // Typing finds an action of any area by its words, under its area (the list is virtual:
    // only what is near the top is rendered until searched for).
    await page.getByLabel('操作类型').fill('季报');
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await visible(dropdown.locator('.ant-select-item-option').filter({ hasText: '导出新建党组织季报' }));
    await visible(dropdown.locator('.ant-select-item-group').filter({ hasText: '统计报表' }));
    await page.keyboard.press('Escape');
  });

  it('finds the logins of admin and 张三', async () => {
    const { page } = browser();
    await page.goto('/audit?action=auth.login&result=success');
    for (const who of ['admin', 'secadmin', 'zhangsan']) {
      await visible(page.getByRole('row').filter({ hasText: '登录' }).filter({ hasText: who }));
    }
    await page.goto('/audit');
    await visible(page.getByRole('row').filter({ hasText: '修改本人密码' }));
    expect(await internalNames(page)).toEqual([]);
    // Expanded, a change reads as before and after: 张三's roles as 管理员 named them.
    const roles = page.getByRole('row').filter({ hasText: '分配角色' }).first();
    await roles.getByRole('button', { name: /展开|Expand/ }).click();
    await visible(page.getByTestId('audit-details').getByRole('columnheader', { name: '修改后' }));
    expect(await internalNames(page)).toEqual([]);
    await screenshot(page, 'audit-desktop');
    const desktop = page.viewportSize();
    await page.setViewportSize(PHONE);
    await visible(page.getByRole('row').filter({ hasText: '修改本人密码' }));
    await screenshot(page, 'audit-phone');
    if (desktop) await page.setViewportSize(desktop);
    // In English: the actions and fields in English, still no codes.
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByRole('row').filter({ hasText: 'Change own password' }));
    expect(await internalNames(page)).toEqual([]);
    await page.getByText('中文', { exact: true }).click();
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
  });
});
