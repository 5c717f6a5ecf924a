// The to-do centre (待办, issue #14 item 7): the bell in the header counts the signed-in user's
// due items and opens the to-do page, where each item opens its record. 李四 (committee, of 06)
// on a desktop has the city's quarterly report to submit (21 submitted only the county's); the
// secretary 周书记 (of 20) on a 375-px phone has the overdue talk of 赵小红 (10) in her branch.
// Neither walk leaves a denied request in the audit trail.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditorForFile, horizontalOverflow, login, logout, screenshot, useBrowser, visible } from './support.ts';

// The auditor's session, open for the whole file: it counts each walker's denied requests.
const auditor = auditorForFile();
const { deniedRows } = auditor;

/** The number on the bell, once it has one (its accessible name is 待办 N 项). */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByTestId('todo-bell');
  await visible(bell);
  await visible(bell.locator('.ant-badge-count'));
  let label = '';
  await expect.poll(async () => (label = (await bell.getAttribute('aria-label')) ?? '')).toMatch(/^待办 [1-9]\d* 项$/);
  return Number(/\d+/.exec(label)?.[0]);
}

/** Opens the to-do page from the bell: the total there is the bell's number. */
async function openTodo(page: Page, n: number): Promise<void> {
  await page.getByTestId('todo-bell').click();
  await page.waitForURL('**/todo');
  await visible(page.getByRole('heading', { name: '待办' }));
  await visible(page.getByTestId('todo-total').getByText(`共 ${n} 项`));
  await visible(page.getByTestId('todo-item'));
  const listed = await page.getByTestId('todo-item').count();
  // Under 50 of a kind, every item is listed: the list is as long as the count.
  expect(listed).toBe(n);
}

describe('the committee (李四, desktop)', () => {
  const browser = useBrowser();

  it('the bell counts the due items; the to-do page lists them by kind; the quarterly report opens', async () => {
    const { page } = browser();
    const before = await deniedRows('lisi');
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    const n = await bellCount(page);
    await screenshot(page, 'todo-bell-committee-desktop');
    await openTodo(page, n);
    const reports = page.getByTestId('todo-section-quarterly_report');
    await visible(reports.getByText('待报送季报'));
    await screenshot(page, 'todo-committee-desktop');

    const item = reports.getByTestId('todo-item').first();
    const title = (await item.getByRole('link').textContent()) ?? '';
    const quarter = /\d{4}Q[1-4]/.exec(title)?.[0] as string;
    expect(quarter).toBeTruthy();
    await item.getByRole('link').click();
    await page.waitForURL(`**/reports/quarterly?quarter=${quarter}`);
    await visible(page.getByTestId('report-quarter').getByText(quarter));
    await logout(page);
    expect(await deniedRows('lisi')).toBe(before);
  });
});

describe('the branch secretary (周书记) on a 375×812 phone', () => {
  const browser = useBrowser({ phone: true });

  it('the bell fits the header and counts the branch’s due items; the overdue talk opens its record', async () => {
    const { page } = browser();
    const before = await deniedRows('zhousj');
    await login(page, 'zhousj');
    await page.waitForURL('**/home');
    await visible(page.getByTestId('home-due'));
    const n = await bellCount(page);
    // The header holds the menu, the title, the bell, the language and log-out in 375 px.
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const header = await page.locator('.ant-layout-header').boundingBox();
    const bell = await page.getByTestId('todo-bell').boundingBox();
    expect(bell && header && bell.x + bell.width <= header.x + header.width && bell.y >= header.y).toBe(true);
    await screenshot(page, 'todo-bell-secretary-phone');

    await openTodo(page, n);
    const development = page.getByTestId('todo-section-development');
    await visible(development.getByText('发展党员逾期'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'todo-secretary-phone');

    await development.getByTestId('todo-item').filter({ hasText: '赵小红' }).getByRole('link').click();
    await page.waitForURL(/\/developments\/\d+$/);
    await visible(page.getByRole('heading', { name: '赵小红' }));
    await visible(page.getByTestId('development-overdue').getByText('尚未谈话', { exact: false }));
    await logout(page);
    expect(await deniedRows('zhousj')).toBe(before);
  });
});
