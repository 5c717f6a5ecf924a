import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expected, goodRows } from './ledger-data.ts';
import {
  choose,
  dialog,
  horizontalOverflow,
  login,
  menu,
  ORGS_MENU,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const rows = goodRows();
const want = expected(rows);
const open = rows.filter((r) => !['cancelled', 'revoked', 'moved_out'].includes(r.status));
// 3 or more full members: it should have its own branch (应建未建) until 李四 sets one up.
const own = open.find((r) => want.category(r) === 'should_form' && r !== rows[0]);
// 1–2 full members each: they join one joint branch.
const [jointA, jointB] = open.filter((r) => want.category(r) === 'joint_candidate' && r !== rows[0]);
if (!own || !jointA || !jointB) throw new Error('the ledger data lacks the enterprises these tests need');
const standaloneName = `中共${own.name}支部委员会`;
const jointName = '宜昌市区域联合党支部';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const today = dayjs();
const establishedOn = day(today.subtract(3, 'year'));
// Elected 2 years 9 months ago, a branch's 3-year term ends in 3 months: re-election is due.
const electedOn = day(today.subtract(33, 'month'));
const termEndsOn = day(dayjs(electedOn).add(3, 'year'));

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** An option of the drop-down list now open (closed ones stay in the page, hidden). */
const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

/** Searches the enterprise picker of `scope` and chooses `name`. */
async function pickEnterprise(page: Page, scope: Locator, name: string): Promise<void> {
  const input = scope.getByLabel('覆盖企业');
  await input.click();
  await input.fill(name);
  await choose(option(page, name));
}

/** The row of a table in `card` that names `text`. */
const rowOf = (card: Locator, text: string) => card.locator('.ant-table-row').filter({ hasText: text });

describe('李四 sets up party organizations over the ledger’s enterprises', () => {
  const browser = useBrowser();

  it('the create form refuses a standalone org without its enterprise, under the field', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, ORGS_MENU);
    await page.waitForURL('**/orgs');
    await visible(page.getByText('没有符合条件的党组织'));
    await page.getByRole('button', { name: '新建党组织' }).click();
    const drawer = await dialog(page);
    await visible(drawer.getByText('单独组建：选择一个企业'));

    // Picking the enterprise fills in the region and a name; clearing it leaves them.
    await pickEnterprise(page, drawer, own.name);
    await expect.poll(() => drawer.getByLabel('党组织名称').inputValue(), { timeout: 10_000 }).toBe(standaloneName);
    await pickDate(drawer, '成立日期', establishedOn);
    const field = drawer.locator('.ant-form-item').filter({ hasText: '覆盖企业' });
    await field.locator('.ant-select').hover();
    await field.locator('.ant-select-clear').click();
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(field.getByText('请选择党组织覆盖的企业'));

    await pickEnterprise(page, drawer, own.name);
    await page.mouse.move(0, 0);
    await screenshot(page, 'org-create-desktop');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    await visible(page.getByRole('heading', { name: standaloneName }));
    const coverage = page.getByTestId('coverage-card');
    await visible(rowOf(coverage, own.name).getByText('已单独建立党组织'));
    // No election and no secretary yet: the rules say so.
    const findings = page.getByTestId('org-findings');
    await visible(findings.getByText('未登记选举和任期，无法提示换届'));
    await visible(findings.getByText('党支部未配备书记'));
  });

  it('the enterprise turns 已单独建立党组织 in the ledger, with the change in its history', async () => {
    const { page } = browser();
    await page.getByTestId('coverage-card').getByRole('link', { name: own.name }).click();
    await page.waitForURL(/\/ledger\/\d+$/);
    await visible(page.locator('.ant-descriptions').getByText('已单独建立党组织'));
    const change = page.getByTestId('history-item').filter({ hasText: '党组织覆盖：' });
    await visible(change.getByText('单独建立的党组织'));

    await page.goto(`/ledger?q=${encodeURIComponent(own.name)}`);
    await visible(page.getByRole('row').filter({ hasText: own.name }).getByText('已单独建立党组织'));
    await page.goBack();
    await page.goBack();
    await visible(page.getByRole('heading', { name: standaloneName }));
  });

  it('records an election and sees the term’s end, adds a secretary, and extends the term with approval', async () => {
    const { page } = browser();
    const elections = page.getByTestId('elections-card');
    await elections.getByRole('button', { name: '登记换届选举' }).click();
    let modal = await dialog(page);
    await visible(modal.getByText('本组织类别默认 3 年'));
    await pickDate(modal, '选举日期', electedOn);
    await modal.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText(`已登记换届选举，任期届满日期：${termEndsOn}`));
    await visible(elections.getByTestId('term-ends-on').getByText(termEndsOn));
    await visible(elections.getByTestId('term-ends-on').getByText('即将届满'));
    const findings = page.getByTestId('org-findings');
    await visible(findings.getByText(`任期将于 ${termEndsOn} 届满`, { exact: false }));
    expect(await findings.getByText('未登记选举和任期').count()).toBe(0);

    const officers = page.getByTestId('officers-card');
    await officers.getByRole('button', { name: '登记任职' }).click();
    modal = await dialog(page);
    await modal.getByLabel('姓名').fill('张建国');
    await modal.getByRole('button', { name: '保存' }).click();
    await visible(rowOf(officers, '张建国').getByText('现任'));
    await visible(rowOf(officers, '张建国').getByText('书记'));
    await expect.poll(() => page.getByText('党支部未配备书记').count(), { timeout: 10_000 }).toBe(0);

    // A second secretary while the first is in post: the server says so under the field.
    await officers.getByRole('button', { name: '登记任职' }).click();
    modal = await dialog(page);
    await modal.getByLabel('职务', { exact: true }).click();
    await choose(option(page, /^书记$/));
    await modal.getByLabel('姓名').fill('李春梅');
    await modal.getByRole('button', { name: '保存' }).click();
    await visible(modal.getByText('本组织现任书记为 张建国，请先登记其离任'));
    await modal.getByRole('button', { name: '取消' }).click();

    // 双向进入、交叉兼职: the secretary is the chair and legal representative, and chairs the union.
    const crossHolding = officers.getByTestId('cross-holding');
    await visible(crossHolding.getByText('进入企业管理层（双向进入）'));
    await rowOf(officers, '张建国').getByRole('button', { name: '交叉任职' }).click();
    const drawer = await dialog(page);
    await visible(drawer.getByText('书记 张建国 在企业的任职'));
    await drawer.getByLabel('企业管理职务').fill('董事长');
    await drawer.getByLabel('企业法定代表人').check();
    await drawer.getByLabel('工会主席').check();
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(rowOf(officers, '张建国').getByText('董事长'));
    await visible(rowOf(officers, '张建国').getByText('企业法定代表人'));
    await visible(rowOf(officers, '张建国').getByText('工会主席'));
    await expect
      .poll(() => crossHolding.locator('.ant-descriptions-item-content').allInnerTexts(), { timeout: 10_000 })
      .toEqual(['1', '是', '是']);

    await elections.getByRole('button', { name: '延期或提前' }).click();
    modal = await dialog(page);
    await modal.getByLabel('延长（+）或缩短（−）月数').fill('6');
    await modal.getByLabel('批准机关').fill('西陵区委组织部');
    await modal.getByRole('button', { name: '保存' }).click();
    const extended = day(dayjs(termEndsOn).add(6, 'month'));
    await visible(page.getByText(`任期已调整，届满日期：${extended}`));
    await visible(elections.getByTestId('term-ends-on').getByText(extended));
    await visible(elections.getByText('延长 6 个月（西陵区委组织部'));
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'org-page-desktop');
  });

  it('sets up a joint org over two enterprises and ends one coverage', async () => {
    const { page } = browser();
    await menu(page, ORGS_MENU);
    await page.waitForURL('**/orgs');
    await page.getByRole('button', { name: '新建党组织' }).click();
    const drawer = await dialog(page);
    await drawer.getByText('联合组建', { exact: true }).click();
    await visible(drawer.getByText('联合组建：选择几个企业'));
    await pickEnterprise(page, drawer, jointA.name);
    await pickEnterprise(page, drawer, jointB.name);
    // Closes the picker's list (Escape would close the drawer too).
    await drawer.locator('.ant-drawer-title').click();
    await drawer.getByLabel('联建类型').click();
    await choose(option(page, '区域联建'));
    await drawer.getByLabel('党组织名称').fill(jointName);
    await visible(drawer.locator('.ant-form-item').filter({ hasText: '组织类别' }).getByText('联合党支部'));
    await pickDate(drawer, '成立日期', establishedOn);
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    await visible(page.getByRole('heading', { name: jointName }));
    const coverage = page.getByTestId('coverage-card');
    for (const r of [jointA, jointB]) await visible(rowOf(coverage, r.name).getByText('已联合建立党组织'));
    await visible(coverage.getByText('覆盖企业（现覆盖 2 个）'));

    await rowOf(coverage, jointA.name).getByRole('button', { name: '结束覆盖' }).click();
    const modal = await dialog(page);
    await modal.getByRole('button', { name: '结束覆盖' }).click();
    await visible(coverage.getByText('覆盖企业（现覆盖 1 个）'));
    await visible(rowOf(coverage, jointA.name).getByText('有党员未建'));
    await visible(rowOf(coverage, jointB.name).getByText('已联合建立党组织'));
  });

  it('lists both orgs with their figures, and dissolves the standalone one', async () => {
    const { page } = browser();
    await menu(page, ORGS_MENU);
    await page.waitForURL('**/orgs');
    const standalone = page.getByRole('row').filter({ hasText: standaloneName });
    await visible(standalone.getByText('张建国'));
    // The term extended by 6 months ends in 9: no longer due.
    await visible(standalone.getByText(day(dayjs(termEndsOn).add(6, 'month'))));
    expect(await standalone.getByText('即将届满').count()).toBe(0);
    const fullMembers = own.fullMemberCount ?? own.memberCount;
    await visible(standalone.getByText(`${fullMembers} / ${own.memberCount - fullMembers}`));
    await visible(standalone.getByText('(填报)'));
    await visible(page.getByRole('row').filter({ hasText: jointName }).getByText('联合组建'));
    await page.locator('.ant-message-notice').last().waitFor({ state: 'detached' });
    await page.mouse.move(0, 0);
    await screenshot(page, 'org-list-desktop');

    // The filters go into the URL.
    await page.getByLabel('组建形式').click();
    await choose(option(page, '联合组建'));
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.waitForURL(/formation=joint/);
    await visible(page.getByRole('link', { name: jointName }));
    await expect.poll(() => page.getByRole('link', { name: standaloneName }).count(), { timeout: 10_000 }).toBe(0);
    // The filter lives in the URL: a reload keeps it (the form shows it), the back button undoes it.
    await page.reload();
    await visible(page.getByRole('link', { name: jointName }));
    expect(await page.getByRole('link', { name: standaloneName }).count()).toBe(0);
    await visible(page.locator('.ant-select').filter({ hasText: '联合组建' }));
    await page.goBack();
    await visible(page.getByRole('link', { name: standaloneName }));
    await page.goForward();
    await page.waitForURL(/formation=joint/);
    await expect.poll(() => page.getByRole('link', { name: standaloneName }).count(), { timeout: 10_000 }).toBe(0);
    await page.getByRole('button', { name: '重置' }).click();

    await page.getByRole('link', { name: standaloneName }).click();
    await visible(page.getByRole('heading', { name: standaloneName }));
    await page.getByRole('button', { name: '撤销党组织' }).click();
    const modal = await dialog(page);
    await visible(modal.getByText('现覆盖 1 个'));
    await modal.getByRole('button', { name: '确认撤销' }).click();
    await visible(page.getByText(`本党组织已于 ${day(dayjs())} 撤销`));
    await visible(page.getByRole('heading', { name: standaloneName }).getByText('已撤销'));
    const coverage = page.getByTestId('coverage-card');
    await visible(rowOf(coverage, own.name).getByText('应建未建'));
    expect(await page.getByRole('button', { name: '撤销党组织' }).count()).toBe(0);

    // In English every label is translated.
    await page.getByText('English', { exact: true }).click();
    await visible(page.getByText('Elections and terms'));
    expect(await page.getByText(/\b(org|orgType|finding|officerPost)\.[a-z_]+/).count()).toBe(0);
    await page.getByText('中文', { exact: true }).click();
    await visible(page.getByText('换届选举与任期'));
  });
});

describe('党组织 on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the list is a card list that fits the screen; an org page and the create form fit too', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, ORGS_MENU);
    await page.waitForURL('**/orgs');
    const card = page.getByTestId('org-card').filter({ hasText: jointName });
    await visible(card);
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await page.getByLabel('组建形式').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-list-phone');

    await page.getByRole('button', { name: '新建党组织' }).click();
    const drawer = await dialog(page);
    await visible(drawer.getByLabel('覆盖企业'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-create-phone');
    await drawer.getByRole('button', { name: '取消' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await card.getByRole('link', { name: jointName }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    await visible(page.getByRole('heading', { name: jointName }));
    await visible(page.getByTestId('coverage-card').getByRole('link', { name: jointB.name }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'org-page-phone');

    // Record an election on the phone: the modal is usable.
    await page.getByTestId('elections-card').getByRole('button', { name: '登记换届选举' }).click();
    const modal = await dialog(page);
    await pickDate(modal, '选举日期', day(today.subtract(1, 'month')));
    await modal.getByRole('button', { name: '保存' }).click();
    const ends = day(today.subtract(1, 'month').add(3, 'year'));
    await visible(page.getByTestId('term-ends-on').getByText(ends));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});
