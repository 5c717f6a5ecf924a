// Party members, their card, transfers and development, by 李四 (党工委) in the joint branch
// 09-orgs.e2e.ts set up. Like every browser test it starts where the files before it left
// the system (users of 02/06, the ledger of 06, the orgs of 09): run the whole suite
// (`node scripts/e2e.mjs`), not this file alone.
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../src/domain/idNumber.ts';
import { maskIdNumber } from '../src/domain/mask.ts';
import { letterValidUntil } from '../src/domain/org/transfer.ts';
import { expected, goodRows } from './ledger-data.ts';
import {
  choose,
  DESKTOP,
  dialog,
  horizontalOverflow,
  leave,
  login,
  menu,
  ORGS_MENU,
  PHONE,
  screenshot,
  useBrowser,
  visible,
} from './support.ts';

const rows = goodRows();
const want = expected(rows);
const open = rows.filter((r) => !['cancelled', 'revoked', 'moved_out'].includes(r.status));
// 09 covers the second of these with 宜昌市区域联合党支部 (the first one's coverage it ends).
const [, employer] = open.filter((r) => want.category(r) === 'joint_candidate' && r !== rows[0]);
if (!employer) throw new Error('the ledger data lacks the enterprise these tests need');
const orgName = '宜昌市区域联合党支部';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
// Each test reads the date when it starts, not when the file loads: a run that crosses
// midnight then still types and expects the dates the server counts from.

