import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  assignRole,
  choose,
  createUser,
  dialog,
  download,
  firstLogin,
  horizontalOverflow,
  leave,
  login,
  menu,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

// 12-instructors registered 赵工信 (工信) and assigned them to a manufacturer: here they get
// an account and work that enterprise from their phone.
const INSTRUCTOR = '赵工信';
const USERNAME = 'zhaogx';
const PASSWORD = 'Zhao-GongXin#2026';
const GRANT = 50;

let enterpriseName = '';

const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

/** A JSON read with the page's session, as the web app makes it. */
async function apiGet(page: Page, path: string) {
  const res = await page.request.get(path);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

describe('赵工信 gets an instructor account', () => {
  const browser = useBrowser();

  it('the administrators create it, tie it to the instructor record and give it the role', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    const assignments = await apiGet(page, `/api/casework/assignments?q=${encodeURIComponent(INSTRUCTOR)}`);
    const mine = assignments.items.find((a: { instructorName: string }) => a.instructorName === INSTRUCTOR);
    expect(mine).toBeDefined();
    enterpriseName = mine.enterpriseName;
    await leave(page);

    await login(page, 'admin');
    await menu(page, '用户管理');
    await page.waitForURL('**/users');
    await createUser(page, { username: USERNAME, displayName: INSTRUCTOR, region: ['全国', '湖北省', '宜昌市'] });
    // Tied to 赵工信's record in the edit form, found by name among 宜昌市's instructors.
    await page.getByRole('row').filter({ hasText: USERNAME }).getByRole('button', { name: '编辑' }).click();
    const form = await dialog(page);
    await form.getByLabel('指导员（党建指导员账户）').click();
    await form.getByLabel('指导员（党建指导员账户）').fill('赵工');
    await choose(option(page, new RegExp(`^${INSTRUCTOR} · .*工信`)));
    await screenshot(page, 'user-link-instructor');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    const users = await apiGet(page, `/api/users?q=${USERNAME}`);
    const user = users.items.find((u: { username: string }) => u.username === USERNAME);
    expect(user.instructorId).toBe(mine.instructorId);
    await leave(page);

    await login(page, 'secadmin');
    await menu(page, '用户管理');
    await assignRole(page, USERNAME, '党建指导员');
  });
});

