import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DISTRICTS, expected, goodRows } from './ledger-data.ts';
import {
  choose,
  dialog,
  horizontalOverflow,
  login,
  menu,
  pickRegion,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const rows = goodRows();
const want = expected(rows);
const open = rows.filter((r) => !['cancelled', 'revoked', 'moved_out'].includes(r.status));
// The enterprises 09-orgs covers with party organizations: not ones to give an instructor.
const own = open.find((r) => want.category(r) === 'should_form' && r !== rows[0]);
const joint = open.filter((r) => want.category(r) === 'joint_candidate' && r !== rows[0]).slice(0, 2);
// A manufacturer (GB/T 4754 section C) no org covers: 工信 relates to it.
const target = open.find((r) => r.industryCode?.startsWith('C') && r !== rows[0] && r !== own && !joint.includes(r));
if (!target) throw new Error('the ledger data lacks a manufacturer without an org');
const district = DISTRICTS.find((d) => target.regionCode.startsWith(d.code));
if (!district) throw new Error(`no district for ${target.regionCode}`);

const NAME = '赵工信';
const PHONE = '13912345678';

const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

/** How many enterprises the ledger lists as needing an instructor (the list's own total). */
async function needsInstructor(page: Page): Promise<number> {
  await page.goto('/ledger?flag=needs_instructor');
  const total = page.getByTestId('ledger-total');
  await visible(total);
  return Number(((await total.textContent()) ?? '').replace(/\D/g, ''));
}

async function openTarget(page: Page) {
  await page.goto(`/ledger?q=${encodeURIComponent(target!.name)}`);
  await page.getByRole('link', { name: target!.name, exact: true }).first().click();
  await page.waitForURL(/\/ledger\/\d+$/);
  const card = page.getByTestId('enterprise-instructors');
  await visible(card);
  return card;
}

describe('李四 registers an instructor and assigns them where the ledger needs one', () => {
  const browser = useBrowser();
  let before = 0;

  it('the department catalogue comes with the defaults and their relevance map', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    before = await needsInstructor(page);
    expect(before).toBeGreaterThan(0);
    await menu(page, '职能部门');
    await page.waitForURL('**/instructors/departments');
    const gongxin = page.getByRole('row').filter({ hasText: '经济和信息化局（工信）' });
    await visible(gongxin.getByText('C 制造业'));
    await visible(page.getByRole('row').filter({ hasText: '生态环境局' }).getByText('环保'));
    await screenshot(page, 'instructors-departments');
    // The map is edited in place: 交通运输局 also takes “other” requests.
    const transport = page.getByRole('row').filter({ hasText: '交通运输局' });
    await transport.getByRole('button', { name: '修改部门 交通运输局' }).click();
    const modal = await dialog(page);
    await visible(modal.getByText('沿用上级的部门', { exact: false }));
    // Typed, so the option is the only one shown: a click into the scrolling list can miss it.
    // Under load the typing once landed before the search box listened (CI, 2026-12-07): the
    // whole list stayed open and the click hit a neighbour. So the search text is checked
    // before the click, and the pick is checked and made again.
    const field = modal.getByLabel('相关诉求类别');
    const picked = modal.locator('.ant-select-selection-item').filter({ hasText: '其他' });
    for (let attempt = 1; (await picked.count()) === 0; attempt++) {
      if (attempt > 3) throw new Error('其他 was not picked in 3 attempts');
      await field.click();
      await field.fill('其他');
      await expect.poll(() => field.inputValue()).toBe('其他');
      await choose(option(page, /^其他$/));
      await picked.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    }
    // The open list covers the buttons: clicking the title closes it.
    await modal.getByText('修改部门 · 交通运输局').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await modal.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(transport.getByText('其他'));
    // The defaults are the deployment's: the change made the county's own 交通运输局 in their place.
    await visible(transport.getByText('本级'));
    await visible(gongxin.getByText('沿用全国'));
  });

  it('registers 赵工信 of 工信 with a phone that shows masked, revealed on request', async () => {
    const { page } = browser();
    await menu(page, '党建指导员');
    await page.waitForURL('**/instructors');
    await page.getByRole('button', { name: '新增指导员' }).click();
    const drawer = await dialog(page);
    // Saving an empty form: the required fields say so.
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(drawer.locator('.ant-form-item-explain-error'));
    await drawer.getByLabel('姓名').fill(NAME);
    await drawer.getByLabel('派出单位').click();
    await choose(option(page, '经济和信息化局（工信）'));
    await drawer.getByLabel('职务').fill('科员');
    await pickRegion(page, drawer, '所在区划', ['宜昌市', district.name]);
    await drawer.getByLabel('联系电话').fill(PHONE);
    await screenshot(page, 'instructors-create');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/instructors\/\d+$/);
    await visible(page.getByRole('heading', { name: NAME }));
    const phone = page.getByTestId('instructor-phone');
    await expect.poll(() => phone.textContent()).toBe('139****5678');
    await page.getByRole('button', { name: '查看完整号码' }).click();
    await expect.poll(() => phone.textContent()).toBe(PHONE);
    await page.getByRole('button', { name: '隐藏' }).click();
    await expect.poll(() => phone.textContent()).toBe('139****5678');
    await visible(page.getByText('尚未选派'));
  });

  it('the enterprise without work coverage suggests 赵工信 first, says why, and the assignment takes it off the list', async () => {
    const { page } = browser();
    const card = await openTarget(page);
    await visible(card.getByText('未实现党的工作覆盖'));
    const first = card.getByTestId('instructor-suggestion').first();
    await visible(first.getByText(NAME));
    await visible(first.getByText('第 1 位'));
    await visible(first.getByText('经济和信息化局（工信）职能与制造业（C）相关（+40）'));
    await visible(first.getByText(/同一(县（市、区）|乡镇（街道）)/));
    await visible(first.getByText('目前未联系企业（+20）'));
    // Suggested from the enterprise's own county first.
    await visible(card.getByText(new RegExp(`比较了${district.name}的 \\d+ 名在任指导员`)));
    await screenshot(page, 'instructors-suggestions');

    await first.getByRole('button', { name: '选派' }).click();
    const modal = await dialog(page);
    await visible(modal.getByText(`选派 ${NAME} 联系 ${target.name}`));
    await modal.getByRole('button', { name: '选派' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(card.getByText('已实现党的工作覆盖'));
    await visible(card.getByRole('link', { name: NAME }));
    expect(await card.getByTestId('instructor-suggestion').count()).toBe(0);
    await screenshot(page, 'instructors-enterprise-assigned');

    expect(await needsInstructor(page)).toBe(before - 1);
    await page.goto(`/ledger?flag=needs_instructor&q=${encodeURIComponent(target.name)}`);
    await visible(page.getByTestId('ledger-total'));
    expect(await page.getByRole('link', { name: target.name, exact: true }).count()).toBe(0);
  });

  it('the list shows the load; the instructor page lists the assignment, in both languages', async () => {
    const { page } = browser();
    await page.goto('/instructors');
    const row = page.getByRole('row').filter({ hasText: NAME });
    await visible(row.getByTestId('instructor-load').getByText('1 家'));
    await page.getByTestId('filter-department').click();
    await choose(option(page, '组织部'));
    await visible(page.getByText('没有符合条件的指导员或联络员'));
    await page.goto('/instructors');
    await row.getByRole('link', { name: NAME }).click();
    const assignments = page.getByTestId('assignments-card');
    await visible(assignments.getByRole('link', { name: target.name }));
    await visible(assignments.getByText('进行中'));
    await screenshot(page, 'instructors-page');
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByText('Assigned enterprises (1 current)'));
    expect(await page.getByText(/\binstructors\.[a-zA-Z.]+/).count()).toBe(0);
    await page.getByText('中文', { exact: true }).click();
    await visible(page.getByText('选派联系的企业（当前 1 家）'));
  });
});

describe('党建指导员 on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the list, the instructor page, the form and the enterprise card fit the screen', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '党建指导员');
    await page.waitForURL('**/instructors');
    const card = page.getByTestId('instructor-card').filter({ hasText: NAME });
    await visible(card.getByText('1 家'));
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'instructors-list-phone');

    await page.getByRole('button', { name: '新增指导员' }).click();
    const drawer = await dialog(page);
    await visible(drawer.getByLabel('派出单位'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'instructors-create-phone');
    await drawer.getByRole('button', { name: '取消' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await card.getByRole('link', { name: NAME }).click();
    await page.waitForURL(/\/instructors\/\d+$/);
    await visible(page.getByTestId('assignments-card').getByRole('link', { name: target.name }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'instructors-page-phone');

    const enterprise = await openTarget(page);
    await visible(enterprise.getByRole('link', { name: NAME }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'instructors-enterprise-phone');

    await page.goto('/instructors/departments');
    await visible(page.getByText('经济和信息化局（工信）'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'instructors-departments-phone');
  });
});
