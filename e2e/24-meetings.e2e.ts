// Organisational life (issue #15): the branch secretary 周书记 (of 20) records a 主题党日 on a
// 375×812 phone from 本支部 — one tap to 记录会议, pick the kind, tick who came (none ticked to
// begin with), save — and sees it on the org page; the committee 李四 (of 06) reads the org's
// year of meetings on a desktop. Neither walk leaves a denied request in the audit trail.
import { describe, expect, it } from 'vitest';
import { auditorForFile, horizontalOverflow, login, logout, screenshot, useBrowser, visible } from './support.ts';

const ORG = '宜昌市区域联合党支部';
const TOPIC = '主题党日：学习党章';

// The org page the secretary's save lands on: the committee opens the same page.
let orgPath = '';

const auditor = auditorForFile();
const { deniedRows } = auditor;

describe('the branch secretary (周书记) records a meeting on a 375×812 phone', () => {
  const browser = useBrowser({ phone: true });

  it('from 本支部: 记录会议, the kind, ticks from the roster, save', async () => {
    const { page } = browser();
    const before = await deniedRows('zhousj');
    await login(page, 'zhousj');
    await page.waitForURL('**/home');
    await visible(page.getByTestId('record-meeting'));
    await screenshot(page, 'meetings-home-secretary-phone');

    await page.getByTestId('record-meeting').click();
    await page.waitForURL(/\/meetings\/new\/\d+$/);
    await visible(page.getByRole('heading', { name: '记录会议' }));
    await page.getByTestId('meeting-kind').getByText('主题党日').click();
    // The topic starts as the kind's name; the secretary may keep it or write their own.
    await expect.poll(() => page.getByLabel('会议主题').inputValue()).toBe('主题党日');
    await page.getByLabel('会议主题').fill(TOPIC);
    // Nobody is ticked to begin with; 全部到会 ticks all at once and 清空 takes them back.
    const roster = page.getByTestId('roster');
    await visible(roster.locator('.ant-checkbox-wrapper'));
    const expected = await roster.locator('.ant-checkbox-wrapper').count();
    // The roster is what the earlier files left the joint branch: at least the one member 10 keeps at home.
    expect(expected).toBeGreaterThan(0);
    await visible(page.getByTestId('ticked').getByText(`已勾选 0 / ${expected} 人`));
    await page.getByTestId('all-present').click();
    await visible(page.getByTestId('ticked').getByText(`已勾选 ${expected} / ${expected} 人`));
    await page.getByRole('button', { name: '清空' }).click();
    await visible(page.getByTestId('ticked').getByText(`已勾选 0 / ${expected} 人`));
    await roster.locator('.ant-checkbox-wrapper').first().click();
    await visible(page.getByTestId('ticked').getByText(`已勾选 1 / ${expected} 人`));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'meetings-record-phone');

    await page.getByTestId('save-meeting').click();
    await page.waitForURL(/\/orgs\/\d+$/);
    orgPath = new URL(page.url()).pathname;
    const card = page.getByTestId('org-life');
    await visible(card.getByText(TOPIC));
    await visible(card.getByText(`应到 ${expected} 人，实到 1 人，缺席 ${expected - 1} 人`));
    await card.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'meetings-org-phone');
    await logout(page);
    expect(await deniedRows('zhousj')).toBe(before);
  });
});

describe('the committee (李四) reads the org’s year of meetings on a desktop', () => {
  const browser = useBrowser();

  it('the org page shows the calendar held and due, the groups and the meetings', async () => {
    const { page } = browser();
    const before = await deniedRows('lisi');
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    await page.goto(new URL(orgPath, page.url()).href);
    await visible(page.getByRole('heading', { name: ORG }));
    const card = page.getByTestId('org-life');
    await visible(card.getByTestId('meeting-calendar'));
    await visible(card.getByText('主题党日').first());
    await visible(card.getByText('已开').first());
    await visible(card.getByText(TOPIC));
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'meetings-org-desktop');
    await logout(page);
    expect(await deniedRows('lisi')).toBe(before);
  });
});