/** A checksum-valid ID number of 西陵区 for a birth date (and a sequence, to tell people apart). */
function idNumber(birthDate: string, seq: string): string {
  const first17 = `420502${birthDate.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}
/** The same number with a wrong check character. */
const withBadCheck = (id: string) => id.slice(0, 17) + (id[17] === '1' ? '2' : '1');

const member = { name: '张红梅', id: idNumber('1988-05-16', '122'), phone: '13912345678' };
const arriving = { name: '李建华', id: idNumber('1979-11-02', '351') };
const applicant = { name: '王小明', id: idNumber('1998-03-12', '413') };
const late = { name: '赵小红', id: idNumber('1999-08-21', '524') };
const counterpart = '中共武汉光谷信息技术有限公司支部委员会';

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(scope: Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** An option of the drop-down list now open (closed ones stay in the page, hidden). */
const option = (page: Page, text: string | RegExp) =>
  page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });

/** Searches the picker labelled `label` in `scope` and chooses `name`. */
async function pick(page: Page, scope: Locator, label: string, name: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(name);
  await choose(option(page, name).first());
}

/** The form item (label, field, message) labelled `label`. */
const field = (scope: Locator, label: string) =>
  scope.locator('.ant-form-item').filter({ has: scope.page().getByText(label, { exact: true }) });

/** Waits for the toasts to go, so a screenshot shows the page. */
async function settle(page: Page): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .last()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
}

let memberPath = '';

/** The member's edit drawer, open in a page of its own (the same session) of `size`. */
async function editorOf(page: Page, size: { width: number; height: number }) {
  const editor = await page.context().newPage();
  await editor.setViewportSize(size);
  await editor.goto(`${memberPath}?edit=1`);
  return { editor, drawer: await dialog(editor) };
}
let boardPath = '';

describe('李四 keeps the roster of the joint branch', () => {
  const browser = useBrowser();

  it('adds a member: a wrong check digit is refused under the field; the list shows the ID masked', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await menu(page, '党员名册');
    await page.waitForURL('**/members');
    await visible(page.getByText('没有符合条件的党员'));

    await page.getByRole('button', { name: '新增党员' }).click();
    const drawer = await dialog(page);
    await drawer.getByLabel('姓名', { exact: true }).fill(member.name);
    await drawer.getByLabel('公民身份号码').fill(withBadCheck(member.id));
    await pickDate(drawer, '入党日期', '2012-07-01');
    await pickDate(drawer, '转正日期', '2013-07-01');
    await pick(page, drawer, '所在党组织', orgName);
    await pick(page, drawer, '工作单位', employer.name);
    await drawer.getByLabel('岗位').fill('质检主管');
    await drawer.getByLabel('联系电话').fill(member.phone);
    await drawer.getByLabel('民族').fill('汉族');
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(field(drawer, '公民身份号码').getByText('身份证号码校验码错误', { exact: false }));
    await page.mouse.move(0, 0);
    await screenshot(page, 'member-create-error-desktop');
    // Said under the field only, not again in a banner.
    expect(await drawer.locator('.ant-alert-error').count()).toBe(0);

    // Corrected, the birth date and sex show as the number gives them.
    await drawer.getByLabel('公民身份号码').fill(member.id);
    await visible(drawer.getByText('出生日期 1988-05-16 · 女'));
    await page.mouse.move(0, 0);
    await screenshot(page, 'member-create-desktop');
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await visible(page.getByText(`已登记党员 ${member.name}`));

    const row = page.getByRole('row').filter({ hasText: member.name });
    await visible(row.getByText(maskIdNumber(member.id)));
    await visible(row.getByText('139****5678'));
    await visible(row.getByText(orgName));
    await visible(row.getByText(employer.name));
    expect(await page.getByText(member.id).count()).toBe(0);
    await settle(page);
    await screenshot(page, 'members-desktop');
  });

  it('reveals the full numbers on the member page only, and they are masked again after leaving it', async () => {
    const { page } = browser();
    await page.getByRole('link', { name: member.name }).click();
    await page.waitForURL(/\/members\/\d+$/);
    memberPath = new URL(page.url()).pathname;
    await visible(page.getByRole('heading', { name: member.name }));
    const profile = page.getByTestId('member-profile');
    await expect.poll(() => profile.getByTestId('member-id-number').textContent()).toBe(maskIdNumber(member.id));
    await settle(page);
    await screenshot(page, 'member-page-desktop');

    await profile.getByRole('button', { name: '显示完整信息' }).click();
    await expect.poll(() => profile.getByTestId('member-id-number').textContent()).toBe(member.id);
    await expect.poll(() => profile.getByTestId('member-phone').textContent()).toBe(member.phone);
    await visible(profile.getByText('离开本页即恢复脱敏显示', { exact: false }));
    // Nothing of it kept in the browser's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(member.id);

    await menu(page, '党员名册');
    await page.waitForURL('**/members');
    await page.getByRole('link', { name: member.name }).click();
    await page.waitForURL(`**${memberPath}`);
    await expect.poll(() => profile.getByTestId('member-id-number').textContent()).toBe(maskIdNumber(member.id));
    await visible(profile.getByRole('button', { name: '显示完整信息' }));
  });

  it('opens the card, masked, and prints it alone on one A6 sheet', async () => {
    const { page } = browser();
    await page.getByRole('button', { name: '党员信息卡' }).click();
    await page.waitForURL(`**${memberPath}/card`);
    const sheet = page.getByTestId('member-card-sheet');
    await visible(sheet.getByText(member.name));
    await expect.poll(() => sheet.getByTestId('card-id-number').textContent()).toBe(maskIdNumber(member.id));
    await visible(sheet.getByText(orgName).first());
    await visible(page.getByRole('button', { name: '打印' }));
    await settle(page);
    await screenshot(page, 'member-card-desktop');

    await page.emulateMedia({ media: 'print' });
    try {
      // The menu, header and buttons are gone; the card is 105 mm wide.
      expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
      expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
      await visible(sheet.getByText(member.name));
      const box = await sheet.boundingBox();
      expect(Math.abs((box?.width ?? 0) - (105 / 25.4) * 96)).toBeLessThan(2);
      await screenshot(page, 'member-card-print');
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(1);
      const [, w, h] = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf) ?? [];
      // A6 in points: 105 × 148 mm.
      expect(Math.round(Number(w))).toBe(298);
      expect(Math.round(Number(h))).toBe(420);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('issues a transfer letter valid 3 months; with the receipt the member leaves the roster', async () => {
    const { page } = browser();
    const today = dayjs();
    await page.getByRole('button', { name: '返回' }).click();
    await page.waitForURL(`**${memberPath}`);
    const transfers = page.getByTestId('transfers-card');
    await transfers.getByRole('button', { name: '开具转出介绍信' }).click();
    const modal = await dialog(page);
    const validUntil = letterValidUntil(day(today));
    await visible(modal.getByText(`有效期至 ${validUntil}`));
    await modal.getByLabel('转往党组织').fill(counterpart);
    await modal.getByLabel('介绍信编号').fill('宜联组转字〔2026〕1号');
    await modal.getByRole('button', { name: '开具转出介绍信' }).click();
    await visible(page.getByText(`已开具介绍信，有效期至 ${validUntil}`));
    const letter = transfers.locator('.ant-table-row').filter({ hasText: counterpart });
    await visible(letter.getByText('有效期内'));
    await visible(letter.getByText(validUntil));
    // One valid letter at a time.
    expect(await transfers.getByRole('button', { name: '开具转出介绍信' }).count()).toBe(0);

    // Meanwhile the record is open for a correction, on a desktop and on a 375-px phone. The
    // shared form drawer puts the server's message about a field under that field alone.
    const editors = [await editorOf(page, DESKTOP), await editorOf(page, PHONE)];
    for (const { editor, drawer } of editors) {
      await drawer.getByLabel('联系电话').fill('abc');
      await drawer.getByRole('button', { name: '保存' }).click();
      await visible(field(drawer, '联系电话').getByText('联系电话含有非法字符“a”', { exact: false }));
      expect(await drawer.locator('.ant-alert-error').count()).toBe(0);
      await editor.mouse.move(0, 0);
      await screenshot(editor, `drawer-field-error-${editor === editors[0]?.editor ? 'desktop' : 'phone'}`);
      // Retyping drops it: the number is then left as it was.
      await drawer.getByLabel('联系电话').fill('');
      // (The message fades out: polled.)
      await expect.poll(() => field(drawer, '联系电话').locator('.ant-form-item-explain-error').count()).toBe(0);
    }

    // The open letters of 李四's scope list it; the receipt is recorded there.
    await menu(page, '组织关系转接');
    await page.waitForURL('**/members/transfers');
    const open = page.getByRole('row').filter({ hasText: member.name });
    await visible(open.getByText(counterpart));
    await visible(open.getByText('有效期内'));
    await open.getByRole('button', { name: '登记回执' }).click();
    const receipt = await dialog(page);
    await visible(receipt.getByText('离开本组织党员名册', { exact: false }));
    await receipt.getByRole('button', { name: '登记回执' }).click();
    await visible(page.getByText('已登记回执'));

    // Saved after that, the correction is refused for no field of the form: the server's
    // reason in the drawer's banner, in Chinese, not its JSON; on the phone the drawer is the screen.
    for (const { editor, drawer } of editors) {
      await drawer.getByRole('button', { name: '保存' }).click();
      const banner = drawer.locator('.ant-alert-error');
      await visible(banner.getByText(`该党员已于 ${day(today)} 离开党员名册（转出），记录作为历史保留，不能再修改`));
      expect(await banner.textContent()).not.toMatch(/[{}"]|validation/);
      const phone = editor === editors[1]?.editor;
      if (phone) {
        expect(Math.round((await drawer.boundingBox())?.width ?? 0)).toBe(PHONE.width);
        expect(await horizontalOverflow(editor)).toBeLessThanOrEqual(0);
      }
      await editor.mouse.move(0, 0);
      await screenshot(editor, `drawer-banner-${phone ? 'phone' : 'desktop'}`);
      await editor.close();
    }
    await expect.poll(() => page.getByRole('row').filter({ hasText: member.name }).count()).toBe(0);

    await menu(page, '党员名册');
    await page.waitForURL('**/members');
    await visible(page.getByText('没有符合条件的党员'));
    await page.goto('/members?roster=left');
    await visible(page.getByRole('row').filter({ hasText: member.name }).getByText('已离开（转出）'));
    await page.goto(memberPath);
    await visible(page.getByText(`已于 ${day(today)} 离开党员名册（转出）`, { exact: false }));
    await visible(page.getByTestId('transfers-card').getByText('已回执'));
    expect(await page.getByRole('button', { name: '修改信息' }).count()).toBe(0);
  });

  it('records a member whose relation transfers in', async () => {
    const { page } = browser();
    const today = dayjs();
    await menu(page, '组织关系转接');
    await page.waitForURL('**/members/transfers');
    await page.getByRole('button', { name: '组织关系转入' }).click();
    const drawer = await dialog(page);
    await drawer.getByLabel('转出党组织').fill('中共武汉市江岸区某街道工委');
    await pickDate(drawer, '开具日期', day(today.subtract(10, 'day')));
    await drawer.getByLabel('姓名', { exact: true }).fill(arriving.name);
    await drawer.getByLabel('公民身份号码').fill(arriving.id);
    await pickDate(drawer, '入党日期', '2005-06-20');
    await pickDate(drawer, '转正日期', '2006-06-20');
    await pick(page, drawer, '所在党组织', orgName);
    await pick(page, drawer, '工作单位', employer.name);
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/members\/\d+$/);
    await visible(page.getByRole('heading', { name: arriving.name }));
    await visible(page.getByTestId('transfers-card').getByText('转入'));
    await visible(page.getByTestId('transfers-card').getByText('已回执'));
  });
});

describe('李四 follows the development of members in the joint branch', () => {
  const browser = useBrowser();

  it('records an applicant from the org page’s board and makes them an activist', async () => {
    const { page } = browser();
    const today = dayjs();
    await login(page, 'lisi');
    await menu(page, ORGS_MENU);
    await page.waitForURL('**/orgs');
    await page.getByRole('link', { name: orgName }).click();
    await page.waitForURL(/\/orgs\/\d+$/);
    const section = page.getByTestId('org-members-card');
    await visible(section.getByText('党员（在册 1 名）'));
    await section.getByTestId('org-development-link').click();
    await page.waitForURL(/\/developments\/orgs\/\d+$/);
    boardPath = new URL(page.url()).pathname;
    await visible(page.getByText(orgName).first());

    // One applicant whose talk is overdue …
    await page.getByRole('button', { name: '登记入党申请人' }).click();
    let drawer = await dialog(page);
    await drawer.getByLabel('姓名', { exact: true }).fill(late.name);
    await drawer.getByLabel('公民身份号码').fill(late.id);
    await pickDate(drawer, '递交入党申请书日期', day(today.subtract(3, 'month')));
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/developments\/\d+$/);
    await visible(page.getByTestId('development-overdue').getByText('尚未谈话', { exact: false }));

    // … and one who is talked to and becomes an activist.
    await page.goto(boardPath);
    await page.getByRole('button', { name: '登记入党申请人' }).click();
    drawer = await dialog(page);
    await drawer.getByLabel('姓名', { exact: true }).fill(applicant.name);
    await drawer.getByLabel('公民身份号码').fill(applicant.id);
    await pickDate(drawer, '递交入党申请书日期', day(today.subtract(4, 'month')));
    await drawer.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/developments\/\d+$/);
    await visible(page.getByRole('heading', { name: applicant.name }).getByText('入党申请人'));

    const form = page.getByTestId('development-form');
    await pickDate(form, '组织谈话日期', day(today.subtract(4, 'month').add(10, 'day')));
    await pickDate(form, '确定为入党积极分子日期', day(today.subtract(2, 'month')));
    await form.getByLabel('培养联系人 1', { exact: true }).fill('张建国');
    await form.getByRole('button', { name: '保存' }).click();
    await visible(page.getByRole('heading', { name: applicant.name }).getByText('入党积极分子'));
    await visible(page.getByText(`培养满 1 年：${day(today.subtract(2, 'month').add(1, 'year'))} 起`));
  });

  it('refuses an early candidate step without a written reason, under the field, and accepts it with one', async () => {
    const { page } = browser();
    const today = dayjs();
    const form = page.getByTestId('development-form');
    await pickDate(form, '确定为发展对象日期', day(today));
    const reason = field(form, '提前办理的书面理由');
    await visible(reason);
    await form.getByRole('button', { name: '保存' }).click();
    await visible(reason.getByText('不满1年，提前须书面说明理由', { exact: false }));
    await visible(page.getByRole('heading', { name: applicant.name }).getByText('入党积极分子'));
    await settle(page);
    await screenshot(page, 'development-early-refused');

    await reason.getByRole('textbox').fill('技术骨干，培养期间表现突出，经支委会研究提前确定');
    await form.getByRole('button', { name: '保存' }).click();
    await visible(page.getByRole('heading', { name: applicant.name }).getByText('发展对象'));
    await visible(page.getByTestId('development-early').getByText('技术骨干', { exact: false }));
  });

  it('sees the board by stage with what is overdue in red, and the overdue and early lists', async () => {
    const { page } = browser();
    await page.goto(boardPath);
    const candidates = page.getByTestId('stage-candidate');
    await visible(candidates.getByRole('link', { name: applicant.name }));
    await visible(candidates.getByTestId('early-tag'));
    const applicants = page.getByTestId('stage-applicant');
    const overdue = applicants.getByTestId('development-card').filter({ hasText: late.name });
    await visible(overdue.getByTestId('overdue-tag'));
    await visible(page.getByTestId('board-overdue').getByText('逾期 1 人'));
    await settle(page);
    await screenshot(page, 'development-board-desktop');

    await menu(page, '发展党员');
    await page.waitForURL('**/developments');
    const row = page.getByRole('row').filter({ hasText: late.name });
    await visible(row.getByText('组织谈话'));
    await visible(row.getByText(orgName));
    await page.getByRole('tab', { name: /提前办理待审查/ }).click();
    const early = page.getByRole('row').filter({ hasText: applicant.name });
    await visible(early.getByText('技术骨干', { exact: false }));
    await visible(early.getByText('确定为发展对象'));
  });
});

describe('党员 on a 375-px phone', () => {
  const browser = useBrowser({ phone: true });

  it('the roster is a card list that fits; the member page, the card and the board fit too', async () => {
    const { page } = browser();
    await login(page, 'lisi');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await menu(page, '党员名册');
    await page.waitForURL('**/members');
    const card = page.getByTestId('member-card').filter({ hasText: arriving.name });
    await visible(card.getByText(maskIdNumber(arriving.id)));
    expect(await page.locator('.ant-table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'members-phone');

    await card.getByRole('link', { name: arriving.name }).click();
    await page.waitForURL(/\/members\/\d+$/);
    const profile = page.getByTestId('member-profile');
    await profile.getByRole('button', { name: '显示完整信息' }).click();
    await expect.poll(() => profile.getByTestId('member-id-number').textContent()).toBe(arriving.id);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await profile.getByRole('button', { name: '隐藏' }).click();
    await expect.poll(() => profile.getByTestId('member-id-number').textContent()).toBe(maskIdNumber(arriving.id));
    await settle(page);
    await screenshot(page, 'member-page-phone');

    await page.getByRole('button', { name: '党员信息卡' }).click();
    await page.waitForURL(/\/card$/);
    await visible(page.getByTestId('member-card-sheet').getByText(arriving.name));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'member-card-phone');

    await page.goto(boardPath);
    await visible(page.getByTestId('stage-candidate').getByRole('link', { name: applicant.name }));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'development-board-phone');
    await leave(page);
  });

  it('records a member working away on the phone; they show as 流动党员 in the org’s 流出 list', async () => {
    const { page } = browser();
    const today = dayjs();
    await login(page, 'lisi');
    await page.goto('/members');
    const card = page.getByTestId('member-card').filter({ hasText: arriving.name });
    await card.getByRole('link', { name: arriving.name }).click();
    await page.waitForURL(/\/members\/\d+$/);
    const memberUrl = page.url();
    const awayCard = page.getByTestId('member-away');
    await visible(awayCard.getByText('未登记外出'));
    await awayCard.getByRole('button', { name: '登记外出' }).click();
    const drawer = await dialog(page);
    expect(Math.round((await drawer.boundingBox())?.width ?? 0)).toBe(PHONE.width);
    await drawer.getByLabel('外出地点').fill('江苏省苏州市工业园区');
    await pickDate(drawer, '外出日期', day(today.subtract(8, 'month')));
    await page.mouse.move(0, 0);
    await screenshot(page, 'member-away-drawer-phone');
    await drawer.getByRole('button', { name: '保存' }).click();
    await visible(page.getByText('已登记外出'));
    await visible(awayCard.getByText('江苏省苏州市工业园区'));
    await visible(awayCard.getByText('流动党员'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The org's 流出 list (its link on the member page gives the org).
    const orgHref = await page.getByTestId('member-profile').getByRole('link', { name: orgName }).getAttribute('href');
    const orgId = orgHref?.split('/').pop();
    await page.goto(`/members?view=mobile&side=out&orgId=${orgId}`);
    const listed = page.getByTestId('member-card').filter({ hasText: arriving.name });
    await visible(listed.getByTestId('member-side').getByText('流出'));
    await visible(listed.getByText('江苏省苏州市工业园区'));
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await settle(page);
    await screenshot(page, 'members-outflow-phone');
    // 流入 only: not there.
    await page.getByTestId('member-side-filter').getByText('流入', { exact: true }).click();
    await expect.poll(() => page.getByTestId('member-card').filter({ hasText: arriving.name }).count()).toBe(0);

    // Back home: the period ends.
    await page.goto(memberUrl);
    await page.getByTestId('member-away').getByRole('button', { name: '登记返回' }).click();
    const back = await dialog(page);
    await back.getByRole('button', { name: '登记返回' }).click();
    await visible(page.getByText('已登记返回'));
    await visible(page.getByTestId('member-away').getByText('未登记外出'));
  });
});