describe('on a 375-px phone, 赵工信 records a contact that raises a request, and resolves it with a grant', () => {
  const browser = useBrowser({ phone: true });

  it('my enterprises: the assigned enterprise, this week’s state, and nobody else’s', async () => {
    const { page } = browser();
    await firstLogin(page, USERNAME, PASSWORD, { totp: false });
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '联系企业');
    await page.waitForURL('**/casework');
    await visible(page.getByRole('heading', { name: '我的联系企业' }));
    const cards = page.getByTestId('assignment-card');
    await visible(cards.filter({ hasText: enterpriseName }));
    expect(await cards.count()).toBe(1);
    await visible(cards.getByTestId('this-week'));
    await visible(page.getByText('每周至少联系 1 次'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'casework-mine-phone');
  });

  it('the quick contact form records a phone call and the financing request raised in it', async () => {
    const { page } = browser();
    await page.getByTestId('assignment-card').getByRole('button', { name: '记录联系' }).click();
    await page.waitForURL(/\/casework\/contact\?assignment=\d+/);
    await visible(page.getByRole('heading', { name: '记录走访联系' }));
    // Saving without whom: the field says so, nothing is sent.
    await page.getByRole('button', { name: '保存' }).click();
    await visible(page.locator('.ant-form-item-explain-error'));
    await page.getByText('电话', { exact: true }).click();
    await page.getByLabel('联系对象').fill('王总（总经理）');
    await page.getByLabel('情况记录').fill('企业扩产，流动资金紧张，希望争取技改补助');
    await page.getByRole('button', { name: '添加诉求' }).click();
    const request = page.locator('.ant-card').filter({ hasText: '诉求 1' });
    await request.getByLabel('类别').click();
    await choose(option(page, '融资'));
    await request.getByLabel('诉求内容').fill('申请技改专项补助资金');
    await request.getByLabel('协调部门').click();
    await choose(option(page, '经济和信息化局（工信）'));
    await page.keyboard.press('Escape');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'casework-contact-form-phone');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/casework\/assignments\/\d+$/);
    await visible(page.getByText('已记录联系，受理诉求 1 项'));
    await visible(page.getByTestId('contact-item').filter({ hasText: '王总（总经理）' }));
    const card = page.getByTestId('request-card').filter({ hasText: '申请技改专项补助资金' });
    await visible(card.getByText('已受理'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'casework-assignment-phone');
  });

  it('corrects whom the call was with; a contact recorded twice by mistake is deleted', async () => {
    const { page } = browser();
    const call = page.getByTestId('contact-item').filter({ hasText: '王总（总经理）' });
    // It raised a request: it can be corrected, not deleted.
    expect(await call.getByRole('button', { name: /^删除/ }).count()).toBe(0);
    await call.getByRole('button', { name: /^更正/ }).click();
    const modal = await dialog(page);
    await visible(modal.getByText('诉求的受理日期随之更正'));
    await modal.getByLabel('联系对象').fill('王建国（总经理）');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'casework-contact-correct-phone');
    await modal.getByRole('button', { name: /保\s*存/ }).click();
    await visible(page.getByText('已更正联系记录'));
    await visible(page.getByTestId('contact-item').filter({ hasText: '王建国（总经理）' }));

    const assignmentUrl = page.url();
    await page.getByRole('button', { name: '记录联系' }).click();
    await page.waitForURL(/\/casework\/contact\?assignment=\d+/);
    await page.getByLabel('联系对象').fill('重复录入');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(assignmentUrl);
    const twice = page.getByTestId('contact-item').filter({ hasText: '重复录入' });
    await twice.getByRole('button', { name: /^删除/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await visible(page.getByText('已删除联系记录'));
    await twice.waitFor({ state: 'detached' });
    expect(await page.getByTestId('contact-item').count()).toBe(1);
  });

  it('the request moves to coordinating, then to resolved with a grant, counted as an outcome', async () => {
    const { page } = browser();
    await page.getByTestId('request-card').getByRole('link', { name: enterpriseName }).click();
    await page.waitForURL(/\/casework\/requests\/\d+$/);
    const status = page.getByTestId('request-status');
    await expect.poll(() => status.textContent()).toBe('已受理');

    await page.getByLabel('状态', { exact: true }).click();
    await choose(option(page, '协调中'));
    await page.getByLabel('进展情况').fill('已与工信局对接，材料已报送');
    await page.getByRole('button', { name: '登记进展' }).click();
    await expect.poll(() => status.textContent()).toBe('协调中');

    await page.getByLabel('状态', { exact: true }).click();
    await choose(option(page, '已解决'));
    await page.getByLabel('进展情况').fill('补助资金已拨付');
    await page.getByLabel('争取资金（万元）').fill(String(GRANT));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'casework-request-resolve-phone');
    await page.getByRole('button', { name: '登记进展' }).click();
    await expect.poll(() => status.textContent()).toBe('已解决');
    await expect.poll(() => page.getByTestId('request-values').textContent()).toBe(`争取资金（万元） ${GRANT}`);
    await visible(page.getByText('诉求已办结，不能再更新'));
    await screenshot(page, 'casework-request-phone');

    await page.goto('/casework/outcomes');
    const grant = page.getByTestId('outcome-item').filter({ hasText: `争取资金 ${GRANT} 万元` });
    await visible(grant.getByText('自动统计'));
    await visible(grant.getByRole('link', { name: /诉求 #\d+/ }));
    await visible(page.getByTestId('outcome-item').filter({ hasText: '解决问题 1 个' }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'casework-outcomes-phone');
  });
});

describe('李四 sees it counted in the instructor work summary', () => {
  const browser = useBrowser();

  it('the summary on screen and in the .xlsx counts the contact, the request and the grant', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '指导员工作汇总');
    await page.waitForURL('**/casework/summary');
    const table = page.getByTestId('summary-table');
    const total = table.locator('.ant-table-row').first();
    await visible(total.getByText('合计'));
    // Cells: 部门, then 指导员 1, 联络员 2, 联系企业 3, 走访联系 4, 未联系周数 5, 受理 6, 解决 7, … 争取资金 18.
    const cell = (n: number) => total.locator('td').nth(n);
    await expect.poll(() => cell(4).textContent()).toBe('1');
    await expect.poll(() => cell(6).textContent()).toBe('1');
    await expect.poll(() => cell(7).textContent()).toBe('1');
    await expect.poll(() => cell(18).textContent()).toBe(String(GRANT));
    const gongxin = table.locator('.ant-table-row').filter({ hasText: '经济和信息化局（工信）' });
    await expect.poll(() => gongxin.locator('td').nth(18).textContent()).toBe(String(GRANT));
    await visible(page.getByTestId('summary-people').getByText(INSTRUCTOR));
    await screenshot(page, 'casework-summary');

    const file = await download(page, () => page.getByRole('link', { name: /下载 \.xlsx/ }).click());
    expect(file.name).toMatch(/^指导员工作情况汇总-420500-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getCell(5, 1).value).toBe('合计');
    // Column A is the department: a figure's column is one more than its cell on screen.
    expect(sheet.getCell(5, 19).value).toBe(GRANT);
    expect(sheet.getCell(5, 5).value).toBe(1);

    // The prompts: nothing silent yet; the request was updated today.
    await page.goto('/prompts');
    await visible(page.getByText('诉求长期未更新'));
    await page.getByText('English', { exact: true }).click();
    await page.goto('/casework/summary');
    await visible(page.getByText('Instructor work summary'));
    expect(await page.getByText(/\b(summary|casework|request|outcome)\.[a-zA-Z.]+/).count()).toBe(0);
    await page.getByText('中文', { exact: true }).click();
  });
});

describe('the casework pages on desktop', () => {
  const browser = useBrowser();

  it('the requests board and the enterprise page as the committee sees them', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.goto('/casework/requests?view=board');
    await visible(page.getByTestId('board-resolved').getByText(enterpriseName));
    await screenshot(page, 'casework-requests-board');
    await page.goto('/casework');
    await visible(page.getByRole('heading', { name: '选派企业联系情况' }));
    await visible(page.getByTestId('assignment-card').filter({ hasText: INSTRUCTOR }));
    await screenshot(page, 'casework-assignments');
  });
});
