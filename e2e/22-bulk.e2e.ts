// Bulk actions on the ledger (issue #14 item 6): 李四 ticks enterprises that need an
// instructor, sees that ending their coverage is refused (no org covers them) with the reason
// on each row, then assigns 赵工信 (registered in 12-instructors) to them all at once: a
// preview, a confirmation, and the ledger and the enterprise page show the result.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, dialog, ledgerTotal, login, useBrowser, visible } from './support.ts';

const INSTRUCTOR = '赵工信';

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

async function openNeedsInstructor(page: Page) {
  await page.goto('/ledger?flag=needs_instructor');
  await visible(rows(page));
}

/** Ticks the first `n` rows of the list and answers their enterprises' names. */
async function tick(page: Page, n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows(page).nth(i);
    names.push(((await row.getByRole('link').first().textContent()) ?? '').trim());
    await row.getByRole('checkbox').check();
  }
  await visible(page.getByTestId('bulk-bar').getByText(`已选 ${n} 家企业`));
  return names;
}

/**
 * The modal as the user sees it: a picture of the window, not the full page (a full-page
 * capture resizes the window under the open modal, which then closed in fresh runs).
 */
async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOTS ?? path.resolve('test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), animations: 'disabled' });
}

async function openAction(page: Page, label: string) {
  await page.getByTestId('bulk-bar').getByRole('button', { name: '批量操作' }).click();
  await page.getByRole('menuitem', { name: label }).click();
  return dialog(page);
}

describe('李四 works on enterprises in a batch', () => {
  const browser = useBrowser();
  let names: string[] = [];
  let before = 0;

  it('ending coverages the enterprises do not have is refused row by row, and nothing can be applied', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await openNeedsInstructor(page);
    before = await ledgerTotal(page);
    expect(before).toBeGreaterThan(2);
    names = await tick(page, 2);
    const modal = await openAction(page, '批量结束覆盖');
    await modal.getByRole('button', { name: '预览' }).click();
    await visible(modal.getByTestId('bulk-summary').getByText('共 2 家：可处理 0 家，不能处理 2 家'));
    for (const name of names) {
      const row = modal.getByRole('row').filter({ hasText: name });
      await visible(row.getByText('不能处理'));
      await visible(row.getByText('该企业没有党组织覆盖'));
    }
    expect(await modal.getByRole('button', { name: '确认执行（0 家）' }).isDisabled()).toBe(true);
    await shot(page, 'bulk-end-coverage-refused');
    await modal.getByRole('button', { name: '返回修改' }).click();
    await modal.getByRole('button', { name: '取消' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  });

  it('assigning one instructor to the ticked enterprises: preview, confirm, and the ledger shows it', async () => {
    const { page } = browser();
    const modal = await openAction(page, '批量选派指导员');
    await modal.getByLabel('指导员（联络员）').fill(INSTRUCTOR);
    await choose(
      page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
        .filter({ hasText: INSTRUCTOR })
        .first(),
    );
    await modal.getByRole('button', { name: '预览' }).click();
    await visible(modal.getByTestId('bulk-summary').getByText('共 2 家：可处理 2 家，不能处理 0 家'));
    for (const name of names) {
      await visible(modal.getByRole('row').filter({ hasText: name }).getByText(`选派${INSTRUCTOR}联系`));
    }
    await shot(page, 'bulk-assign-preview');
    await modal.getByRole('button', { name: '确认执行（2 家）' }).click();
    await visible(modal.getByTestId('bulk-done').getByText('已完成：2 家企业已处理'));
    await visible(modal.getByRole('row').filter({ hasText: names[0] }).getByText('已处理'));
    await shot(page, 'bulk-assign-done');
    await modal.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // The list reloads: the two no longer need an instructor, and the selection is cleared.
    await visible(page.getByTestId('bulk-bar').getByText('已选 0 家企业'));
    await expect.poll(() => ledgerTotal(page)).toBe(before - 2);
    await page.goto(`/ledger?q=${encodeURIComponent(names[0])}`);
    await page.getByRole('link', { name: names[0], exact: true }).first().click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await visible(page.getByTestId('enterprise-instructors').getByRole('link', { name: INSTRUCTOR }));
  });
});
