// Attachments (issue #16 item 6): the branch secretary 周书记 (of 20), on a 375×812 phone,
// records a 主题党日 and attaches its minutes (a PDF) on the meeting form; the meeting's page
// lists the file. The committee 李四 (of 06) opens that meeting on a desktop and downloads the
// minutes: the bytes are the ones uploaded. Neither walk leaves a denied request in the audit trail.
import { describe, expect, it } from 'vitest';
import { pdf } from '../src/server/attachments/attachments.testing.ts';
import {
  auditorForFile,
  download,
  horizontalOverflow,
  login,
  logout,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const TOPIC = '主题党日：学习纪要附件';
const FILE = '主题党日会议纪要.pdf';
const MINUTES = pdf('Minutes of the theme day, attached on a phone');

let orgPath = '';

const auditor = auditorForFile();
const { deniedRows } = auditor;

describe('the branch secretary (周书记) attaches the minutes on a 375×812 phone', () => {
  const browser = useBrowser({ phone: true });

  it('records the meeting with its minutes; the meeting page lists them', async () => {
    const { page } = browser();
    const before = await deniedRows('zhousj');
    await login(page, 'zhousj');
    await page.waitForURL('**/home');
    await page.getByTestId('record-meeting').click();
    await page.waitForURL(/\/meetings\/new\/\d+$/);
    await page.getByTestId('meeting-kind').getByText('主题党日').click();
    await page.getByLabel('会议主题').fill(TOPIC);
    const roster = page.getByTestId('roster');
    await visible(roster.locator('.ant-checkbox-wrapper'));
    await roster.locator('.ant-checkbox-wrapper').first().click();

    const pending = page.getByTestId('pending-attachments');
    await pending
      .locator('input[type=file]')
      .setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: MINUTES });
    await visible(pending.getByText(FILE));
    await visible(pending.getByText('保存会议后上传'));
    await pending.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'attachments-form-phone');

    await page.getByTestId('save-meeting').click();
    await page.waitForURL(/\/orgs\/\d+$/);
    orgPath = new URL(page.url()).pathname;
    const card = page.getByTestId('org-life');
    await card.getByTestId('meeting-link').filter({ hasText: TOPIC }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    await visible(page.getByRole('heading', { name: TOPIC }));
    const files = page.getByTestId('attachments');
    await visible(files.getByText(FILE));
    await visible(files.getByRole('link', { name: '下载' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'attachments-meeting-phone');
    await logout(page);
    expect(await deniedRows('zhousj')).toBe(before);
  });
});

describe('the committee (李四) downloads the minutes on a desktop', () => {
  const browser = useBrowser();

  it('the file downloaded is the file uploaded', async () => {
    const { page } = browser();
    const before = await deniedRows('lisi');
    await login(page, 'lisi');
    await page.waitForURL('**/dashboard');
    await page.goto(new URL(orgPath, page.url()).href);
    await page.getByTestId('org-life').getByTestId('meeting-link').filter({ hasText: TOPIC }).click();
    await page.waitForURL(/\/meetings\/\d+$/);
    const files = page.getByTestId('attachments');
    await visible(files.getByText(FILE));
    await screenshot(page, 'attachments-meeting-desktop');
    const file = await download(page, () => files.getByRole('link', { name: '下载' }).first().click());
    expect(file.name).toBe(FILE);
    expect(file.bytes.equals(MINUTES)).toBe(true);
    await logout(page);
    expect(await deniedRows('lisi')).toBe(before);
  });
});
